import type { ComplaintSnapshot } from '@salur/contracts';

export interface StartFollowUpClockCommand {
  /** The complaint as routing assigned it (to `complaint.agency`). */
  readonly complaint: ComplaintSnapshot;
  /** When the agency became responsible: the routing event's time. */
  readonly assignedAt: Date;
}
