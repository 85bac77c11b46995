import { messagingEntities } from '@salur/messaging';
import type { ServiceDatabaseOptions } from '@salur/platform';
import { DeliveryEntity } from '../deliveries/persistence/delivery.entity';
import { ReporterContactEntity } from '../deliveries/persistence/reporter-contact.entity';
import { SubscriptionEntity } from '../deliveries/persistence/subscription.entity';
import { CreateNotificationSchema1764400000000 } from '../migrations/1764400000000-create-notification-schema';
import { DeliveryWorkerAndSubscriptions1764500000000 } from '../migrations/1764500000000-delivery-worker-and-subscriptions';

export const NOTIFICATION_SCHEMA = 'notification';

export function notificationDatabase(url: string): ServiceDatabaseOptions {
  return {
    schema: NOTIFICATION_SCHEMA,
    url,
    entities: [
      DeliveryEntity,
      SubscriptionEntity,
      ReporterContactEntity,
      ...messagingEntities(NOTIFICATION_SCHEMA),
    ],
    migrations: [
      CreateNotificationSchema1764400000000,
      DeliveryWorkerAndSubscriptions1764500000000,
    ],
    applicationName: 'salur-notification',
  };
}
