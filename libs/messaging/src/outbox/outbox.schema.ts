import { EntitySchema } from 'typeorm';

/** One event waiting to be published. Rows are deleted once Kafka has acknowledged them. */
export interface OutboxRow {
  position: string;
  eventId: string;
  eventType: string;
  topic: string;
  messageKey: string;
  headers: Record<string, string>;
  payload: string;
  createdAt: Date;
}

/** The outbox table in a service's own schema (`<schema>.outbox`). */
export function outboxEntity(schema: string): EntitySchema<OutboxRow> {
  return new EntitySchema<OutboxRow>({
    name: 'OutboxRow',
    tableName: 'outbox',
    schema,
    columns: {
      // The order in which events were written; the relay publishes in this order.
      position: {
        type: 'bigint',
        primary: true,
        generated: 'increment',
        primaryKeyConstraintName: 'outbox_pkey',
      },
      eventId: { name: 'event_id', type: 'uuid' },
      eventType: { name: 'event_type', type: 'text' },
      topic: { type: 'text' },
      messageKey: { name: 'message_key', type: 'text' },
      headers: { type: 'jsonb' },
      // The JSON value exactly as it will be sent.
      payload: { type: 'text' },
      createdAt: { name: 'created_at', type: 'timestamptz', default: () => 'now()' },
    },
    uniques: [{ name: 'outbox_event_id_key', columns: ['eventId'] }],
  });
}
