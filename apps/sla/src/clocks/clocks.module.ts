import {
  Inject,
  Injectable,
  Logger,
  Module,
  type BeforeApplicationShutdown,
  type DynamicModule,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { AgencyDirectory } from '@salur/directory';
import { UnitOfWork } from '@salur/messaging';
import { createStandaloneLogger } from '@salur/platform';
import { DataSource } from 'typeorm';
import { AgencyCalendars } from '../calendars/agency-calendars';
import type { SlaEnv } from '../config/sla.env';
import { ApplyComplaintEvent } from './application/apply-complaint-event/apply-complaint-event.use-case';
import { FireDueDeadlines } from './application/fire-deadlines/fire-due-deadlines.use-case';
import { ListClocks } from './application/list-clocks/list-clocks.use-case';
import { ClocksController } from './http/clocks.controller';
import { ComplaintEventsHandler } from './messaging/complaint-events.handler';
import { PostgresClockStore } from './persistence/postgres-clock-store';
import { PostgresRetention } from './persistence/postgres-retention';
import { DeadlineScheduler } from './scheduler/deadline-scheduler';
import { SlaMetrics } from './scheduler/sla-metrics';

export const SLA_CONFIG = Symbol('SLA_CONFIG');

/** How often the retention sweep runs (it also runs at start). */
const RETENTION_INTERVAL_MS = 3_600_000;
const DAY_MS = 86_400_000;

/**
 * Runs this replica's scheduler between bootstrap and shutdown, refreshes the open-clocks gauge
 * every 15 s from the counts the clock triggers keep (no count over `sla.clocks`), and sweeps
 * history older than `SLA_RETENTION_DAYS` every hour.
 */
@Injectable()
export class SchedulerLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private gaugeTimer: NodeJS.Timeout | undefined;
  private retentionTimer: NodeJS.Timeout | undefined;
  private sweeping: Promise<void> | undefined;
  private stopping = false;
  private readonly retention: PostgresRetention;
  private readonly logger = new Logger('SlaRetention');

  constructor(
    private readonly scheduler: DeadlineScheduler,
    private readonly metrics: SlaMetrics,
    dataSource: DataSource,
    @Inject(SLA_CONFIG) private readonly config: SlaEnv,
  ) {
    this.retention = new PostgresRetention(dataSource);
  }

  onApplicationBootstrap(): void {
    if (this.config.SLA_SCHEDULER_ENABLED) this.scheduler.start();
    void this.countOpenClocks();
    this.gaugeTimer = setInterval(() => void this.countOpenClocks(), 15_000);
    this.gaugeTimer.unref();
    if (this.config.SLA_RETENTION_DAYS > 0) {
      this.sweeping = this.sweep();
      this.retentionTimer = setInterval(() => {
        this.sweeping ??= this.sweep();
      }, RETENTION_INTERVAL_MS);
      this.retentionTimer.unref();
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    clearInterval(this.gaugeTimer);
    clearInterval(this.retentionTimer);
    await this.sweeping;
    await this.scheduler.stop();
  }

  /** Deletes what is older than the retention period, batch by batch, until none is left. */
  private async sweep(): Promise<void> {
    const cutoff = new Date(Date.now() - this.config.SLA_RETENTION_DAYS * DAY_MS);
    const limit = this.config.SLA_RETENTION_BATCH_SIZE;
    let deadlines = 0;
    let clocks = 0;
    try {
      let n: number;
      do {
        n = await this.retention.deleteFiredDeadlines(cutoff, limit);
        deadlines += n;
      } while (n >= limit && !this.stopping);
      do {
        n = await this.retention.deleteEndedClocks(cutoff, limit);
        clocks += n;
      } while (n >= limit && !this.stopping);
      if (deadlines + clocks > 0) {
        this.logger.log({ cutoff, deadlines, clocks }, 'deleted SLA history past retention');
      }
    } catch (error) {
      this.logger.warn({ err: error }, 'retention sweep failed; the next one tries again');
    } finally {
      this.sweeping = undefined;
    }
  }

  private async countOpenClocks(): Promise<void> {
    try {
      const rows = await this.retention.openClockCounts();
      this.metrics.openClocks.reset();
      for (const row of rows) {
        this.metrics.openClocks.set({ stage: row.stage, status: row.status }, row.n);
      }
    } catch {
      // The next tick tries again; readiness reports the database.
    }
  }
}

@Module({})
export class ClocksModule {
  static register(config: SlaEnv): DynamicModule {
    return {
      module: ClocksModule,
      controllers: [ClocksController, ComplaintEventsHandler],
      providers: [
        { provide: SLA_CONFIG, useValue: config },
        { provide: SlaMetrics, useFactory: () => new SlaMetrics() },
        { provide: AgencyDirectory, useFactory: () => AgencyDirectory.standard() },
        {
          provide: AgencyCalendars,
          inject: [AgencyDirectory, SlaMetrics],
          useFactory: (agencies: AgencyDirectory, metrics: SlaMetrics) => {
            const logger = new Logger('AgencyCalendars');
            return new AgencyCalendars(agencies, (year) => {
              metrics.provisionalYears.inc({ year: String(year) });
              logger.warn(
                { year },
                `no holiday decree for ${year} is shipped: deadlines use provisional holidays`,
              );
            });
          },
        },
        {
          provide: ApplyComplaintEvent,
          inject: [AgencyCalendars],
          useFactory: (calendars: AgencyCalendars) => new ApplyComplaintEvent(calendars),
        },
        {
          provide: FireDueDeadlines,
          inject: [AgencyCalendars, AgencyDirectory],
          useFactory: (calendars: AgencyCalendars, agencies: AgencyDirectory) =>
            new FireDueDeadlines(calendars, {
              lateAfterMs: config.SLA_LATE_AFTER_MS,
              canEscalate: (agency) => agencies.escalationTargetOf(agency) !== null,
            }),
        },
        {
          provide: DeadlineScheduler,
          inject: [UnitOfWork, FireDueDeadlines, SlaMetrics],
          useFactory: (unitOfWork: UnitOfWork, fire: FireDueDeadlines, metrics: SlaMetrics) =>
            new DeadlineScheduler({
              transactions: unitOfWork,
              fire,
              batchSize: config.SLA_SCHEDULER_BATCH_SIZE,
              pollIntervalMs: config.SLA_SCHEDULER_POLL_MS,
              logger: createStandaloneLogger('sla-scheduler', config.LOG_LEVEL),
              onBatch: (fired) => {
                metrics.batch(fired);
              },
            }),
        },
        SchedulerLifecycle,
        {
          provide: ListClocks,
          inject: [DataSource],
          useFactory: (dataSource: DataSource) =>
            new ListClocks(new PostgresClockStore(dataSource.manager, { lock: false })),
        },
      ],
      exports: [AgencyCalendars, AgencyDirectory, SlaMetrics, SLA_CONFIG],
    };
  }
}
