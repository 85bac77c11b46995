import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Whether the agency holding a case extended its follow-up period (information requests, once). */
export class CaseExtensionGranted1764700000000 implements MigrationInterface {
  name = 'CaseExtensionGranted1764700000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `ALTER TABLE "routing"."complaint_cases" ADD "extension_granted" boolean NOT NULL DEFAULT false`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "routing"."complaint_cases" DROP COLUMN "extension_granted"`);
  }
}
