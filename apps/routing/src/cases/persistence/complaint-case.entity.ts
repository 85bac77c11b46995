import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity({ schema: 'routing', name: 'complaint_cases' })
@Index('complaint_cases_agency_status_idx', ['agency', 'status'])
@Index('complaint_cases_agency_queue_idx', ['agency', 'submittedAt', 'complaintId'])
@Index('complaint_cases_submitted_at_idx', ['submittedAt'])
export class ComplaintCaseEntity {
  @PrimaryColumn({
    name: 'complaint_id',
    type: 'uuid',
    primaryKeyConstraintName: 'complaint_cases_pkey',
  })
  complaintId: string;

  @Column({ name: 'tracking_id', type: 'text' })
  trackingId: string;

  @Column({ type: 'text' })
  status: string;

  @Column({ type: 'text', nullable: true })
  agency: string | null;

  @Column({ name: 'agency_level', type: 'text', nullable: true })
  agencyLevel: string | null;

  @Column({ name: 'region_code', type: 'text' })
  regionCode: string;

  @Column({ type: 'text', nullable: true })
  category: string | null;

  @Column({ type: 'text' })
  type: string;

  @Column({ type: 'text' })
  privacy: string;

  @Column({ type: 'text' })
  channel: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column({ name: 'verified_at', type: 'timestamptz', nullable: true })
  verifiedAt: Date | null;

  @Column({ name: 'responded_at', type: 'timestamptz', nullable: true })
  respondedAt: Date | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ type: 'integer' })
  version: number;

  @Column({ name: 'previous_agencies', type: 'text', array: true, default: () => "'{}'" })
  previousAgencies: string[];

  @Column({ name: 'forwarded_by', type: 'text', array: true, default: () => "'{}'" })
  forwardedBy: string[];

  @Column({ name: 'awaiting_reporter', type: 'boolean', default: false })
  awaitingReporter: boolean;

  /** The holding agency extended its follow-up period; cleared when the case moves on. */
  @Column({ name: 'extension_granted', type: 'boolean', default: false })
  extensionGranted: boolean;

  @Column({ name: 'closed_by', type: 'text', nullable: true })
  closedBy: string | null;

  @Column({ type: 'integer', nullable: true })
  rating: number | null;

  /** The reporter's identity from the submission; read by verifiers only. */
  @Column({ type: 'jsonb', nullable: true })
  reporter: Record<string, string> | null;

  @Column({ name: 'reporter_key', type: 'text', nullable: true })
  reporterKey: string | null;

  @Column({ name: 'duplicate_of', type: 'uuid', nullable: true })
  duplicateOf: string | null;

  @Column({ name: 'target_agency', type: 'text', nullable: true })
  targetAgency: string | null;

  /** A verifier's postponement ("tunda") of a pending submission; all null when there is none. */
  @Column({ name: 'postponed_until', type: 'timestamptz', nullable: true })
  postponedUntil: Date | null;

  @Column({ name: 'postpone_reason', type: 'text', nullable: true })
  postponeReason: string | null;

  @Column({ name: 'postpone_note', type: 'text', nullable: true })
  postponeNote: string | null;

  @Column({ name: 'postponed_by', type: 'text', nullable: true })
  postponedBy: string | null;

  @Column({ name: 'postponed_at', type: 'timestamptz', nullable: true })
  postponedAt: Date | null;
}
