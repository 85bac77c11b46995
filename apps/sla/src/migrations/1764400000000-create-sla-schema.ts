import { createMessagingTables, dropMessagingTables } from '@salur/messaging';
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateSlaSchema1764400000000 implements MigrationInterface {
  name = 'CreateSlaSchema1764400000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE SCHEMA IF NOT EXISTS "sla"`);
    await runner.query(
      `CREATE TABLE "sla"."clocks" ("clock_id" uuid NOT NULL, "complaint_id" uuid NOT NULL, ` +
        `"stage" text NOT NULL, "agency" text NOT NULL, "agency_level" text, "region_code" text NOT NULL, ` +
        `"policy_version" integer NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL, ` +
        `"due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "status" text NOT NULL, ` +
        `CONSTRAINT "clocks_pkey" PRIMARY KEY ("clock_id"))`,
    );
    await runner.query(
      `CREATE INDEX "clocks_running_due_at_idx" ON "sla"."clocks" ("due_at") WHERE "status" = 'running'`,
    );
    await runner.query(
      `CREATE UNIQUE INDEX "clocks_complaint_stage_agency_key" ON "sla"."clocks" ("complaint_id", "stage", "agency")`,
    );
    await createMessagingTables(runner, 'sla');
  }

  async down(runner: QueryRunner): Promise<void> {
    await dropMessagingTables(runner, 'sla');
    await runner.query(`DROP TABLE "sla"."clocks"`);
  }
}
