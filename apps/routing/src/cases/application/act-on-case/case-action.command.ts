import type { AttachmentRef, ComplaintType, Privacy, RejectionReason } from '@salur/contracts';
import type { Officer } from '../../domain/case-access';
import type { PostponeReason } from '../../domain/complaint-case';

/** What an officer does to a case over HTTP. */
export type CaseAction =
  | {
      readonly kind: 'verify';
      readonly category: string;
      readonly type: ComplaintType;
      readonly privacy?: Privacy;
      /** The verifier's choice of agency; otherwise the rules decide. */
      readonly agency?: string;
    }
  | { readonly kind: 'reject'; readonly reason: RejectionReason; readonly note?: string }
  | {
      readonly kind: 'postpone';
      readonly until: Date;
      readonly reason: PostponeReason;
      readonly note?: string;
    }
  | { readonly kind: 'acknowledge' }
  | { readonly kind: 'request_info'; readonly question: string }
  | {
      readonly kind: 'respond';
      readonly response: string;
      readonly attachments: readonly AttachmentRef[];
    }
  | { readonly kind: 'forward'; readonly toAgency: string; readonly reason: string }
  | { readonly kind: 'escalate'; readonly reason?: string }
  | { readonly kind: 'extend'; readonly reason: string };

export interface ActOnCaseCommand {
  readonly officer: Officer;
  readonly complaintId: string;
  readonly action: CaseAction;
  /** The version the caller saw (`If-Match`); the action is refused if the case moved since. */
  readonly expectedVersion?: number;
}
