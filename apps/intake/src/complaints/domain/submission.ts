import type { Channel, ComplaintType, Language, Privacy } from '@salur/contracts';
import type { AttachmentInput } from './attachments';

/** What a reporter (or a channel on their behalf) submits, normalised and validated. */
export interface SubmissionInput {
  readonly type: ComplaintType;
  readonly channel: Channel;
  readonly title: string;
  readonly body: string;
  readonly category?: string;
  /** When it happened: a date (`2026-11-20`) or an instant. */
  readonly occurredAt?: string;
  readonly regionCode: string;
  readonly address?: string;
  readonly lat?: number;
  readonly lon?: number;
  readonly targetAgency?: string;
  readonly privacy: Privacy;
  readonly language: Language;
  readonly reporter?: {
    readonly name?: string;
    readonly email?: string;
    /** E.164. */
    readonly phone?: string;
    /** NIK, 16 digits. */
    readonly nationalId?: string;
  };
  readonly attachments?: readonly AttachmentInput[];
}

/** A submission as intake keeps it: the complaint before routing has decided anything. */
export interface Submission extends SubmissionInput {
  readonly complaintId: string;
  readonly trackingId: string;
  readonly trackingTokenHash: string;
  readonly status: 'pending_verification';
  readonly submittedAt: Date;
}

/** Anonymous reporters give no identity; everyone else must give a way to reach them. */
export function missingReporterFields(input: SubmissionInput): string[] {
  if (input.privacy === 'anonymous') return [];
  const r = input.reporter;
  if (!r?.name) return ['reporter.name'];
  if (!r.email && !r.phone) return ['reporter.email', 'reporter.phone'];
  return [];
}
