import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Background recomputation jobs after calendar edits; indexes for the retention of fired
 * deadlines and ended clocks; and the open-clock counts per stage and status, kept by statement
 * triggers on `sla.clocks` in the transaction of every transition: each statement appends its
 * net change to `open_clock_count_deltas` (append-only, so concurrent transitions never wait on
 * a shared counter row), which the service folds into `open_clock_counts` when it refreshes the
 * gauge. Neither table is mapped by an entity: only the triggers and that fold write them.
 */
export class SlaRecomputeRetentionCounts1764800000000 implements MigrationInterface {
  name = 'SlaRecomputeRetentionCounts1764800000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `CREATE TABLE "sla"."recompute_jobs" ("job_id" uuid NOT NULL, "reason" text NOT NULL, ` +
        `"agencies" text array, "after_clock_id" uuid, "recomputed" integer NOT NULL DEFAULT '0', ` +
        `"created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_by" text NOT NULL, ` +
        `"finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "recompute_jobs_pkey" PRIMARY KEY ("job_id"))`,
    );
    await runner.query(
      `CREATE INDEX "recompute_jobs_pending_idx" ON "sla"."recompute_jobs" ("created_at") ` +
        `WHERE "finished_at" IS NULL`,
    );
    await runner.query(
      `CREATE INDEX "deadlines_fired_at_idx" ON "sla"."deadlines" ("fired_at") WHERE "fired_at" IS NOT NULL`,
    );
    await runner.query(
      `CREATE INDEX "clocks_ended_at_idx" ON "sla"."clocks" ("ended_at") WHERE "ended_at" IS NOT NULL`,
    );

    await runner.query(
      `CREATE TABLE "sla"."open_clock_counts" ("stage" text NOT NULL, "status" text NOT NULL, ` +
        `"n" bigint NOT NULL, CONSTRAINT "open_clock_counts_pkey" PRIMARY KEY ("stage", "status"))`,
    );
    await runner.query(
      `CREATE TABLE "sla"."open_clock_count_deltas" ("stage" text NOT NULL, "status" text NOT NULL, ` +
        `"delta" bigint NOT NULL)`,
    );
    await runner.query(`
      CREATE FUNCTION "sla"."count_open_clocks"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          INSERT INTO sla.open_clock_count_deltas (stage, status, delta)
          SELECT stage, status, count(*) FROM new_rows
          WHERE status IN ('running', 'paused', 'breached') GROUP BY stage, status;
        ELSIF TG_OP = 'DELETE' THEN
          INSERT INTO sla.open_clock_count_deltas (stage, status, delta)
          SELECT stage, status, -count(*) FROM old_rows
          WHERE status IN ('running', 'paused', 'breached') GROUP BY stage, status;
        ELSE
          INSERT INTO sla.open_clock_count_deltas (stage, status, delta)
          SELECT stage, status, sum(delta) FROM (
            SELECT n.stage, n.status, 1 AS delta FROM new_rows n
              JOIN old_rows o ON o.clock_id = n.clock_id
              WHERE n.status IS DISTINCT FROM o.status
                AND n.status IN ('running', 'paused', 'breached')
            UNION ALL
            SELECT o.stage, o.status, -1 FROM old_rows o
              JOIN new_rows n ON n.clock_id = o.clock_id
              WHERE n.status IS DISTINCT FROM o.status
                AND o.status IN ('running', 'paused', 'breached')
          ) changes GROUP BY stage, status HAVING sum(delta) <> 0;
        END IF;
        RETURN NULL;
      END $$`);
    await runner.query(
      `CREATE TRIGGER "clocks_count_insert" AFTER INSERT ON "sla"."clocks" ` +
        `REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "sla"."count_open_clocks"()`,
    );
    await runner.query(
      `CREATE TRIGGER "clocks_count_update" AFTER UPDATE ON "sla"."clocks" ` +
        `REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT ` +
        `EXECUTE FUNCTION "sla"."count_open_clocks"()`,
    );
    await runner.query(
      `CREATE TRIGGER "clocks_count_delete" AFTER DELETE ON "sla"."clocks" ` +
        `REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "sla"."count_open_clocks"()`,
    );
    // Clocks open before this migration: counted once, here, in its transaction.
    await runner.query(
      `INSERT INTO "sla"."open_clock_counts" ("stage", "status", "n") ` +
        `SELECT "stage", "status", count(*) FROM "sla"."clocks" ` +
        `WHERE "status" IN ('running', 'paused', 'breached') GROUP BY "stage", "status"`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TRIGGER "clocks_count_delete" ON "sla"."clocks"`);
    await runner.query(`DROP TRIGGER "clocks_count_update" ON "sla"."clocks"`);
    await runner.query(`DROP TRIGGER "clocks_count_insert" ON "sla"."clocks"`);
    await runner.query(`DROP FUNCTION "sla"."count_open_clocks"()`);
    await runner.query(`DROP TABLE "sla"."open_clock_count_deltas"`);
    await runner.query(`DROP TABLE "sla"."open_clock_counts"`);
    await runner.query(`DROP INDEX "sla"."clocks_ended_at_idx"`);
    await runner.query(`DROP INDEX "sla"."deadlines_fired_at_idx"`);
    await runner.query(`DROP TABLE "sla"."recompute_jobs"`);
  }
}
