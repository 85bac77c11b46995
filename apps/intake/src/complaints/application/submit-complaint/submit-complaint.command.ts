import type { SubmissionInput } from '../../domain/submission';

export interface SubmitComplaintCommand {
  readonly input: SubmissionInput;
  /** The client's `Idempotency-Key`, if it sent one. */
  readonly idempotencyKey?: string;
  /** Hash of the request body, to tell a retry from a different request under the same key. */
  readonly fingerprint: string;
}

export interface SubmitComplaintResult {
  readonly complaintId: string;
  readonly trackingId: string;
  readonly trackingToken: string;
  readonly status: string;
  readonly submittedAt: string;
  /** True when this answers a retry of an earlier request. */
  readonly replayed: boolean;
}
