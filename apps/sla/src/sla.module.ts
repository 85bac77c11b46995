import { Module, type DynamicModule } from '@nestjs/common';
import { Topics } from '@salur/contracts';
import { MessagingModule } from '@salur/messaging';
import {
  AuthModule,
  createStandaloneLogger,
  currentTraceparent,
  runWithTrace,
  TypeOrmDatabaseModule,
} from '@salur/platform';
import { ClocksModule } from './clocks/clocks.module';
import type { SlaEnv } from './config/sla.env';
import { slaDatabase } from './database/data-source';

@Module({})
export class SlaModule {
  static register(config: SlaEnv): DynamicModule {
    return {
      module: SlaModule,
      imports: [
        TypeOrmDatabaseModule.forService({
          ...slaDatabase(config.DATABASE_URL),
          poolSize: config.DATABASE_POOL_SIZE,
          statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT_MS,
        }),
        MessagingModule.forRoot({
          service: 'sla',
          schema: 'sla',
          source: '/salur/sla',
          brokers: config.KAFKA_BROKERS,
          topicPrefix: config.KAFKA_TOPIC_PREFIX,
          ...(config.KAFKA_CLIENT_ID !== undefined ? { clientId: config.KAFKA_CLIENT_ID } : {}),
          databaseUrl: config.DATABASE_URL,
          produces: [Topics.sla],
          logger: createStandaloneLogger('sla', config.LOG_LEVEL),
          currentTraceparent,
          runInTrace: runWithTrace,
        }),
        AuthModule.forRoot(config),
        ClocksModule,
      ],
    };
  }
}
