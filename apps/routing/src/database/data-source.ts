import { messagingEntities } from '@salur/messaging';
import type { ServiceDatabaseOptions } from '@salur/platform';
import { ComplaintCaseEntity } from '../cases/persistence/complaint-case.entity';
import { CreateRoutingSchema1764400000000 } from '../migrations/1764400000000-create-routing-schema';

export const ROUTING_SCHEMA = 'routing';

export function routingDatabase(url: string): ServiceDatabaseOptions {
  return {
    schema: ROUTING_SCHEMA,
    url,
    entities: [ComplaintCaseEntity, ...messagingEntities(ROUTING_SCHEMA)],
    migrations: [CreateRoutingSchema1764400000000],
    applicationName: 'salur-routing',
  };
}
