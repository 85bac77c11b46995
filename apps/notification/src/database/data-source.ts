import { messagingEntities } from '@salur/messaging';
import type { ServiceDatabaseOptions } from '@salur/platform';
import { DeliveryEntity } from '../deliveries/persistence/delivery.entity';
import { CreateNotificationSchema1764400000000 } from '../migrations/1764400000000-create-notification-schema';

export const NOTIFICATION_SCHEMA = 'notification';

export function notificationDatabase(url: string): ServiceDatabaseOptions {
  return {
    schema: NOTIFICATION_SCHEMA,
    url,
    entities: [DeliveryEntity, ...messagingEntities(NOTIFICATION_SCHEMA)],
    migrations: [CreateNotificationSchema1764400000000],
    applicationName: 'salur-notification',
  };
}
