import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity({ schema: 'notification', name: 'deliveries' })
@Index(
  'deliveries_event_recipient_channel_key',
  ['sourceEventId', 'recipientKind', 'recipient', 'channel'],
  {
    unique: true,
  },
)
@Index('deliveries_complaint_idx', ['complaintId'])
@Index('deliveries_pending_next_attempt_idx', ['nextAttemptAt'], { where: `"status" = 'pending'` })
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

  @Column({ type: 'text' })
  status: string;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @Column({ name: 'next_attempt_at', type: 'timestamptz', nullable: true })
  nextAttemptAt: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
