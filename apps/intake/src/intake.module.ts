import { Module, type DynamicModule } from '@nestjs/common';
import { Topics } from '@salur/contracts';
import { MessagingModule } from '@salur/messaging';
import {
  createStandaloneLogger,
  currentTraceparent,
  runWithTrace,
  TypeOrmDatabaseModule,
} from '@salur/platform';
import { ComplaintsModule } from './complaints/complaints.module';
import type { IntakeEnv } from './config/intake.env';
import { intakeDatabase } from './database/data-source';

@Module({})
export class IntakeModule {
  static register(config: IntakeEnv): DynamicModule {
    return {
      module: IntakeModule,
      imports: [
        TypeOrmDatabaseModule.forService({
          ...intakeDatabase(config.DATABASE_URL),
          poolSize: config.DATABASE_POOL_SIZE,
          statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT_MS,
        }),
        MessagingModule.forRoot({
          service: 'intake',
          schema: 'intake',
          source: '/salur/intake',
          brokers: config.KAFKA_BROKERS,
          topicPrefix: config.KAFKA_TOPIC_PREFIX,
          ...(config.KAFKA_CLIENT_ID !== undefined ? { clientId: config.KAFKA_CLIENT_ID } : {}),
          databaseUrl: config.DATABASE_URL,
          produces: [Topics.intake],
          // Complaints are accepted into the outbox while Kafka is down.
          readinessRequiresKafka: false,
          logger: createStandaloneLogger('intake', config.LOG_LEVEL),
          currentTraceparent,
          runInTrace: runWithTrace,
        }),
        ComplaintsModule,
      ],
    };
  }
}
