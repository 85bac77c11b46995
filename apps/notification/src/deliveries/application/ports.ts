import type { Delivery } from '../domain/delivery';

export interface DeliveryStore {
  /** Records deliveries; those already recorded for the same event, recipient and channel are kept. */
  recordAll(deliveries: readonly Delivery[]): Promise<number>;
}

export interface DeliveryReader {
  forComplaint(complaintId: string): Promise<Delivery[]>;
}
