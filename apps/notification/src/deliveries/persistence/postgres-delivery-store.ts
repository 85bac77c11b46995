import type { EntityManager } from 'typeorm';
import type { DeliveryReader, DeliveryStore } from '../application/ports';
import type { Delivery, DeliveryChannel, DeliveryStatus, RecipientKind } from '../domain/delivery';
import { DeliveryEntity } from './delivery.entity';

export class PostgresDeliveryStore implements DeliveryStore, DeliveryReader {
  constructor(private readonly manager: EntityManager) {}

  async recordAll(deliveries: readonly Delivery[]): Promise<number> {
    if (deliveries.length === 0) return 0;
    const result = await this.manager
      .createQueryBuilder()
      .insert()
      .into(DeliveryEntity)
      .values(deliveries.map((d) => ({ ...d })))
      .orIgnore()
      .returning(['deliveryId'])
      .execute();
    return (result.raw as unknown[]).length;
  }

  async forComplaint(complaintId: string): Promise<Delivery[]> {
    const rows = await this.manager.find(DeliveryEntity, {
      where: { complaintId },
      order: { createdAt: 'ASC' },
    });
    return rows.map((r) => ({
      deliveryId: r.deliveryId,
      sourceEventId: r.sourceEventId,
      eventType: r.eventType,
      complaintId: r.complaintId,
      recipientKind: r.recipientKind as RecipientKind,
      recipient: r.recipient,
      channel: r.channel as DeliveryChannel,
      status: r.status as DeliveryStatus,
      attempts: r.attempts,
      lastError: r.lastError,
      nextAttemptAt: r.nextAttemptAt,
      createdAt: r.createdAt,
    }));
  }
}
