import { createMessagingTables, dropMessagingTables } from '@salur/messaging';
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateNotificationSchema1764400000000 implements MigrationInterface {
  name = 'CreateNotificationSchema1764400000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE SCHEMA IF NOT EXISTS "notification"`);
    await runner.query(
      `CREATE TABLE "notification"."deliveries" ("delivery_id" uuid NOT NULL, "source_event_id" uuid NOT NULL, ` +
        `"event_type" text NOT NULL, "complaint_id" uuid NOT NULL, "recipient_kind" text NOT NULL, ` +
        `"recipient" text NOT NULL, "channel" text NOT NULL, "status" text NOT NULL, ` +
        `"attempts" integer NOT NULL DEFAULT '0', "last_error" text, ` +
        `"next_attempt_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, ` +
        `CONSTRAINT "deliveries_pkey" PRIMARY KEY ("delivery_id"))`,
    );
    await runner.query(
      `CREATE INDEX "deliveries_pending_next_attempt_idx" ON "notification"."deliveries" ("next_attempt_at") WHERE "status" = 'pending'`,
    );
    await runner.query(
      `CREATE INDEX "deliveries_complaint_idx" ON "notification"."deliveries" ("complaint_id")`,
    );
    await runner.query(
      `CREATE UNIQUE INDEX "deliveries_event_recipient_channel_key" ON "notification"."deliveries" ` +
        `("source_event_id", "recipient_kind", "recipient", "channel")`,
    );
    await createMessagingTables(runner, 'notification');
  }

  async down(runner: QueryRunner): Promise<void> {
    await dropMessagingTables(runner, 'notification');
    await runner.query(`DROP TABLE "notification"."deliveries"`);
  }
}
