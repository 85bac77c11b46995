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
import { SlaRecomputeJobEntity } from '../clocks/persistence/sla-recompute-job.entity';
import { CreateSlaSchema1764400000000 } from '../migrations/1764400000000-create-sla-schema';
import { SlaClocksAndScheduler1764500000000 } from '../migrations/1764500000000-sla-clocks-and-scheduler';
import { SlaAgencyWorkingWeeks1764600000000 } from '../migrations/1764600000000-sla-agency-working-weeks';
import { SlaClockExtension1764700000000 } from '../migrations/1764700000000-sla-clock-extension';
import { SlaRecomputeRetentionCounts1764800000000 } from '../migrations/1764800000000-sla-recompute-retention-counts';

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
      SlaRecomputeJobEntity,
      ...messagingEntities(SLA_SCHEMA),
    ],
    migrations: [
      CreateSlaSchema1764400000000,
      SlaClocksAndScheduler1764500000000,
      SlaAgencyWorkingWeeks1764600000000,
      SlaClockExtension1764700000000,
      SlaRecomputeRetentionCounts1764800000000,
    ],
    applicationName: 'salur-sla',
  };
}
