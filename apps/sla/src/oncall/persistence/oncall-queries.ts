import type { SlaStage } from '@salur/contracts';
import type { EntityManager } from 'typeorm';
import {
  clockColumns,
  toClock,
  type ClockRow,
} from '../../clocks/persistence/postgres-clock-store';
import type { SlaClock } from '../../clocks/domain/sla-clock';

export interface OncallFilter {
  /** Agencies to include; undefined for all. */
  readonly agencies?: readonly string[];
  readonly level?: string;
  /** Kemendagri prefix: `64` matches `64`, `64.71`, `64.71.04`. */
  readonly regionPrefix?: string;
  readonly stage?: SlaStage;
  readonly since?: Date;
  readonly limit: number;
  readonly offset: number;
}

export interface OncallPage {
  readonly items: SlaClock[];
  readonly total: number;
  /** Count per province code (the first two digits of the region). */
  readonly byProvince: Record<string, number>;
}

/**
 * What on-call staff watch: breached clocks (longest overdue first) and at-risk ones (a warning
 * fired, nearest deadline first). Auto-close clocks are not breaches and are left out.
 */
export class OncallQueries {
  constructor(private readonly manager: EntityManager) {}

  breaches(filter: OncallFilter): Promise<OncallPage> {
    return this.page(`c.status = 'breached'`, 'c.breached_at', 'c.breached_at ASC', filter);
  }

  atRisk(filter: OncallFilter): Promise<OncallPage> {
    return this.page(
      `c.status = 'running' AND c.warned_at IS NOT NULL`,
      'c.started_at',
      'c.due_at ASC',
      filter,
    );
  }

  private async page(
    condition: string,
    sinceColumn: string,
    order: string,
    filter: OncallFilter,
  ): Promise<OncallPage> {
    const params: unknown[] = [];
    const where = [condition, `c.stage <> 'auto_close'`];
    const add = (sql: (p: string) => string, value: unknown) => {
      params.push(value);
      where.push(sql(`$${params.length}`));
    };
    if (filter.agencies) add((p) => `c.agency = ANY(${p}::text[])`, filter.agencies);
    if (filter.level) add((p) => `c.agency_level = ${p}`, filter.level);
    if (filter.regionPrefix) {
      add((p) => `(c.region_code = ${p} OR c.region_code LIKE ${p} || '.%')`, filter.regionPrefix);
    }
    if (filter.stage) add((p) => `c.stage = ${p}`, filter.stage);
    if (filter.since) add((p) => `${sinceColumn} >= ${p}`, filter.since.toISOString());
    const whereSql = where.join(' AND ');
    const rows: ClockRow[] = await this.manager.query(
      `SELECT ${clockColumns('c')} FROM sla.clocks c WHERE ${whereSql}
       ORDER BY ${order}, c.clock_id LIMIT ${filter.limit} OFFSET ${filter.offset}`,
      params,
    );
    const counts: { province: string; n: number }[] = await this.manager.query(
      `SELECT substring(c.region_code from 1 for 2) AS province, count(*)::int AS n
       FROM sla.clocks c WHERE ${whereSql} GROUP BY 1 ORDER BY 1`,
      params,
    );
    return {
      items: rows.map(toClock),
      total: counts.reduce((sum, c) => sum + c.n, 0),
      byProvince: Object.fromEntries(counts.map((c) => [c.province, c.n])),
    };
  }
}
