import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { IdempotentResponse } from '../application/ports';

@Entity({ schema: 'intake', name: 'idempotency_keys' })
export class IdempotencyKeyEntity {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'idempotency_keys_pkey' })
  key: string;

  /** SHA-256 of the first request's body. */
  @Column({ type: 'text' })
  fingerprint: string;

  @Column({ type: 'jsonb', nullable: true })
  response: IdempotentResponse | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Index('idempotency_keys_expires_at_idx')
  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;
}
