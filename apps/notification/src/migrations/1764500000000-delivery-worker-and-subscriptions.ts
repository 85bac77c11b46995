import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The delivery worker's columns, agency webhook subscriptions and sealed reporter contacts. */
export class DeliveryWorkerAndSubscriptions1764500000000 implements MigrationInterface {
  name = 'DeliveryWorkerAndSubscriptions1764500000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX "notification"."deliveries_event_recipient_channel_key"`);
    await runner.query(
      `ALTER TABLE "notification"."deliveries" ADD "target_key" text NOT NULL DEFAULT '', ` +
        `ADD "endpoint" text NOT NULL DEFAULT '', ADD "last_status_code" integer, ` +
        `ADD "locked_until" TIMESTAMP WITH TIME ZONE, ADD "delivered_at" TIMESTAMP WITH TIME ZONE, ` +
        `ADD "payload" jsonb NOT NULL DEFAULT '{}'::jsonb`,
    );
    // rows from before this migration keep an empty payload (they cannot be sent); new rows need one
    await runner.query(
      `ALTER TABLE "notification"."deliveries" ALTER COLUMN "payload" DROP DEFAULT`,
    );
    await runner.query(
      `CREATE UNIQUE INDEX "deliveries_event_recipient_target_key" ON "notification"."deliveries" ` +
        `("source_event_id", "recipient_kind", "recipient", "channel", "target_key")`,
    );
    await runner.query(
      `CREATE INDEX "deliveries_target_key_idx" ON "notification"."deliveries" ("target_key")`,
    );
    await runner.query(
      `CREATE TABLE "notification"."subscriptions" ("subscription_id" uuid NOT NULL, ` +
        `"agency" text NOT NULL, "url" text NOT NULL, "event_types" text array NOT NULL DEFAULT '{}', ` +
        `"secret_sealed" text NOT NULL, "previous_secret_sealed" text, ` +
        `"previous_secret_expires_at" TIMESTAMP WITH TIME ZONE, ` +
        `"created_at" TIMESTAMP WITH TIME ZONE NOT NULL, ` +
        `CONSTRAINT "subscriptions_pkey" PRIMARY KEY ("subscription_id"))`,
    );
    await runner.query(
      `CREATE INDEX "subscriptions_agency_idx" ON "notification"."subscriptions" ("agency")`,
    );
    await runner.query(
      `CREATE TABLE "notification"."reporter_contacts" ("complaint_id" uuid NOT NULL, ` +
        `"language" text NOT NULL, "contact_sealed" text, "body_sealed" text, ` +
        `"created_at" TIMESTAMP WITH TIME ZONE NOT NULL, ` +
        `CONSTRAINT "reporter_contacts_pkey" PRIMARY KEY ("complaint_id"))`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE "notification"."reporter_contacts"`);
    await runner.query(`DROP TABLE "notification"."subscriptions"`);
    await runner.query(`DROP INDEX "notification"."deliveries_target_key_idx"`);
    await runner.query(`DROP INDEX "notification"."deliveries_event_recipient_target_key"`);
    await runner.query(
      `ALTER TABLE "notification"."deliveries" DROP COLUMN "payload", DROP COLUMN "delivered_at", ` +
        `DROP COLUMN "locked_until", DROP COLUMN "last_status_code", DROP COLUMN "endpoint", ` +
        `DROP COLUMN "target_key"`,
    );
    await runner.query(
      `CREATE UNIQUE INDEX "deliveries_event_recipient_channel_key" ON "notification"."deliveries" ` +
        `("source_event_id", "recipient_kind", "recipient", "channel")`,
    );
  }
}
