import type { QueryRunner } from 'typeorm';
import { quoteIdent } from './sql';

/**
 * DDL of the outbox and inbox in a service's schema, for that service's first migration. It is
 * what TypeORM derives from `messagingEntities(schema)`, so the drift test of each service passes.
 */
export async function createMessagingTables(runner: QueryRunner, schema: string): Promise<void> {
  const s = quoteIdent(schema);
  await runner.query(
    `CREATE TABLE ${s}."outbox" ("position" BIGSERIAL NOT NULL, "event_id" uuid NOT NULL, ` +
      `"event_type" text NOT NULL, "topic" text NOT NULL, "message_key" text NOT NULL, ` +
      `"headers" jsonb NOT NULL, "payload" text NOT NULL, ` +
      `"created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), ` +
      `CONSTRAINT "outbox_event_id_key" UNIQUE ("event_id"), ` +
      `CONSTRAINT "outbox_pkey" PRIMARY KEY ("position"))`,
  );
  await runner.query(
    `CREATE TABLE ${s}."inbox" ("consumer_group" text NOT NULL, "event_id" uuid NOT NULL, ` +
      `"event_type" text NOT NULL, "processed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), ` +
      `CONSTRAINT "inbox_pkey" PRIMARY KEY ("consumer_group", "event_id"))`,
  );
  await runner.query(`CREATE INDEX "inbox_processed_at_idx" ON ${s}."inbox" ("processed_at")`);
}

export async function dropMessagingTables(runner: QueryRunner, schema: string): Promise<void> {
  const s = quoteIdent(schema);
  await runner.query(`DROP TABLE ${s}."inbox"`);
  await runner.query(`DROP TABLE ${s}."outbox"`);
}
