import { createMessagingTables, dropMessagingTables } from '@salur/messaging';
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateIntakeSchema1764400000000 implements MigrationInterface {
  name = 'CreateIntakeSchema1764400000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE SCHEMA IF NOT EXISTS "intake"`);
    await runner.query(
      `CREATE TABLE "intake"."submissions" ("complaint_id" uuid NOT NULL, "tracking_id" text NOT NULL, ` +
        `"tracking_token_hash" text NOT NULL, "type" text NOT NULL, "channel" text NOT NULL, ` +
        `"title" text NOT NULL, "body" text NOT NULL, "category" text, "region_code" text NOT NULL, ` +
        `"address" text, "privacy" text NOT NULL, "language" text NOT NULL, "reporter" jsonb, ` +
        `"status" text NOT NULL, "current_agency" text, "state_version" integer NOT NULL DEFAULT '0', ` +
        `"submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, ` +
        `CONSTRAINT "submissions_pkey" PRIMARY KEY ("complaint_id"))`,
    );
    await runner.query(
      `CREATE UNIQUE INDEX "submissions_tracking_id_key" ON "intake"."submissions" ("tracking_id")`,
    );
    await runner.query(
      `CREATE TABLE "intake"."idempotency_keys" ("key" text NOT NULL, "fingerprint" text NOT NULL, ` +
        `"response" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), ` +
        `"expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "idempotency_keys_pkey" PRIMARY KEY ("key"))`,
    );
    await runner.query(
      `CREATE INDEX "idempotency_keys_expires_at_idx" ON "intake"."idempotency_keys" ("expires_at")`,
    );
    await createMessagingTables(runner, 'intake');
  }

  async down(runner: QueryRunner): Promise<void> {
    await dropMessagingTables(runner, 'intake');
    await runner.query(`DROP TABLE "intake"."idempotency_keys"`);
    await runner.query(`DROP TABLE "intake"."submissions"`);
  }
}
