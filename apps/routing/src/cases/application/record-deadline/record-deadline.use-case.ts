import { applySlaEvent, type SlaClockEvent } from '../../domain/follow-up-deadline';
import type { RoutingTransaction } from '../ports';

/** Keeps routing's copy of each complaint's follow-up deadline, for the agency queue. */
export class RecordDeadline {
  async execute(tx: RoutingTransaction, event: SlaClockEvent): Promise<void> {
    const next = applySlaEvent(await tx.deadlines.findForUpdate(event.complaintId), event);
    if (next) await tx.deadlines.save(next);
  }
}
