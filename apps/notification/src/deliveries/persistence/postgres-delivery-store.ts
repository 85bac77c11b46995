import type { EntityManager } from 'typeorm';
import type { DeliveryReader, DeliveryStore } from '../application/ports';
import type { RedriveStore } from '../application/redrive-delivery/redrive-delivery.use-case';
import type {
  Delivery,
  DeliveryChannel,
  DeliveryPayload,
  DeliveryStatus,
  RecipientKind,
} from '../domain/delivery';
import { DeliveryEntity } from './delivery.entity';

export function toDelivery(r: DeliveryEntity): Delivery {
  return {
    deliveryId: r.deliveryId,
    sourceEventId: r.sourceEventId,
    eventType: r.eventType,
    complaintId: r.complaintId,
    recipientKind: r.recipientKind as RecipientKind,
    recipient: r.recipient,
    channel: r.channel as DeliveryChannel,
    targetKey: r.targetKey,
    endpoint: r.endpoint,
    status: r.status as DeliveryStatus,
    attempts: r.attempts,
    lastError: r.lastError,
    lastStatusCode: r.lastStatusCode,
    nextAttemptAt: r.nextAttemptAt,
    deliveredAt: r.deliveredAt,
    createdAt: r.createdAt,
    payload: r.payload as DeliveryPayload,
  };
}

export class PostgresDeliveryStore implements DeliveryStore, DeliveryReader, RedriveStore {
  constructor(private readonly manager: EntityManager) {}

  async recordAll(deliveries: readonly Delivery[]): Promise<number> {
    if (deliveries.length === 0) return 0;
    const result = await this.manager
      .createQueryBuilder()
      .insert()
      .into(DeliveryEntity)
      .values(deliveries.map((d) => ({ ...d, lockedUntil: null })))
      .orIgnore()
      .returning(['deliveryId'])
      .execute();
    return (result.raw as unknown[]).length;
  }

  async pagedKeys(dedupKeys: readonly string[]): Promise<string[]> {
    if (dedupKeys.length === 0) return [];
    const rows: { key: string }[] = await this.manager.query(
      `SELECT DISTINCT split_part("target_key", ':', 1) AS key FROM "notification"."deliveries" ` +
        `WHERE "channel" = 'page' AND split_part("target_key", ':', 1) = ANY($1) ` +
        `AND split_part("target_key", ':', 2) = 'trigger'`,
      [dedupKeys],
    );
    return rows.map((r) => r.key);
  }

  async forComplaint(complaintId: string): Promise<Delivery[]> {
    const rows = await this.manager.find(DeliveryEntity, {
      where: { complaintId },
      order: { createdAt: 'ASC' },
    });
    return rows.map(toDelivery);
  }

  async get(deliveryId: string): Promise<Delivery | null> {
    const row = await this.manager.findOne(DeliveryEntity, { where: { deliveryId } });
    return row ? toDelivery(row) : null;
  }

  async redrive(deliveryId: string, now: Date): Promise<'redriven' | 'not_failed' | 'not_found'> {
    const updated: unknown[] = await this.manager.query(
      `UPDATE "notification"."deliveries" SET "status" = 'pending', "attempts" = 0, ` +
        `"next_attempt_at" = $2, "locked_until" = NULL WHERE "delivery_id" = $1 AND "status" = 'failed' ` +
        `RETURNING "delivery_id"`,
      [deliveryId, now],
    );
    if (rowCount(updated) > 0) return 'redriven';
    return (await this.get(deliveryId)) ? 'not_failed' : 'not_found';
  }
}

/** `manager.query` answers an UPDATE … RETURNING as `[rows, count]`. */
export function rowCount(result: unknown[]): number {
  if (result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') {
    return result[1];
  }
  return result.length;
}
