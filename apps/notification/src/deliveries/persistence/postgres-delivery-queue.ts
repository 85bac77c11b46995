import {
  EventTypes,
  isMaskedTarget,
  type NotificationDeliveredData,
  type NotificationFailedData,
} from '@salur/contracts';
import type { UnitOfWork } from '@salur/messaging';
import type { DataSource } from 'typeorm';
import type {
  ClaimRequest,
  DeliveryOutcomes,
  DeliveryQueue,
  SendResult,
} from '../application/deliver/ports';
import type { Delivery } from '../domain/delivery';
import { DeliveryEntity } from './delivery.entity';
import { rowCount, toDelivery } from './postgres-delivery-store';

const TABLE = `"notification"."deliveries"`;

/** Due deliveries leased with FOR UPDATE SKIP LOCKED, so instances never try the same one. */
export class PostgresDeliveryQueue implements DeliveryQueue {
  constructor(private readonly dataSource: DataSource) {}

  claim(request: ClaimRequest): Promise<Delivery[]> {
    return this.dataSource.transaction(async (manager) => {
      const rows = await manager
        .createQueryBuilder(DeliveryEntity, 'd')
        .where(`d.status = 'pending'`)
        .andWhere('d.nextAttemptAt <= :now', { now: request.now })
        .andWhere('(d.lockedUntil IS NULL OR d.lockedUntil <= :now)', { now: request.now })
        .andWhere(
          request.excludeEndpoints.length > 0 ? 'd.endpoint NOT IN (:...excluded)' : 'TRUE',
          { excluded: request.excludeEndpoints },
        )
        .orderBy('d.nextAttemptAt', 'ASC')
        .limit(request.lookAhead)
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getMany();
      const picked = request.pick(rows.map(toDelivery));
      if (picked.length === 0) return [];
      const lockedUntil = new Date(request.now.getTime() + request.leaseMs);
      await manager.query(
        `UPDATE ${TABLE} SET "attempts" = "attempts" + 1, "locked_until" = $2 WHERE "delivery_id" = ANY($1)`,
        [picked.map((d) => d.deliveryId), lockedUntil],
      );
      return picked.map((d) => ({ ...d, attempts: d.attempts + 1 }));
    });
  }
}

/**
 * Records how a try went. Delivered and failed commit together with their
 * `salur.notification.*` event (through the outbox). A try whose lease was taken over by another
 * instance (the attempt count moved on) changes nothing.
 */
export class PostgresDeliveryOutcomes implements DeliveryOutcomes {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly dataSource: DataSource,
  ) {}

  delivered(delivery: Delivery, result: SendResult, at: Date): Promise<void> {
    return this.unitOfWork.run(async (tx) => {
      const updated: unknown[] = await tx.manager.query(
        `UPDATE ${TABLE} SET "status" = 'delivered', "delivered_at" = $3, "last_status_code" = $4, ` +
          `"last_error" = NULL, "next_attempt_at" = NULL, "locked_until" = NULL ` +
          `WHERE "delivery_id" = $1 AND "status" = 'pending' AND "attempts" = $2 RETURNING "delivery_id"`,
        [delivery.deliveryId, delivery.attempts, at, result.statusCode ?? null],
      );
      if (rowCount(updated) === 0) return;
      const data: NotificationDeliveredData = {
        ...outcomeData(delivery, result),
        deliveredAt: at.toISOString(),
      };
      await tx.publish({
        type: EventTypes.NotificationDelivered,
        subject: delivery.complaintId,
        agency: delivery.recipientKind === 'agency' ? delivery.recipient : undefined,
        data,
      });
    });
  }

  async retry(delivery: Delivery, result: SendResult, nextAttemptAt: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE ${TABLE} SET "next_attempt_at" = $3, "last_error" = $4, "last_status_code" = $5, ` +
        `"locked_until" = NULL WHERE "delivery_id" = $1 AND "status" = 'pending' AND "attempts" = $2`,
      [
        delivery.deliveryId,
        delivery.attempts,
        nextAttemptAt,
        errorText(result),
        result.statusCode ?? null,
      ],
    );
  }

  failed(delivery: Delivery, result: SendResult, at: Date): Promise<void> {
    return this.unitOfWork.run(async (tx) => {
      const updated: unknown[] = await tx.manager.query(
        `UPDATE ${TABLE} SET "status" = 'failed', "last_error" = $3, "last_status_code" = $4, ` +
          `"next_attempt_at" = NULL, "locked_until" = NULL ` +
          `WHERE "delivery_id" = $1 AND "status" = 'pending' AND "attempts" = $2 RETURNING "delivery_id"`,
        [delivery.deliveryId, delivery.attempts, errorText(result), result.statusCode ?? null],
      );
      if (rowCount(updated) === 0) return;
      const data: NotificationFailedData = {
        ...outcomeData(delivery, result),
        failedAt: at.toISOString(),
        lastError: errorText(result),
        ...(result.statusCode !== undefined && result.statusCode >= 100 && result.statusCode <= 599
          ? { lastStatusCode: result.statusCode }
          : {}),
      };
      await tx.publish({
        type: EventTypes.NotificationFailed,
        subject: delivery.complaintId,
        agency: delivery.recipientKind === 'agency' ? delivery.recipient : undefined,
        data,
      });
    });
  }

  async postpone(delivery: Delivery, nextAttemptAt: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE ${TABLE} SET "attempts" = "attempts" - 1, "next_attempt_at" = $3, "locked_until" = NULL ` +
        `WHERE "delivery_id" = $1 AND "status" = 'pending' AND "attempts" = $2`,
      [delivery.deliveryId, delivery.attempts, nextAttemptAt],
    );
  }
}

function errorText(result: SendResult): string {
  const text = result.error ?? (result.statusCode ? `HTTP ${result.statusCode}` : 'failed');
  return text.length > 1000 ? `${text.slice(0, 997)}...` : text;
}

function fallbackTarget(delivery: Delivery): string {
  switch (delivery.channel) {
    case 'email':
      return '***@unknown';
    case 'sms':
      return '***';
    case 'webhook':
      return 'https://unknown';
    case 'page':
      return delivery.recipient;
  }
}

function outcomeData(delivery: Delivery, result: SendResult) {
  return {
    deliveryId: delivery.deliveryId,
    complaintId: delivery.complaintId,
    sourceEventId: delivery.sourceEventId,
    sourceEventType: delivery.eventType as (typeof EventTypes)[keyof typeof EventTypes],
    channel: delivery.channel,
    recipientKind: delivery.recipientKind,
    ...(delivery.recipientKind === 'agency' ? { recipientAgency: delivery.recipient } : {}),
    target: isMaskedTarget(delivery.channel, result.target)
      ? result.target
      : fallbackTarget(delivery),
    attempts: Math.min(1000, Math.max(1, delivery.attempts)),
  };
}
