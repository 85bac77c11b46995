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

  @Column({ type: 'text' })
  privacy: string;

  @Column({ type: 'text' })
  language: string;

  /** Name, email and phone as given; null for anonymous reporters. */
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

  @Column({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
