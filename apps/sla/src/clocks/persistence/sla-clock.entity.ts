import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity({ schema: 'sla', name: 'clocks' })
@Index('clocks_complaint_stage_agency_key', ['complaintId', 'stage', 'agency'], { unique: true })
@Index('clocks_running_due_at_idx', ['dueAt'], { where: `"status" = 'running'` })
export class SlaClockEntity {
  @PrimaryColumn({ name: 'clock_id', type: 'uuid', primaryKeyConstraintName: 'clocks_pkey' })
  clockId: string;

  @Column({ name: 'complaint_id', type: 'uuid' })
  complaintId: string;

  @Column({ type: 'text' })
  stage: string;

  /** Empty string for clocks that belong to no agency, so the uniqueness above holds for them too. */
  @Column({ type: 'text' })
  agency: string;

  @Column({ name: 'agency_level', type: 'text', nullable: true })
  agencyLevel: string | null;

  @Column({ name: 'region_code', type: 'text' })
  regionCode: string;

  @Column({ name: 'policy_version', type: 'integer' })
  policyVersion: number;

  @Column({ name: 'started_at', type: 'timestamptz' })
  startedAt: Date;

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt: Date;

  @Column({ type: 'text' })
  status: string;
}
