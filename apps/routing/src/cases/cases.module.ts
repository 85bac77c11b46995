import { Module } from '@nestjs/common';
import { UnitOfWork } from '@salur/messaging';
import { ProblemMapping, SERVICE_CONFIG } from '@salur/platform';
import { DataSource } from 'typeorm';
import { autoVerifiedChannels, type RoutingEnv } from '../config/routing.env';
import { ActOnCase } from './application/act-on-case/act-on-case.use-case';
import { ManageRules } from './application/manage-rules/manage-rules.use-case';
import type { RoutingDirectory } from './application/ports';
import { ReadCases } from './application/read-cases/read-cases.use-case';
import { RecordDeadline } from './application/record-deadline/record-deadline.use-case';
import { ReceiveSubmission } from './application/receive-submission/receive-submission.use-case';
import { ApplyReporterEvent } from './application/reporter-events/reporter-events.use-case';
import { LatestRuleIndexCache } from './application/rule-index-cache';
import { LiveAgencyDirectory } from './application/live-agency-directory';
import { ManageAgencies } from './application/manage-agencies/manage-agencies.use-case';
import { ApplySlaRequest } from './application/sla-requests/sla-requests.use-case';
import { ROUTING_PROBLEMS } from './domain/errors';
import { AgenciesController } from './http/agencies.controller';
import { CasesController } from './http/cases.controller';
import { RoutingDirectoryToken } from './http/routing-directory.token';
import { RulesController } from './http/rules.controller';
import { ReporterEventsHandler } from './messaging/reporter-events.handler';
import { SlaDeadlinesHandler } from './messaging/sla-deadlines.handler';
import { SlaRequestsHandler } from './messaging/sla-requests.handler';
import { SubmissionsHandler } from './messaging/submissions.handler';
import { DirectoryLoader } from './persistence/directory-loader';
import { PostgresCaseStore } from './persistence/postgres-case-store';
import { PostgresRoutingTransactions } from './persistence/typeorm-routing-transactions';

ProblemMapping.register(ROUTING_PROBLEMS);

const systemClock = { now: () => new Date() };
const RULES = Symbol('RuleIndexCache');

@Module({
  controllers: [
    CasesController,
    RulesController,
    AgenciesController,
    SubmissionsHandler,
    ReporterEventsHandler,
    SlaRequestsHandler,
    SlaDeadlinesHandler,
  ],
  providers: [
    { provide: LiveAgencyDirectory, useFactory: () => new LiveAgencyDirectory() },
    { provide: RoutingDirectoryToken, useExisting: LiveAgencyDirectory },
    { provide: RULES, useFactory: () => new LatestRuleIndexCache() },
    {
      provide: ManageAgencies,
      inject: [UnitOfWork, LiveAgencyDirectory, RULES],
      useFactory: (uow: UnitOfWork, live: LiveAgencyDirectory, rules: LatestRuleIndexCache) =>
        new ManageAgencies(new PostgresRoutingTransactions(uow), live, rules, systemClock),
    },
    DirectoryLoader,
    {
      provide: ReceiveSubmission,
      inject: [RoutingDirectoryToken, RULES, SERVICE_CONFIG],
      useFactory: (directory: RoutingDirectory, rules: LatestRuleIndexCache, config: RoutingEnv) =>
        new ReceiveSubmission(
          { directory, rules },
          {
            trustedChannels: autoVerifiedChannels(config),
            duplicateWindowMs: config.ROUTING_DUPLICATE_WINDOW_HOURS * 3_600_000,
          },
          systemClock,
        ),
    },
    {
      provide: ActOnCase,
      inject: [UnitOfWork, RoutingDirectoryToken, RULES],
      useFactory: (uow: UnitOfWork, directory: RoutingDirectory, rules: LatestRuleIndexCache) =>
        new ActOnCase(new PostgresRoutingTransactions(uow), { directory, rules }, systemClock),
    },
    {
      provide: ManageRules,
      inject: [UnitOfWork, RoutingDirectoryToken, RULES],
      useFactory: (uow: UnitOfWork, directory: RoutingDirectory, rules: LatestRuleIndexCache) =>
        new ManageRules(new PostgresRoutingTransactions(uow), { directory, rules }, systemClock),
    },
    {
      provide: ReadCases,
      inject: [DataSource, RoutingDirectoryToken],
      useFactory: (dataSource: DataSource, directory: RoutingDirectory) =>
        new ReadCases(() => new PostgresCaseStore(dataSource.manager), directory),
    },
    { provide: ApplyReporterEvent, useFactory: () => new ApplyReporterEvent() },
    { provide: RecordDeadline, useFactory: () => new RecordDeadline() },
    {
      provide: ApplySlaRequest,
      inject: [RoutingDirectoryToken],
      useFactory: (directory: RoutingDirectory) => new ApplySlaRequest(directory, systemClock),
    },
  ],
})
export class CasesModule {}
