import type { DataSource } from 'typeorm';

/**
 * Deletes history older than the retention period, in batches of set-based SQL (each its own
 * short transaction): fired deadlines, and ended `follow_up` and `auto_close` clocks with their
 * deadlines. The `verification` and `resolution` clocks (two per complaint) and `sla.complaints`
 * stay: the transitions read them to know a complaint already had its submission stages.
 */
export class PostgresRetention {
  constructor(private readonly dataSource: DataSource) {}

  /** One batch of fired deadlines that fired before `cutoff`; how many were deleted. */
  async deleteFiredDeadlines(cutoff: Date, limit: number): Promise<number> {
    const rows: { n: number }[] = await this.dataSource.query(
      `WITH gone AS (
         DELETE FROM sla.deadlines WHERE ctid = ANY(ARRAY(
           SELECT ctid FROM sla.deadlines WHERE fired_at < $1 LIMIT $2))
         RETURNING 1)
       SELECT count(*)::int AS n FROM gone`,
      [cutoff.toISOString(), limit],
    );
    return rows[0]?.n ?? 0;
  }

  /** One batch of agency clocks that ended before `cutoff`, with their deadlines. */
  async deleteEndedClocks(cutoff: Date, limit: number): Promise<number> {
    const rows: { n: number }[] = await this.dataSource.query(
      `WITH gone AS (
         DELETE FROM sla.clocks WHERE clock_id IN (
           SELECT clock_id FROM sla.clocks
           WHERE ended_at < $1 AND stage IN ('follow_up', 'auto_close')
             AND status IN ('met', 'stopped', 'due')
           LIMIT $2 FOR UPDATE SKIP LOCKED)
         RETURNING clock_id),
       deadlines AS (DELETE FROM sla.deadlines d USING gone WHERE d.clock_id = gone.clock_id)
       SELECT count(*)::int AS n FROM gone`,
      [cutoff.toISOString(), limit],
    );
    return rows[0]?.n ?? 0;
  }

  /**
   * Folds the deltas the clock triggers appended into the counts and answers them: the open
   * clocks per stage and status, without counting `sla.clocks`.
   */
  async openClockCounts(): Promise<{ stage: string; status: string; n: number }[]> {
    await this.dataSource.query(
      `WITH d AS (DELETE FROM sla.open_clock_count_deltas RETURNING stage, status, delta)
       INSERT INTO sla.open_clock_counts (stage, status, n)
       SELECT stage, status, sum(delta) FROM d GROUP BY stage, status
       ON CONFLICT (stage, status) DO UPDATE SET n = sla.open_clock_counts.n + EXCLUDED.n`,
    );
    return this.dataSource.query(
      `SELECT stage, status, n::int AS n FROM sla.open_clock_counts WHERE n <> 0`,
    );
  }
}
