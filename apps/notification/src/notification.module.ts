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
import { DeliveriesModule } from './deliveries/deliveries.module';
import type { NotificationEnv } from './config/notification.env';
import { notificationDatabase } from './database/data-source';

@Module({})
export class NotificationModule {
  static register(config: NotificationEnv): DynamicModule {
    return {
      module: NotificationModule,
      imports: [
        TypeOrmDatabaseModule.forService({
          ...notificationDatabase(config.DATABASE_URL),
          poolSize: config.DATABASE_POOL_SIZE,
          statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT_MS,
        }),
        MessagingModule.forRoot({
          service: 'notification',
          schema: 'notification',
          source: '/salur/notification',
          brokers: config.KAFKA_BROKERS,
          topicPrefix: config.KAFKA_TOPIC_PREFIX,
          ...(config.KAFKA_CLIENT_ID !== undefined ? { clientId: config.KAFKA_CLIENT_ID } : {}),
          databaseUrl: config.DATABASE_URL,
          produces: [Topics.notifications],
          logger: createStandaloneLogger('notification', config.LOG_LEVEL),
          currentTraceparent,
          runInTrace: runWithTrace,
        }),
        AuthModule.forRoot(config),
        DeliveriesModule,
      ],
    };
  }
}
