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
import { DeadlineScheduler } from './scheduler/deadline-scheduler';
import { SlaMetrics } from './scheduler/sla-metrics';

const SLA_CONFIG = Symbol('SLA_CONFIG');

/**
 * Runs this replica's scheduler between bootstrap and shutdown, and refreshes the open-clocks
 * gauge every 15 s (one grouped count, not one per scrape).
 */
@Injectable()
export class SchedulerLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private gaugeTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly scheduler: DeadlineScheduler,
    private readonly metrics: SlaMetrics,
    private readonly dataSource: DataSource,
    @Inject(SLA_CONFIG) private readonly config: SlaEnv,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.SLA_SCHEDULER_ENABLED) this.scheduler.start();
    void this.countOpenClocks();
    this.gaugeTimer = setInterval(() => void this.countOpenClocks(), 15_000);
    this.gaugeTimer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.gaugeTimer);
    await this.scheduler.stop();
  }

  private async countOpenClocks(): Promise<void> {
    try {
      const rows: { stage: string; status: string; n: number }[] = await this.dataSource.query(
        `SELECT stage, status, count(*)::int AS n FROM sla.clocks
         WHERE status IN ('running', 'paused', 'breached') GROUP BY stage, status`,
      );
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
      exports: [AgencyCalendars, AgencyDirectory, SlaMetrics],
    };
  }
}
