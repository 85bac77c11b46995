import { messagingEntities } from '@salur/messaging';
import type { ServiceDatabaseOptions } from '@salur/platform';
import {
  SlaAgencyCalendarEntity,
  SlaAuditEntity,
  SlaHolidayEntity,
  SlaPolicyEntity,
} from '../admin/persistence/admin.entities';
import { SlaClockEntity } from '../clocks/persistence/sla-clock.entity';
import { SlaComplaintEntity } from '../clocks/persistence/sla-complaint.entity';
import { SlaDeadlineEntity } from '../clocks/persistence/sla-deadline.entity';
import { CreateSlaSchema1764400000000 } from '../migrations/1764400000000-create-sla-schema';
import { SlaClocksAndScheduler1764500000000 } from '../migrations/1764500000000-sla-clocks-and-scheduler';
import { SlaAgencyWorkingWeeks1764600000000 } from '../migrations/1764600000000-sla-agency-working-weeks';

export const SLA_SCHEMA = 'sla';

export function slaDatabase(url: string): ServiceDatabaseOptions {
  return {
    schema: SLA_SCHEMA,
    url,
    entities: [
      SlaClockEntity,
      SlaDeadlineEntity,
      SlaComplaintEntity,
      SlaPolicyEntity,
      SlaHolidayEntity,
      SlaAuditEntity,
      SlaAgencyCalendarEntity,
      ...messagingEntities(SLA_SCHEMA),
    ],
    migrations: [
      CreateSlaSchema1764400000000,
      SlaClocksAndScheduler1764500000000,
      SlaAgencyWorkingWeeks1764600000000,
    ],
    applicationName: 'salur-sla',
  };
}
