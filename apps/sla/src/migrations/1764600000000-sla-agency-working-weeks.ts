import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Per-agency working weeks, edited through the admin API. */
export class SlaAgencyWorkingWeeks1764600000000 implements MigrationInterface {
  name = 'SlaAgencyWorkingWeeks1764600000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `CREATE TABLE "sla"."agency_calendars" ("agency" text NOT NULL, "working_week" jsonb NOT NULL, ` +
        `"updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_by" text NOT NULL, ` +
        `CONSTRAINT "agency_calendars_pkey" PRIMARY KEY ("agency"))`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE "sla"."agency_calendars"`);
  }
}
