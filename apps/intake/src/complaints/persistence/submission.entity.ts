import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity({ schema: 'intake', name: 'submissions' })
export class SubmissionEntity {
  @PrimaryColumn({
    name: 'complaint_id',
    type: 'uuid',
    primaryKeyConstraintName: 'submissions_pkey',
  })
  complaintId: string;

  @Index('submissions_tracking_id_key', { unique: true })
  @Column({ name: 'tracking_id', type: 'text' })
  trackingId: string;

  @Column({ name: 'tracking_token_hash', type: 'text' })
  trackingTokenHash: string;

  @Column({ type: 'text' })
  type: string;

  @Column({ type: 'text' })
  channel: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'text', nullable: true })
  category: string | null;

  @Column({ name: 'region_code', type: 'text' })
  regionCode: string;

  @Column({ type: 'text', nullable: true })
  address: string | null;

  @Column({ type: 'double precision', nullable: true })
  lat: number | null;

  @Column({ type: 'double precision', nullable: true })
  lon: number | null;

  /** A date or an instant, as the reporter gave it. */
  @Column({ name: 'occurred_at', type: 'text', nullable: true })
  occurredAt: string | null;

  @Column({ name: 'target_agency', type: 'text', nullable: true })
  targetAgency: string | null;

  /** Metadata of the reporter's files (url, contentType, size, sha256). */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  attachments: unknown[];

  @Column({ type: 'text' })
  privacy: string;

  @Column({ type: 'text' })
  language: string;

  /** Name, email, phone (E.164) and NIK as given; null when the reporter gave none. */
  @Column({ type: 'jsonb', nullable: true })
  reporter: Record<string, string> | null;

  /** Reporter-facing status, projected from routing's events. */
  @Column({ type: 'text' })
  status: string;

  @Column({ name: 'current_agency', type: 'text', nullable: true })
  currentAgency: string | null;

  /** Version of the last complaint snapshot applied; 0 before routing has published any. */
  @Column({ name: 'state_version', type: 'integer', default: 0 })
  stateVersion: number;

  /** Snapshot version a confirmation or reopening was sent against, until routing answers. */
  @Column({ name: 'decision_pending_at', type: 'integer', nullable: true })
  decisionPendingAt: number | null;

  @Column({ name: 'responded_at', type: 'timestamptz', nullable: true })
  respondedAt: Date | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
