import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A recomputation of running clocks' deadlines after a calendar edit, worked through in batches
 * by whichever replica claims it; `after_clock_id` is how far it got.
 */
@Entity({ schema: 'sla', name: 'recompute_jobs' })
@Index('recompute_jobs_pending_idx', ['createdAt'], { where: `"finished_at" IS NULL` })
export class SlaRecomputeJobEntity {
  @PrimaryColumn({ name: 'job_id', type: 'uuid', primaryKeyConstraintName: 'recompute_jobs_pkey' })
  jobId: string;

  @Column({ type: 'text' })
  reason: string;

  /** Agencies whose calendars changed; null for every calendar (national holidays). */
  @Column({ type: 'text', array: true, nullable: true })
  agencies: string[] | null;

  @Column({ name: 'after_clock_id', type: 'uuid', nullable: true })
  afterClockId: string | null;

  @Column({ type: 'integer', default: 0 })
  recomputed: number;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}
