import { createMessagingTables, dropMessagingTables } from '@salur/messaging';
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateRoutingSchema1764400000000 implements MigrationInterface {
  name = 'CreateRoutingSchema1764400000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE SCHEMA IF NOT EXISTS "routing"`);
    await runner.query(
      `CREATE TABLE "routing"."complaint_cases" ("complaint_id" uuid NOT NULL, "tracking_id" text NOT NULL, ` +
        `"status" text NOT NULL, "agency" text, "agency_level" text, "region_code" text NOT NULL, ` +
        `"category" text, "type" text NOT NULL, "privacy" text NOT NULL, "channel" text NOT NULL, ` +
        `"title" text NOT NULL, "body" text NOT NULL, "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL, ` +
        `"updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "verified_at" TIMESTAMP WITH TIME ZONE, ` +
        `"responded_at" TIMESTAMP WITH TIME ZONE, "closed_at" TIMESTAMP WITH TIME ZONE, ` +
        `"version" integer NOT NULL, "previous_agencies" text array NOT NULL DEFAULT '{}', ` +
        `CONSTRAINT "complaint_cases_pkey" PRIMARY KEY ("complaint_id"))`,
    );
    await runner.query(
      `CREATE INDEX "complaint_cases_agency_status_idx" ON "routing"."complaint_cases" ("agency", "status")`,
    );
    await createMessagingTables(runner, 'routing');
  }

  async down(runner: QueryRunner): Promise<void> {
    await dropMessagingTables(runner, 'routing');
    await runner.query(`DROP TABLE "routing"."complaint_cases"`);
  }
}
