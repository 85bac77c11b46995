import type { AttachmentInput } from '../../domain/attachments';

interface ReporterActionBase {
  readonly trackingId: string;
  /** The reporter's `X-Tracking-Token`. */
  readonly trackingToken: string;
}

export type ReporterActionCommand =
  | (ReporterActionBase & {
      readonly action: 'reply';
      readonly message: string;
      readonly attachments: readonly AttachmentInput[];
    })
  | (ReporterActionBase & {
      readonly action: 'confirm';
      readonly rating: number;
      readonly comment?: string;
    })
  | (ReporterActionBase & { readonly action: 'reopen'; readonly reason: string });

export interface ReporterActionResult {
  readonly trackingId: string;
  readonly action: ReporterActionCommand['action'];
  /** The status when the action was accepted; routing decides the next one. */
  readonly status: string;
  readonly acceptedAt: string;
}
