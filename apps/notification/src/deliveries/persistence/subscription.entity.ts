import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity({ schema: 'notification', name: 'subscriptions' })
@Index('subscriptions_agency_idx', ['agency'])
export class SubscriptionEntity {
  @PrimaryColumn({
    name: 'subscription_id',
    type: 'uuid',
    primaryKeyConstraintName: 'subscriptions_pkey',
  })
  subscriptionId: string;

  @Column({ type: 'text' })
  agency: string;

  @Column({ type: 'text' })
  url: string;

  @Column({ name: 'event_types', type: 'text', array: true, default: () => `'{}'` })
  eventTypes: string[];

  /** Sealed (AES-256-GCM): the HMAC key must be usable, so it cannot be hashed. */
  @Column({ name: 'secret_sealed', type: 'text' })
  secretSealed: string;

  @Column({ name: 'previous_secret_sealed', type: 'text', nullable: true })
  previousSecretSealed: string | null;

  @Column({ name: 'previous_secret_expires_at', type: 'timestamptz', nullable: true })
  previousSecretExpiresAt: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
