import { EntitySchema } from 'typeorm';

/** An event a consumer group has already handled; its effect committed in the same transaction. */
export interface InboxRow {
  consumerGroup: string;
  eventId: string;
  eventType: string;
  processedAt: Date;
}

/** The inbox table in a service's own schema (`<schema>.inbox`). */
export function inboxEntity(schema: string): EntitySchema<InboxRow> {
  return new EntitySchema<InboxRow>({
    name: 'InboxRow',
    tableName: 'inbox',
    schema,
    columns: {
      consumerGroup: {
        name: 'consumer_group',
        type: 'text',
        primary: true,
        primaryKeyConstraintName: 'inbox_pkey',
      },
      eventId: {
        name: 'event_id',
        type: 'uuid',
        primary: true,
        primaryKeyConstraintName: 'inbox_pkey',
      },
      eventType: { name: 'event_type', type: 'text' },
      processedAt: { name: 'processed_at', type: 'timestamptz', default: () => 'now()' },
    },
    // Retention deletes by age.
    indices: [{ name: 'inbox_processed_at_idx', columns: ['processedAt'] }],
  });
}
