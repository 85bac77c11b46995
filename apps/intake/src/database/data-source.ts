import { messagingEntities } from '@salur/messaging';
import type { ServiceDatabaseOptions } from '@salur/platform';
import { IdempotencyKeyEntity } from '../complaints/persistence/idempotency-key.entity';
import { SlaClockEntity } from '../complaints/persistence/sla-clock.entity';
import { SubmissionEntity } from '../complaints/persistence/submission.entity';
import { TimelineEntryEntity } from '../complaints/persistence/timeline-entry.entity';
import { CreateIntakeSchema1764400000000 } from '../migrations/1764400000000-create-intake-schema';
import { CompleteIntake1764500000000 } from '../migrations/1764500000000-complete-intake';

export const INTAKE_SCHEMA = 'intake';

/** Intake's schema: its entities and the migrations that create them, for the app and `migrate`. */
export function intakeDatabase(url: string): ServiceDatabaseOptions {
  return {
    schema: INTAKE_SCHEMA,
    url,
    entities: [
      SubmissionEntity,
      IdempotencyKeyEntity,
      TimelineEntryEntity,
      SlaClockEntity,
      ...messagingEntities(INTAKE_SCHEMA),
    ],
    migrations: [CreateIntakeSchema1764400000000, CompleteIntake1764500000000],
    applicationName: 'salur-intake',
  };
}
