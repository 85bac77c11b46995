import type { ComplaintSnapshot } from '@salur/contracts';
import type { ComplaintTransition } from '../../domain/clock-transitions';

export interface ApplyComplaintEventCommand {
  readonly transition: ComplaintTransition;
  /** The complaint after the transition, as routing published it. */
  readonly complaint: ComplaintSnapshot;
}
