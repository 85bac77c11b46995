import type { Delivery } from '../../domain/delivery';
import type { DeliveryReader } from '../ports';

export class ListDeliveries {
  constructor(private readonly deliveries: DeliveryReader) {}

  execute(complaintId: string): Promise<Delivery[]> {
    return this.deliveries.forComplaint(complaintId);
  }
}
