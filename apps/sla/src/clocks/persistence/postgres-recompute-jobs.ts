import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { RecomputeJob, RecomputeJobs } from '../application/ports';

interface JobRow {
  job_id: string;
  reason: string;
  agencies: string[] | null;
  after_clock_id: string | null;
  recomputed: number;
  created_by: string;
}

/** `sla.recompute_jobs`, in the caller's transaction. */
export class PostgresRecomputeJobs implements RecomputeJobs {
  constructor(private readonly manager: EntityManager) {}

  /** Queues a recomputation; called in the transaction of the calendar edit. */
  async enqueue(
    job: { reason: string; agencies: readonly string[] | null },
    actor: string,
  ): Promise<void> {
    await this.manager.query(
      `INSERT INTO sla.recompute_jobs (job_id, reason, agencies, created_at, created_by)
       VALUES ($1, $2, $3, clock_timestamp(), $4)`,
      [randomUUID(), job.reason, job.agencies === null ? null : [...job.agencies], actor],
    );
  }

  async claimNext(): Promise<RecomputeJob | null> {
    const rows: JobRow[] = await this.manager.query(
      `SELECT job_id, reason, agencies, after_clock_id, recomputed, created_by
       FROM sla.recompute_jobs WHERE finished_at IS NULL
       ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED`,
    );
    if (rows.length === 0) return null;
    const [row] = rows;
    return {
      jobId: row.job_id,
      reason: row.reason,
      agencies: row.agencies,
      afterClockId: row.after_clock_id,
      recomputed: row.recomputed,
    };
  }

  async advance(jobId: string, afterClockId: string, recomputed: number): Promise<void> {
    await this.manager.query(
      `UPDATE sla.recompute_jobs SET after_clock_id = $2, recomputed = $3 WHERE job_id = $1`,
      [jobId, afterClockId, recomputed],
    );
  }

  async finish(job: RecomputeJob, recomputed: number): Promise<void> {
    await this.manager.query(
      `UPDATE sla.recompute_jobs SET recomputed = $2, finished_at = clock_timestamp()
       WHERE job_id = $1`,
      [job.jobId, recomputed],
    );
    await this.manager.query(
      `INSERT INTO sla.audit_log (audit_id, at, actor, action, subject, details)
       SELECT $1, clock_timestamp(), created_by, 'clocks.recomputed', $2, $3::jsonb
       FROM sla.recompute_jobs WHERE job_id = $4`,
      [
        randomUUID(),
        job.reason,
        JSON.stringify({ jobId: job.jobId, agencies: job.agencies, recomputed }),
        job.jobId,
      ],
    );
  }
}
