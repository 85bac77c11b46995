import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity({ schema: 'routing', name: 'complaint_cases' })
@Index('complaint_cases_agency_status_idx', ['agency', 'status'])
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
}
