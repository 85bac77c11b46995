import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A verifier's postponement ("tunda") of a pending submission: until when, why, by whom. */
export class CasePostponement1764600000000 implements MigrationInterface {
  name = 'CasePostponement1764600000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `ALTER TABLE "routing"."complaint_cases" ADD "postponed_until" TIMESTAMP WITH TIME ZONE, ` +
        `ADD "postpone_reason" text, ADD "postpone_note" text, ADD "postponed_by" text, ` +
        `ADD "postponed_at" TIMESTAMP WITH TIME ZONE`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(
      `ALTER TABLE "routing"."complaint_cases" DROP COLUMN "postponed_at", DROP COLUMN "postponed_by", ` +
        `DROP COLUMN "postpone_note", DROP COLUMN "postpone_reason", DROP COLUMN "postponed_until"`,
    );
  }
}
