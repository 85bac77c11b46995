import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type {
  RecomputeDeadlines,
  RecomputeStep,
} from '../application/recompute-deadlines/recompute-deadlines.use-case';
import { PostgresClockStore } from '../persistence/postgres-clock-store';
import { PostgresRecomputeJobs } from '../persistence/postgres-recompute-jobs';
import { PollingLoop } from './polling-loop';

export interface RecomputeWorkerOptions {
  readonly dataSource: DataSource;
  readonly recompute: RecomputeDeadlines;
  /** Loads the calendar edits from the database, so a job never runs on stale calendars. */
  readonly refreshCalendars: () => Promise<void>;
  readonly pollIntervalMs: number;
  readonly logger: Pick<Logger, 'error' | 'info'>;
}

/**
 * Works through `sla.recompute_jobs` on every replica: a batch per transaction while a job has
 * more, then looks again after the poll interval. Jobs live in Postgres, so a restart (or
 * another replica) continues from the last committed batch.
 */
export class RecomputeWorker {
  private readonly polling: PollingLoop;

  constructor(private readonly options: RecomputeWorkerOptions) {
    this.polling = new PollingLoop(async () => (await this.runOnce()).kind !== 'idle', {
      pollIntervalMs: options.pollIntervalMs,
      backoffBaseMs: 500,
      maxBackoffMs: 30_000,
      logger: options.logger,
      failureMessage: 'recomputing deadlines failed',
    });
  }

  start(): void {
    this.polling.start();
  }

  stop(): Promise<void> {
    return this.polling.stop();
  }

  /** One batch of the oldest unfinished job, if there is one. */
  async runOnce(): Promise<RecomputeStep> {
    const pending: unknown[] = await this.options.dataSource.query(
      `SELECT 1 FROM sla.recompute_jobs WHERE finished_at IS NULL LIMIT 1`,
    );
    if (pending.length === 0) return { kind: 'idle' };
    await this.options.refreshCalendars();
    const step = await this.options.dataSource.transaction((manager) => {
      const store = new PostgresClockStore(manager);
      return this.options.recompute.step({
        jobs: new PostgresRecomputeJobs(manager),
        clocks: store,
        deadlines: store,
      });
    });
    if (step.kind === 'finished') {
      this.options.logger.info(
        { jobId: step.jobId, recomputed: step.recomputed },
        'deadlines recomputed after a calendar edit',
      );
    }
    return step;
  }
}
