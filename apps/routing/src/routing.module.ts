import { Module, type DynamicModule } from '@nestjs/common';
import { Topics } from '@salur/contracts';
import { MessagingModule } from '@salur/messaging';
import {
  createStandaloneLogger,
  currentTraceparent,
  runWithTrace,
  TypeOrmDatabaseModule,
} from '@salur/platform';
import { CasesModule } from './cases/cases.module';
import type { RoutingEnv } from './config/routing.env';
import { routingDatabase } from './database/data-source';

@Module({})
export class RoutingModule {
  static register(config: RoutingEnv): DynamicModule {
    return {
      module: RoutingModule,
      imports: [
        TypeOrmDatabaseModule.forService({
          ...routingDatabase(config.DATABASE_URL),
          poolSize: config.DATABASE_POOL_SIZE,
          statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT_MS,
        }),
        MessagingModule.forRoot({
          service: 'routing',
          schema: 'routing',
          source: '/salur/routing',
          brokers: config.KAFKA_BROKERS,
          topicPrefix: config.KAFKA_TOPIC_PREFIX,
          ...(config.KAFKA_CLIENT_ID !== undefined ? { clientId: config.KAFKA_CLIENT_ID } : {}),
          databaseUrl: config.DATABASE_URL,
          produces: [Topics.complaints],
          logger: createStandaloneLogger('routing', config.LOG_LEVEL),
          currentTraceparent,
          runInTrace: runWithTrace,
        }),
        CasesModule,
      ],
    };
  }
}
