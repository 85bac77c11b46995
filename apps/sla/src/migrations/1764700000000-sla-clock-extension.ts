import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The follow-up extension ("+7 working days once"): a policy field, versioned with the policy,
 * copied onto each clock when it starts, and when the clock was extended. Follow-up clocks
 * still open and stored follow-up policies get the default extension.
 */
export class SlaClockExtension1764700000000 implements MigrationInterface {
  name = 'SlaClockExtension1764700000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "sla"."policies" ADD "extension" text`);
    await runner.query(
      `UPDATE "sla"."policies" SET "extension" = 'P7D' WHERE "stage" = 'follow_up'`,
    );
    await runner.query(
      `ALTER TABLE "sla"."clocks" ADD "extension" text, ADD "extended_at" TIMESTAMP WITH TIME ZONE`,
    );
    await runner.query(
      `UPDATE "sla"."clocks" SET "extension" = 'P7D' ` +
        `WHERE "stage" = 'follow_up' AND "status" IN ('running', 'paused', 'breached')`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(
      `ALTER TABLE "sla"."clocks" DROP COLUMN "extended_at", DROP COLUMN "extension"`,
    );
    await runner.query(`ALTER TABLE "sla"."policies" DROP COLUMN "extension"`);
  }
}
