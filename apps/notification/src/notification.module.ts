import { Module, type DynamicModule } from '@nestjs/common';
import { Topics } from '@salur/contracts';
import { MessagingModule } from '@salur/messaging';
import { AuthModule, TypeOrmDatabaseModule } from '@salur/platform';
import type { NotificationEnv } from './config/notification.env';
import { notificationDatabase } from './database/data-source';
import { DeliveriesModule } from './deliveries/deliveries.module';

@Module({})
export class NotificationModule {
  static register(config: NotificationEnv): DynamicModule {
    return {
      module: NotificationModule,
      imports: [
        TypeOrmDatabaseModule.forConfig(config, notificationDatabase(config.DATABASE_URL)),
        MessagingModule.forService(config, {
          name: 'notification',
          produces: [Topics.notifications],
        }),
        AuthModule.forRoot(config),
        DeliveriesModule,
      ],
    };
  }
}
