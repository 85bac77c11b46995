import type { ComplaintSnapshot } from '@salur/contracts';
import { randomUUID } from 'node:crypto';
import { agencyDelivery } from '../../domain/delivery';
import type { DeliveryStore } from '../ports';

export interface RecordAgencyDeliveryCommand {
  readonly eventId: string;
  readonly eventType: string;
  readonly complaint: ComplaintSnapshot;
}

/** Records the delivery that tells the agency now holding a complaint about it. */
export class RecordAgencyDelivery {
  constructor(private readonly clock: { now(): Date }) {}

  async execute(store: DeliveryStore, command: RecordAgencyDeliveryCommand): Promise<void> {
    const agency = command.complaint.agency;
    if (!agency) return;
    await store.recordAll([
      agencyDelivery({
        deliveryId: randomUUID(),
        sourceEventId: command.eventId,
        eventType: command.eventType,
        complaintId: command.complaint.complaintId,
        agency,
        at: this.clock.now(),
      }),
    ]);
  }
}
