import { messagingEntities } from '@salur/messaging';
import type { ServiceDatabaseOptions } from '@salur/platform';
import { AgencyEntity } from '../cases/persistence/agency.entity';
import { CaseDeadlineEntity } from '../cases/persistence/case-deadline.entity';
import { ComplaintCaseEntity } from '../cases/persistence/complaint-case.entity';
import { RuleSetEntity } from '../cases/persistence/rule-set.entity';
import { CreateRoutingSchema1764400000000 } from '../migrations/1764400000000-create-routing-schema';
import { CaseLifecycleAndRules1764500000000 } from '../migrations/1764500000000-case-lifecycle-and-rules';
import { CasePostponement1764600000000 } from '../migrations/1764600000000-case-postponement';
import { CaseExtensionGranted1764700000000 } from '../migrations/1764700000000-case-extension-granted';

export const ROUTING_SCHEMA = 'routing';

export function routingDatabase(url: string): ServiceDatabaseOptions {
  return {
    schema: ROUTING_SCHEMA,
    url,
    entities: [
      ComplaintCaseEntity,
      RuleSetEntity,
      AgencyEntity,
      CaseDeadlineEntity,
      ...messagingEntities(ROUTING_SCHEMA),
    ],
    migrations: [
      CreateRoutingSchema1764400000000,
      CaseLifecycleAndRules1764500000000,
      CasePostponement1764600000000,
      CaseExtensionGranted1764700000000,
    ],
    applicationName: 'salur-routing',
  };
}
