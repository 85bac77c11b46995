import {
  Inject,
  Injectable,
  Logger,
  Module,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { AgencyDirectory } from '@salur/directory';
import { ProblemMapping } from '@salur/platform';
import { DataSource } from 'typeorm';
import { AgencyCalendars } from '../calendars/agency-calendars';
import { ClocksModule, SLA_CONFIG } from '../clocks/clocks.module';
import { RecomputeDeadlines } from '../clocks/application/recompute-deadlines/recompute-deadlines.use-case';
import { RecomputeWorker } from '../clocks/scheduler/recompute-worker';
import type { SlaEnv } from '../config/sla.env';
import { createStandaloneLogger } from '@salur/platform';
import { ChangePolicy, ComputeDue, EditHolidays } from './application/calendar-admin.use-cases';
import { ADMIN_PROBLEMS } from './domain/admin-errors';
import { CalendarsController } from './http/calendars.controller';
import { PostgresAdminStore } from './persistence/postgres-admin-store';

ProblemMapping.register(ADMIN_PROBLEMS);

/** Loads holiday edits at start and every 30 s, so every replica follows the admin API. */
@Injectable()
export class HolidayEditsRefresher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private timer: NodeJS.Timeout | undefined;
  private readonly logger = new Logger('CalendarEdits');

  constructor(
    private readonly editHolidays: EditHolidays,
    private readonly dataSource: DataSource,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.refresh();
    this.timer = setInterval(() => void this.refresh(), 30_000);
    this.timer.unref();
  }

  beforeApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  private async refresh(): Promise<void> {
    try {
      await this.editHolidays.refresh(new PostgresAdminStore(this.dataSource.manager));
    } catch (error) {
      this.logger.warn({ err: error }, 'could not load holiday edits; keeping the previous ones');
    }
  }
}

/** How often a replica looks for calendar recomputation jobs when it has none. */
const RECOMPUTE_POLL_MS = 1_000;

/**
 * Recomputes running clocks' deadlines after calendar edits, on every replica (a job is worked
 * by one at a time), from bootstrap to shutdown.
 */
@Injectable()
export class RecomputeLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly worker: RecomputeWorker;

  constructor(
    editHolidays: EditHolidays,
    calendars: AgencyCalendars,
    dataSource: DataSource,
    @Inject(SLA_CONFIG) config: SlaEnv,
  ) {
    this.worker = new RecomputeWorker({
      dataSource,
      recompute: new RecomputeDeadlines(calendars, config.SLA_RECOMPUTE_BATCH_SIZE),
      refreshCalendars: () => editHolidays.refresh(new PostgresAdminStore(dataSource.manager)),
      pollIntervalMs: RECOMPUTE_POLL_MS,
      logger: createStandaloneLogger('sla-recompute', config.LOG_LEVEL),
    });
  }

  onApplicationBootstrap(): void {
    this.worker.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.worker.stop();
  }
}

@Module({})
export class AdminModule {
  static register(clocks: ReturnType<typeof ClocksModule.register>) {
    return {
      module: AdminModule,
      imports: [clocks],
      controllers: [CalendarsController],
      providers: [
        {
          provide: ComputeDue,
          inject: [AgencyDirectory, AgencyCalendars],
          useFactory: (a: AgencyDirectory, c: AgencyCalendars) => new ComputeDue(a, c),
        },
        {
          provide: ChangePolicy,
          inject: [AgencyDirectory, AgencyCalendars],
          useFactory: (a: AgencyDirectory, c: AgencyCalendars) => new ChangePolicy(a, c),
        },
        {
          provide: EditHolidays,
          inject: [AgencyCalendars, AgencyDirectory],
          useFactory: (c: AgencyCalendars, a: AgencyDirectory) => new EditHolidays(c, a),
        },
        HolidayEditsRefresher,
        RecomputeLifecycle,
      ],
    };
  }
}
