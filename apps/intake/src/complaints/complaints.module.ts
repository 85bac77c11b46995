import { Module } from '@nestjs/common';
import { RegionDirectory } from '@salur/directory';
import { UnitOfWork } from '@salur/messaging';
import { ProblemMapping, SERVICE_CONFIG } from '@salur/platform';
import { DataSource } from 'typeorm';
import type { IntakeEnv } from '../config/intake.env';
import { GetComplaintStatus } from './application/get-status/get-complaint-status.use-case';
import { ProjectComplaintStatus } from './application/project-status/project-status.use-case';
import { SubmitComplaint } from './application/submit-complaint/submit-complaint.use-case';
import { INTAKE_PROBLEMS } from './domain/intake-errors';
import { ComplaintsController } from './http/complaints.controller';
import { ComplaintStatusHandler } from './messaging/complaint-status.handler';
import { AesSecretBox } from './persistence/aes-secret-box';
import {
  PostgresComplaintStatusReader,
  PostgresIntakeTransactions,
} from './persistence/typeorm-intake-transactions';

ProblemMapping.register(INTAKE_PROBLEMS);

const systemClock = { now: () => new Date() };

@Module({
  controllers: [ComplaintsController, ComplaintStatusHandler],
  providers: [
    { provide: RegionDirectory, useFactory: () => RegionDirectory.standard() },
    {
      provide: SubmitComplaint,
      inject: [UnitOfWork, SERVICE_CONFIG],
      useFactory: (unitOfWork: UnitOfWork, config: IntakeEnv) =>
        new SubmitComplaint(
          new PostgresIntakeTransactions(unitOfWork),
          new AesSecretBox(config.INTAKE_SECRET),
          systemClock,
          { idempotencyKeyTtlMs: config.IDEMPOTENCY_KEY_TTL_HOURS * 3_600_000 },
        ),
    },
    {
      provide: GetComplaintStatus,
      inject: [DataSource],
      useFactory: (dataSource: DataSource) =>
        new GetComplaintStatus(new PostgresComplaintStatusReader(dataSource.manager)),
    },
    { provide: ProjectComplaintStatus, useFactory: () => new ProjectComplaintStatus() },
  ],
})
export class ComplaintsModule {}
