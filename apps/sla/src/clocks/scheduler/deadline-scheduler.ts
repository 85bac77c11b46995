import { context, ROOT_CONTEXT, SpanStatusCode, trace } from '@opentelemetry/api';
import type { TransactionScope } from '@salur/messaging';
import { salurTracer } from '@salur/platform';
import type { Logger } from 'pino';
import type {
  FireDueDeadlines,
  FiredDeadline,
} from '../application/fire-deadlines/fire-due-deadlines.use-case';
import { PostgresClockStore } from '../persistence/postgres-clock-store';
import { SLA_STREAM_CHANNEL, type StreamItem } from '../../oncall/stream/sla-stream';
import { PollingLoop } from './polling-loop';

/** Stream items of a batch as JSON arrays, each within Postgres' 8000-byte NOTIFY payload. */
function streamChunks(fired: readonly FiredDeadline[]): string[] {
  const items: StreamItem[] = fired
    .filter((f) => f.announced && f.deadline.kind !== 'auto_close_due')
    .map((f) => ({
      type: f.deadline.kind === 'warning' ? 'warning' : 'breach',
      clockId: f.clock.clockId,
      complaintId: f.clock.complaintId,
      stage: f.clock.stage,
      agency: f.clock.agency,
      agencyLevel: f.clock.agencyLevel,
      regionCode: f.clock.regionCode,
      dueAt: f.clock.dueAt.toISOString(),
      at: f.deadline.fireAt.toISOString(),
      threshold: f.deadline.threshold,
      late: f.late,
    }));
  const chunks: string[] = [];
  for (let i = 0; i < items.length; i += 12) chunks.push(JSON.stringify(items.slice(i, i + 12)));
  return chunks;
}

export interface DeadlineSchedulerOptions {
  readonly transactions: { run<T>(work: (tx: TransactionScope) => Promise<T>): Promise<T> };
  readonly fire: FireDueDeadlines;
  readonly batchSize: number;
  readonly pollIntervalMs: number;
  readonly logger: Pick<Logger, 'error' | 'info'>;
  /** Told after each committed batch. */
  readonly onBatch?: (fired: readonly FiredDeadline[]) => void;
  readonly now?: () => Date;
}

/**
 * Fires due deadlines from Postgres: claims a batch with `FOR UPDATE SKIP LOCKED`, fires it and
 * marks it fired in one transaction, and goes on at once while batches come back full, else
 * waits up to the poll interval. No timer per clock: a restart, or another replica, picks up
 * whatever is due, late deadlines first.
 */
export class DeadlineScheduler {
  private readonly polling: PollingLoop;

  constructor(private readonly options: DeadlineSchedulerOptions) {
    this.polling = new PollingLoop(async () => (await this.runOnce()) >= options.batchSize, {
      pollIntervalMs: options.pollIntervalMs,
      backoffBaseMs: 250,
      maxBackoffMs: 10_000,
      logger: options.logger,
      failureMessage: 'firing due deadlines failed',
    });
  }

  start(): void {
    this.polling.start();
  }

  stop(): Promise<void> {
    return this.polling.stop();
  }

  /**
   * One batch; the number of deadlines it fired. A batch that fires something is a span (a new
   * trace: clocks do not keep the trace of the event that started them), and the events it
   * publishes are its children. A poll that finds nothing due leaves no span: it is never ended,
   * and a span that is not ended is not exported.
   */
  async runOnce(): Promise<number> {
    const now = (this.options.now ?? (() => new Date()))();
    const span = salurTracer().startSpan('sla fire due deadlines', {}, ROOT_CONTEXT);
    try {
      const fired = await context.with(trace.setSpan(ROOT_CONTEXT, span), () =>
        this.fireBatch(now),
      );
      if (fired.length > 0) {
        span.setAttributes({
          'salur.sla.deadlines_fired': fired.length,
          'salur.sla.deadlines_late': fired.filter((f) => f.late).length,
        });
        span.end();
        this.options.onBatch?.(fired);
      }
      return fired.length;
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: String(error) });
      span.end();
      throw error;
    }
  }

  private fireBatch(now: Date): Promise<FiredDeadline[]> {
    return this.options.transactions.run(async (tx) => {
      const store = new PostgresClockStore(tx.manager);
      const batch = await this.options.fire.execute(
        { claims: store, clocks: store, publish: (...events) => tx.publish(...events) },
        now,
        this.options.batchSize,
      );
      // The live stream hears of warnings and breaches when, and only if, they commit.
      for (const chunk of streamChunks(batch)) {
        await tx.manager.query('SELECT pg_notify($1, $2)', [SLA_STREAM_CHANNEL, chunk]);
      }
      return batch;
    });
  }
}
