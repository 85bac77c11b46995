import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Clocks that pause, resume and end; their deadlines, fired once each by the scheduler; the
 * newest complaint version applied; policies, holiday edits and their audit trail.
 */
export class SlaClocksAndScheduler1764500000000 implements MigrationInterface {
  name = 'SlaClocksAndScheduler1764500000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX "sla"."clocks_running_due_at_idx"`);
    await runner.query(`DROP INDEX "sla"."clocks_complaint_stage_agency_key"`);
    await runner.query(
      `CREATE TABLE "sla"."policies" ("policy_id" uuid NOT NULL, "stage" text NOT NULL, "agency" text, ` +
        `"category" text, "complaint_type" text, "version" integer NOT NULL, "duration" text NOT NULL, ` +
        `"calendar" text NOT NULL, "warnings" double precision array NOT NULL, ` +
        `"created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_by" text NOT NULL, ` +
        `CONSTRAINT "policies_pkey" PRIMARY KEY ("policy_id"))`,
    );
    await runner.query(`CREATE INDEX "policies_stage_idx" ON "sla"."policies" ("stage")`);
    await runner.query(
      `CREATE TABLE "sla"."holidays" ("holiday_id" uuid NOT NULL, "date" date NOT NULL, "name" text NOT NULL, ` +
        `"kind" text NOT NULL, "region_code" text, "source" text NOT NULL, ` +
        `"removed" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, ` +
        `"created_by" text NOT NULL, CONSTRAINT "holidays_pkey" PRIMARY KEY ("holiday_id"))`,
    );
    await runner.query(`CREATE INDEX "holidays_date_idx" ON "sla"."holidays" ("date")`);
    await runner.query(
      `CREATE TABLE "sla"."audit_log" ("audit_id" uuid NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, ` +
        `"actor" text NOT NULL, "action" text NOT NULL, "subject" text NOT NULL, "details" jsonb NOT NULL, ` +
        `CONSTRAINT "audit_log_pkey" PRIMARY KEY ("audit_id"))`,
    );
    await runner.query(`CREATE INDEX "audit_log_at_idx" ON "sla"."audit_log" ("at")`);
    await runner.query(
      `CREATE TABLE "sla"."complaints" ("complaint_id" uuid NOT NULL, "version" integer NOT NULL, ` +
        `CONSTRAINT "complaints_pkey" PRIMARY KEY ("complaint_id"))`,
    );
    await runner.query(
      `CREATE TABLE "sla"."deadlines" ("clock_id" uuid NOT NULL, "threshold" double precision NOT NULL, ` +
        `"kind" text NOT NULL, "fire_at" TIMESTAMP WITH TIME ZONE NOT NULL, ` +
        `"fired_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "deadlines_pkey" PRIMARY KEY ("clock_id", "threshold"))`,
    );
    await runner.query(
      `CREATE INDEX "deadlines_pending_fire_at_idx" ON "sla"."deadlines" ("fire_at") WHERE "fired_at" IS NULL`,
    );
    for (const column of [
      `"category" text`,
      `"complaint_type" text NOT NULL DEFAULT 'complaint'`,
      `"calendar" text NOT NULL DEFAULT 'business'`,
      `"warnings" double precision array NOT NULL DEFAULT '{}'`,
      `"budget_ms" bigint NOT NULL DEFAULT '0'`,
      `"consumed_ms" bigint NOT NULL DEFAULT '0'`,
      `"segment_started_at" TIMESTAMP WITH TIME ZONE`,
      `"paused_at" TIMESTAMP WITH TIME ZONE`,
      `"breached_at" TIMESTAMP WITH TIME ZONE`,
      `"warned_at" double precision`,
      `"ended_at" TIMESTAMP WITH TIME ZONE`,
    ]) {
      await runner.query(`ALTER TABLE "sla"."clocks" ADD ${column}`);
    }
    // Clocks of the walking skeleton keep their deadline (no warnings: their budget is unknown).
    await runner.query(
      `UPDATE "sla"."clocks" SET "segment_started_at" = "started_at" WHERE "status" = 'running'`,
    );
    await runner.query(
      `INSERT INTO "sla"."deadlines" ("clock_id", "threshold", "kind", "fire_at") ` +
        `SELECT "clock_id", 1, 'breach', "due_at" FROM "sla"."clocks" WHERE "status" = 'running'`,
    );
    await runner.query(
      `CREATE INDEX "clocks_at_risk_idx" ON "sla"."clocks" ("due_at") WHERE "status" = 'running' AND "warned_at" IS NOT NULL`,
    );
    await runner.query(
      `CREATE INDEX "clocks_breached_idx" ON "sla"."clocks" ("breached_at") WHERE "status" = 'breached'`,
    );
    await runner.query(
      `CREATE UNIQUE INDEX "clocks_active_complaint_stage_key" ON "sla"."clocks" ("complaint_id", "stage") ` +
        `WHERE "status" IN ('running', 'paused', 'breached')`,
    );
    await runner.query(`CREATE INDEX "clocks_complaint_idx" ON "sla"."clocks" ("complaint_id")`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX "sla"."clocks_complaint_idx"`);
    await runner.query(`DROP INDEX "sla"."clocks_active_complaint_stage_key"`);
    await runner.query(`DROP INDEX "sla"."clocks_breached_idx"`);
    await runner.query(`DROP INDEX "sla"."clocks_at_risk_idx"`);
    for (const column of [
      'ended_at',
      'warned_at',
      'breached_at',
      'paused_at',
      'segment_started_at',
      'consumed_ms',
      'budget_ms',
      'warnings',
      'calendar',
      'complaint_type',
      'category',
    ]) {
      await runner.query(`ALTER TABLE "sla"."clocks" DROP COLUMN "${column}"`);
    }
    await runner.query(`DROP TABLE "sla"."deadlines"`);
    await runner.query(`DROP TABLE "sla"."complaints"`);
    await runner.query(`DROP TABLE "sla"."audit_log"`);
    await runner.query(`DROP TABLE "sla"."holidays"`);
    await runner.query(`DROP TABLE "sla"."policies"`);
    await runner.query(
      `CREATE UNIQUE INDEX "clocks_complaint_stage_agency_key" ON "sla"."clocks" ("complaint_id", "stage", "agency")`,
    );
    await runner.query(
      `CREATE INDEX "clocks_running_due_at_idx" ON "sla"."clocks" ("due_at") WHERE "status" = 'running'`,
    );
  }
}
