import { Module } from '@nestjs/common';
import { RegionDirectory } from '@salur/directory';
import { OutboxWriter, UnitOfWork } from '@salur/messaging';
import { AesSecretBox, ProblemMapping, SERVICE_CONFIG } from '@salur/platform';
import { DataSource } from 'typeorm';
import type { IntakeEnv } from '../config/intake.env';
import { GetComplaintStatus } from './application/get-status/get-complaint-status.use-case';
import { ProjectComplaintStatus } from './application/project-status/project-status.use-case';
import { ActAsReporter } from './application/reporter-action/reporter-action.use-case';
import { SubmitComplaint } from './application/submit-complaint/submit-complaint.use-case';
import { INTAKE_PROBLEMS } from './domain/intake-errors';
import { FixedWindowRateLimiter } from './domain/rate-limit';
import { ComplaintsController } from './http/complaints.controller';
import { CLIENT_RATE_LIMIT, ClientRateLimitGuard } from './http/rate-limit.guard';
import { ComplaintStatusHandler } from './messaging/complaint-status.handler';
import {
  PostgresComplaintStatusReader,
  PostgresIntakeTransactions,
  PostgresReporterActionTransactions,
} from './persistence/typeorm-intake-transactions';

ProblemMapping.register(INTAKE_PROBLEMS);

const systemClock = { now: () => new Date() };
const DAY_MS = 86_400_000;

@Module({
  controllers: [ComplaintsController, ComplaintStatusHandler],
  providers: [
    { provide: RegionDirectory, useFactory: () => RegionDirectory.standard() },
    {
      provide: CLIENT_RATE_LIMIT,
      inject: [SERVICE_CONFIG],
      useFactory: (config: IntakeEnv) =>
        new FixedWindowRateLimiter(
          config.RATE_LIMIT_PER_CLIENT,
          config.RATE_LIMIT_WINDOW_SECONDS * 1000,
        ),
    },
    ClientRateLimitGuard,
    {
      provide: SubmitComplaint,
      inject: [DataSource, OutboxWriter, SERVICE_CONFIG],
      useFactory: (dataSource: DataSource, outbox: OutboxWriter, config: IntakeEnv) =>
        new SubmitComplaint(
          new PostgresIntakeTransactions(dataSource, outbox),
          new AesSecretBox(config.INTAKE_SECRET, 'salur-intake-secret-box'),
          systemClock,
          { idempotencyKeyTtlMs: config.IDEMPOTENCY_KEY_TTL_HOURS * 3_600_000 },
          new FixedWindowRateLimiter(
            config.RATE_LIMIT_PER_REPORTER,
            config.RATE_LIMIT_WINDOW_SECONDS * 1000,
          ),
        ),
    },
    {
      provide: ActAsReporter,
      inject: [UnitOfWork, SERVICE_CONFIG],
      useFactory: (unitOfWork: UnitOfWork, config: IntakeEnv) =>
        new ActAsReporter(new PostgresReporterActionTransactions(unitOfWork), systemClock, {
          reopenWindowMs: config.REOPEN_WINDOW_DAYS * DAY_MS,
        }),
    },
    {
      provide: GetComplaintStatus,
      inject: [DataSource],
      useFactory: (dataSource: DataSource) =>
        new GetComplaintStatus(new PostgresComplaintStatusReader(dataSource.manager)),
    },
    { provide: ProjectComplaintStatus, useFactory: () => new ProjectComplaintStatus() },
  ],
  exports: [
    CLIENT_RATE_LIMIT,
    ClientRateLimitGuard,
    SubmitComplaint,
    GetComplaintStatus,
    RegionDirectory,
  ],
})
export class ComplaintsModule {}
