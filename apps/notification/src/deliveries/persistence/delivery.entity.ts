import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity({ schema: 'notification', name: 'deliveries' })
@Index(
  'deliveries_event_recipient_target_key',
  ['sourceEventId', 'recipientKind', 'recipient', 'channel', 'targetKey'],
  { unique: true },
)
@Index('deliveries_complaint_idx', ['complaintId'])
@Index('deliveries_pending_next_attempt_idx', ['nextAttemptAt'], { where: `"status" = 'pending'` })
@Index('deliveries_target_key_idx', ['targetKey'])
export class DeliveryEntity {
  @PrimaryColumn({ name: 'delivery_id', type: 'uuid', primaryKeyConstraintName: 'deliveries_pkey' })
  deliveryId: string;

  @Column({ name: 'source_event_id', type: 'uuid' })
  sourceEventId: string;

  @Column({ name: 'event_type', type: 'text' })
  eventType: string;

  @Column({ name: 'complaint_id', type: 'uuid' })
  complaintId: string;

  @Column({ name: 'recipient_kind', type: 'text' })
  recipientKind: string;

  @Column({ type: 'text' })
  recipient: string;

  @Column({ type: 'text' })
  channel: string;

  @Column({ name: 'target_key', type: 'text', default: '' })
  targetKey: string;

  @Column({ type: 'text', default: '' })
  endpoint: string;

  @Column({ type: 'text' })
  status: string;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @Column({ name: 'last_status_code', type: 'integer', nullable: true })
  lastStatusCode: number | null;

  @Column({ name: 'next_attempt_at', type: 'timestamptz', nullable: true })
  nextAttemptAt: Date | null;

  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;

  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'jsonb' })
  payload: unknown;
}
