import type { EntitySchema } from 'typeorm';
import { inboxEntity } from './inbox/inbox.schema';
import { outboxEntity } from './outbox/outbox.schema';

/** The outbox and inbox entities a service's DataSource must include, in its own schema. */
export function messagingEntities(schema: string): EntitySchema[] {
  return [outboxEntity(schema) as EntitySchema, inboxEntity(schema) as EntitySchema];
}
