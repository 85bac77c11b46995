import { messagingEntities } from '@salur/messaging';
import type { ServiceDatabaseOptions } from '@salur/platform';
import { SlaClockEntity } from '../clocks/persistence/sla-clock.entity';
import { CreateSlaSchema1764400000000 } from '../migrations/1764400000000-create-sla-schema';

export const SLA_SCHEMA = 'sla';

export function slaDatabase(url: string): ServiceDatabaseOptions {
  return {
    schema: SLA_SCHEMA,
    url,
    entities: [SlaClockEntity, ...messagingEntities(SLA_SCHEMA)],
    migrations: [CreateSlaSchema1764400000000],
    applicationName: 'salur-sla',
  };
}
