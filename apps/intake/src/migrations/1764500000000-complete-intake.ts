import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The full submission (location, attachments, target agency), the timeline and the SLA clocks. */
export class CompleteIntake1764500000000 implements MigrationInterface {
  name = 'CompleteIntake1764500000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `ALTER TABLE "intake"."submissions" ADD "lat" double precision, ADD "lon" double precision, ` +
        `ADD "occurred_at" text, ADD "target_agency" text, ` +
        `ADD "attachments" jsonb NOT NULL DEFAULT '[]', ADD "decision_pending_at" integer, ` +
        `ADD "responded_at" TIMESTAMP WITH TIME ZONE, ADD "closed_at" TIMESTAMP WITH TIME ZONE`,
    );
    await runner.query(
      `CREATE TABLE "intake"."timeline_entries" ("entry_id" uuid NOT NULL, "complaint_id" uuid NOT NULL, ` +
        `"kind" text NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "status" text, "agency" text, ` +
        `"detail" jsonb NOT NULL, CONSTRAINT "timeline_entries_pkey" PRIMARY KEY ("entry_id"))`,
    );
    await runner.query(
      `CREATE INDEX "timeline_entries_complaint_idx" ON "intake"."timeline_entries" ("complaint_id", "at")`,
    );
    await runner.query(
      `CREATE TABLE "intake"."sla_clocks" ("clock_id" uuid NOT NULL, "complaint_id" uuid NOT NULL, ` +
        `"stage" text NOT NULL, "agency" text, "due_at" TIMESTAMP WITH TIME ZONE NOT NULL, ` +
        `"state" text NOT NULL, "event_time" TIMESTAMP WITH TIME ZONE NOT NULL, ` +
        `CONSTRAINT "sla_clocks_pkey" PRIMARY KEY ("clock_id"))`,
    );
    await runner.query(
      `CREATE INDEX "sla_clocks_complaint_idx" ON "intake"."sla_clocks" ("complaint_id")`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE "intake"."sla_clocks"`);
    await runner.query(`DROP TABLE "intake"."timeline_entries"`);
    await runner.query(
      `ALTER TABLE "intake"."submissions" DROP COLUMN "closed_at", DROP COLUMN "responded_at", ` +
        `DROP COLUMN "decision_pending_at", DROP COLUMN "attachments", DROP COLUMN "target_agency", ` +
        `DROP COLUMN "occurred_at", DROP COLUMN "lon", DROP COLUMN "lat"`,
    );
  }
}
