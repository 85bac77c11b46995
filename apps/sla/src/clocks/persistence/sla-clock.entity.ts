import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity({ schema: 'sla', name: 'clocks' })
@Index('clocks_complaint_idx', ['complaintId'])
@Index('clocks_active_complaint_stage_key', ['complaintId', 'stage'], {
  unique: true,
  where: `"status" IN ('running', 'paused', 'breached')`,
})
@Index('clocks_ended_at_idx', ['endedAt'], { where: `"ended_at" IS NOT NULL` })
@Index('clocks_breached_idx', ['breachedAt'], { where: `"status" = 'breached'` })
@Index('clocks_at_risk_idx', ['dueAt'], {
  where: `"status" = 'running' AND "warned_at" IS NOT NULL`,
})
export class SlaClockEntity {
  @PrimaryColumn({ name: 'clock_id', type: 'uuid', primaryKeyConstraintName: 'clocks_pkey' })
  clockId: string;

  @Column({ name: 'complaint_id', type: 'uuid' })
  complaintId: string;

  @Column({ type: 'text' })
  stage: string;

  /** Empty string for clocks that belong to no agency. */
  @Column({ type: 'text' })
  agency: string;

  @Column({ name: 'agency_level', type: 'text', nullable: true })
  agencyLevel: string | null;

  @Column({ name: 'region_code', type: 'text' })
  regionCode: string;

  @Column({ type: 'text', nullable: true })
  category: string | null;

  @Column({ name: 'complaint_type', type: 'text', default: 'complaint' })
  complaintType: string;

  @Column({ name: 'policy_version', type: 'integer' })
  policyVersion: number;

  @Column({ type: 'text', default: 'business' })
  calendar: string;

  @Column({ type: 'double precision', array: true, default: '{}' })
  warnings: number[];

  @Column({ name: 'started_at', type: 'timestamptz' })
  startedAt: Date;

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt: Date;

  @Column({ name: 'budget_ms', type: 'bigint', default: 0 })
  budgetMs: string;

  @Column({ name: 'consumed_ms', type: 'bigint', default: 0 })
  consumedMs: string;

  @Column({ name: 'segment_started_at', type: 'timestamptz', nullable: true })
  segmentStartedAt: Date | null;

  @Column({ name: 'paused_at', type: 'timestamptz', nullable: true })
  pausedAt: Date | null;

  @Column({ name: 'breached_at', type: 'timestamptz', nullable: true })
  breachedAt: Date | null;

  @Column({ name: 'warned_at', type: 'double precision', nullable: true })
  warnedAt: number | null;

  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true })
  endedAt: Date | null;

  @Column({ type: 'text' })
  status: string;

  /** What one extension adds (ISO 8601), from the clock's policy; null: none allowed. */
  @Column({ type: 'text', nullable: true })
  extension: string | null;

  @Column({ name: 'extended_at', type: 'timestamptz', nullable: true })
  extendedAt: Date | null;
}
