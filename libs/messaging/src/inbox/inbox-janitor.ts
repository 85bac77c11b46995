import type { DataSource } from 'typeorm';
import { quoteIdent } from '../sql';

/**
 * Deletes inbox records older than the retention period. An event can only come back within the
 * broker's retention plus the longest retry delay, so records older than that protect nothing and
 * only grow the table. Deletes in bounded batches so a large backlog never holds long locks.
 */
export class InboxJanitor {
  private readonly table: string;

  constructor(
    private readonly dataSource: DataSource,
    schema: string,
    private readonly retentionDays: number,
  ) {
    this.table = `${quoteIdent(schema)}.inbox`;
  }

  /** Returns how many records were deleted. */
  async purge(batchSize = 10_000): Promise<number> {
    let deleted = 0;
    for (;;) {
      const [{ n }]: [{ n: number }] = await this.dataSource.query(
        `WITH purged AS (
           DELETE FROM ${this.table} WHERE ctid IN (
             SELECT ctid FROM ${this.table}
             WHERE processed_at < now() - make_interval(days => $1) LIMIT $2)
           RETURNING 1)
         SELECT count(*)::int AS n FROM purged`,
        [this.retentionDays, batchSize],
      );
      deleted += n;
      if (n < batchSize) return deleted;
    }
  }
}
