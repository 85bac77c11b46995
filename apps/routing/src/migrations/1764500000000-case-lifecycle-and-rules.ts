import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The full case lifecycle (forwarders, information requests, closing), the rule set versions and
 * the agency directory, and each complaint's follow-up deadline.
 */
export class CaseLifecycleAndRules1764500000000 implements MigrationInterface {
  name = 'CaseLifecycleAndRules1764500000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `ALTER TABLE "routing"."complaint_cases" ADD "forwarded_by" text array NOT NULL DEFAULT '{}', ` +
        `ADD "awaiting_reporter" boolean NOT NULL DEFAULT false, ADD "closed_by" text, ` +
        `ADD "rating" integer, ADD "reporter" jsonb, ADD "reporter_key" text, ADD "duplicate_of" uuid, ADD "target_agency" text`,
    );
    await runner.query(
      `CREATE INDEX "complaint_cases_submitted_at_idx" ON "routing"."complaint_cases" ("submitted_at")`,
    );
    await runner.query(
      `CREATE INDEX "complaint_cases_agency_queue_idx" ON "routing"."complaint_cases" ("agency", "submitted_at", "complaint_id")`,
    );
    await runner.query(
      `CREATE TABLE "routing"."rule_sets" ("version" integer NOT NULL, "rules" jsonb NOT NULL, ` +
        `"created_by" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, ` +
        `CONSTRAINT "rule_sets_pkey" PRIMARY KEY ("version"))`,
    );
    await runner.query(
      `CREATE TABLE "routing"."agencies" ("code" text NOT NULL, "name" text NOT NULL, ` +
        `"short_name" text NOT NULL, "level" text NOT NULL, "parent_code" text, "region_code" text, ` +
        `"time_zone" text NOT NULL, "has_ppid" boolean NOT NULL, "active" boolean NOT NULL, ` +
        `"position" integer NOT NULL, CONSTRAINT "agencies_pkey" PRIMARY KEY ("code"))`,
    );
    await runner.query(
      `CREATE TABLE "routing"."case_deadlines" ("complaint_id" uuid NOT NULL, "clock_id" uuid NOT NULL, ` +
        `"agency" text, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL, ` +
        `"due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "state" text NOT NULL, ` +
        `CONSTRAINT "case_deadlines_pkey" PRIMARY KEY ("complaint_id"))`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE "routing"."case_deadlines"`);
    await runner.query(`DROP TABLE "routing"."agencies"`);
    await runner.query(`DROP TABLE "routing"."rule_sets"`);
    await runner.query(`DROP INDEX "routing"."complaint_cases_submitted_at_idx"`);
    await runner.query(`DROP INDEX "routing"."complaint_cases_agency_queue_idx"`);
    await runner.query(
      `ALTER TABLE "routing"."complaint_cases" DROP COLUMN "target_agency", DROP COLUMN "duplicate_of", DROP COLUMN "reporter_key", DROP COLUMN "reporter", DROP COLUMN "rating", ` +
        `DROP COLUMN "closed_by", DROP COLUMN "awaiting_reporter", DROP COLUMN "forwarded_by"`,
    );
  }
}
