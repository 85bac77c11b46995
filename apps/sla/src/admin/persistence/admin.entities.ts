import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A stored SLA policy version (see `PolicyRule`); `null` scope fields match anything. */
@Entity({ schema: 'sla', name: 'policies' })
@Index('policies_stage_idx', ['stage'])
export class SlaPolicyEntity {
  @PrimaryColumn({ name: 'policy_id', type: 'uuid', primaryKeyConstraintName: 'policies_pkey' })
  policyId: string;

  @Column({ type: 'text' })
  stage: string;

  @Column({ type: 'text', nullable: true })
  agency: string | null;

  @Column({ type: 'text', nullable: true })
  category: string | null;

  @Column({ name: 'complaint_type', type: 'text', nullable: true })
  complaintType: string | null;

  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'text' })
  duration: string;

  @Column({ type: 'text' })
  calendar: string;

  @Column({ type: 'double precision', array: true })
  warnings: number[];

  /** What one extension adds (ISO 8601, in `calendar`); null: the stage cannot be extended. */
  @Column({ type: 'text', nullable: true })
  extension: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;
}

/**
 * A holiday edited through the admin API: a national holiday or cuti bersama added to the shipped
 * table (or, with `removed`, taken out of it), or a regional holiday.
 */
@Entity({ schema: 'sla', name: 'holidays' })
@Index('holidays_date_idx', ['date'])
export class SlaHolidayEntity {
  @PrimaryColumn({ name: 'holiday_id', type: 'uuid', primaryKeyConstraintName: 'holidays_pkey' })
  holidayId: string;

  @Column({ type: 'date' })
  date: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  kind: string;

  @Column({ name: 'region_code', type: 'text', nullable: true })
  regionCode: string | null;

  @Column({ type: 'text' })
  source: string;

  @Column({ type: 'boolean', default: false })
  removed: boolean;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;
}

/** Who changed what in policies and holidays, and when. */
@Entity({ schema: 'sla', name: 'audit_log' })
@Index('audit_log_at_idx', ['at'])
export class SlaAuditEntity {
  @PrimaryColumn({ name: 'audit_id', type: 'uuid', primaryKeyConstraintName: 'audit_log_pkey' })
  auditId: string;

  @Column({ type: 'timestamptz' })
  at: Date;

  @Column({ type: 'text' })
  actor: string;

  @Column({ type: 'text' })
  action: string;

  @Column({ type: 'text' })
  subject: string;

  @Column({ type: 'jsonb' })
  details: Record<string, unknown>;
}

/** An agency's own working week (e.g. Saturday service), replacing Monday–Friday 08:00–16:00. */
@Entity({ schema: 'sla', name: 'agency_calendars' })
export class SlaAgencyCalendarEntity {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'agency_calendars_pkey' })
  agency: string;

  @Column({ name: 'working_week', type: 'jsonb' })
  workingWeek: Record<string, unknown>;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column({ name: 'updated_by', type: 'text' })
  updatedBy: string;
}
