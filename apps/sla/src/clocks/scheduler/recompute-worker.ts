import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type {
  RecomputeDeadlines,
  RecomputeStep,
} from '../application/recompute-deadlines/recompute-deadlines.use-case';
import { PostgresClockStore } from '../persistence/postgres-clock-store';
import { PostgresRecomputeJobs } from '../persistence/postgres-recompute-jobs';

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
  private running: Promise<void> | undefined;
  private stopping = false;
  private wake: (() => void) | undefined;

  constructor(private readonly options: RecomputeWorkerOptions) {}

  start(): void {
    if (this.running) return;
    this.stopping = false;
    this.running = this.loop();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.running;
    this.running = undefined;
  }

  private isStopping(): boolean {
    return this.stopping;
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

  private async loop(): Promise<void> {
    let failures = 0;
    while (!this.stopping) {
      let more = false;
      try {
        more = (await this.runOnce()).kind !== 'idle';
        failures = 0;
      } catch (error) {
        failures++;
        this.options.logger.error({ err: error, failures }, 'recomputing deadlines failed');
      }
      if (!more && !this.isStopping()) {
        const delay =
          failures > 0 ? Math.min(30_000, 500 * 2 ** failures) : this.options.pollIntervalMs;
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, delay);
          this.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        this.wake = undefined;
      }
    }
  }
}
