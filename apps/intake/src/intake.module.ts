import { Module, type DynamicModule } from '@nestjs/common';
import { Topics } from '@salur/contracts';
import { MessagingModule } from '@salur/messaging';
import { TypeOrmDatabaseModule } from '@salur/platform';
import type { IntakeEnv } from './config/intake.env';
import { intakeDatabase } from './database/data-source';
import { ComplaintsModule } from './complaints/complaints.module';
import { Open311Module } from './open311/open311.module';

@Module({})
export class IntakeModule {
  static register(config: IntakeEnv): DynamicModule {
    return {
      module: IntakeModule,
      imports: [
        TypeOrmDatabaseModule.forConfig(config, intakeDatabase(config.DATABASE_URL)),
        MessagingModule.forService(config, {
          name: 'intake',
          produces: [Topics.intake],
          // Complaints are accepted into the outbox while Kafka is down.
          readinessRequiresKafka: false,
        }),
        ComplaintsModule,
        Open311Module,
      ],
    };
  }
}
