import { Logger, Module } from '@nestjs/common';
import { AgencyDirectory } from '@salur/directory';
import { DataSource } from 'typeorm';
import { ListClocks } from './application/list-clocks/list-clocks.use-case';
import { StartFollowUpClock } from './application/start-clock/start-follow-up-clock.use-case';
import { ClocksController } from './http/clocks.controller';
import { AssignmentsHandler } from './messaging/assignments.handler';
import { CalendarDeadlines } from './persistence/calendar-deadlines';
import { PostgresClockStore } from './persistence/postgres-clock-store';

@Module({
  controllers: [ClocksController, AssignmentsHandler],
  providers: [
    {
      provide: StartFollowUpClock,
      useFactory: () => {
        const logger = new Logger('CalendarDeadlines');
        const deadlines = new CalendarDeadlines(AgencyDirectory.standard(), (year) => {
          logger.warn(
            { year },
            `no holiday decree for ${year} is shipped: deadlines use provisional holidays`,
          );
        });
        return new StartFollowUpClock(deadlines);
      },
    },
    {
      provide: ListClocks,
      inject: [DataSource],
      useFactory: (dataSource: DataSource) =>
        new ListClocks(new PostgresClockStore(dataSource.manager)),
    },
  ],
})
export class ClocksModule {}
