import type { ComplaintSnapshot, ComplaintType } from '@salur/contracts';
import type { ComplaintTransition } from '../../domain/clock-transitions';

export interface ApplyComplaintEventCommand {
  readonly transition: ComplaintTransition;
  /** The complaint after the transition, as routing published it. */
  readonly complaint: ComplaintSnapshot;
}

/**
 * The parts of a `salur.complaint.submitted.v1` the clocks need; never the reporter's identity,
 * nor the text.
 */
export interface ComplaintSubmittedCommand {
  readonly complaintId: string;
  readonly type: ComplaintType;
  readonly category: string | null;
  readonly regionCode: string;
  readonly submittedAt: string;
}
