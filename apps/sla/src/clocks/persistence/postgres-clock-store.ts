import type { AgencyLevel, ComplaintType, SlaStage } from '@salur/contracts';
import type { EntityManager } from 'typeorm';
import type {
  ClaimedDeadline,
  ClockReader,
  ClockStore,
  DeadlineClaims,
  DeadlineStore,
  RecomputeClocks,
  RecomputeDeadlineStore,
} from '../application/ports';
import type {
  CalendarKind,
  ClockStatus,
  DeadlineKind,
  PlannedDeadline,
  SlaClock,
} from '../domain/sla-clock';

/** The columns of `sla.clocks` as one row of SQL reads them (prefixed for joins). */
export const CLOCK_COLUMNS = [
  'clock_id',
  'complaint_id',
  'stage',
  'agency',
  'agency_level',
  'region_code',
  'category',
  'complaint_type',
  'policy_version',
  'calendar',
  'warnings',
  'started_at',
  'due_at',
  'budget_ms',
  'consumed_ms',
  'segment_started_at',
  'paused_at',
  'breached_at',
  'warned_at',
  'ended_at',
  'status',
  'extension',
  'extended_at',
] as const;

export interface ClockRow {
  clock_id: string;
  complaint_id: string;
  stage: string;
  agency: string;
  agency_level: string | null;
  region_code: string;
  category: string | null;
  complaint_type: string;
  policy_version: number;
  calendar: string;
  warnings: number[];
  started_at: Date;
  due_at: Date;
  budget_ms: string;
  consumed_ms: string;
  segment_started_at: Date | null;
  paused_at: Date | null;
  breached_at: Date | null;
  warned_at: number | null;
  ended_at: Date | null;
  status: string;
  extension: string | null;
  extended_at: Date | null;
}

export function clockColumns(alias: string): string {
  return CLOCK_COLUMNS.map((c) => `${alias}."${c}"`).join(', ');
}

export function toClock(row: ClockRow): SlaClock {
  return {
    clockId: row.clock_id,
    complaintId: row.complaint_id,
    stage: row.stage as SlaStage,
    agency: row.agency === '' ? null : row.agency,
    agencyLevel: row.agency_level as AgencyLevel | null,
    regionCode: row.region_code,
    category: row.category,
    complaintType: row.complaint_type as ComplaintType,
    policyVersion: row.policy_version,
    calendar: row.calendar as CalendarKind,
    warnings: [...row.warnings],
    startedAt: row.started_at,
    dueAt: row.due_at,
    budgetMs: Number(row.budget_ms),
    consumedMs: Number(row.consumed_ms),
    segmentStartedAt: row.segment_started_at,
    pausedAt: row.paused_at,
    breachedAt: row.breached_at,
    warnedAt: row.warned_at,
    endedAt: row.ended_at,
    status: row.status as ClockStatus,
    extension: row.extension,
    extendedAt: row.extended_at,
  };
}

const iso = (d: Date | null): string | null => (d === null ? null : d.toISOString());

/** Clocks and their deadlines in the `sla` schema, inside the caller's transaction. */
export class PostgresClockStore
  implements
    ClockStore,
    ClockReader,
    DeadlineStore,
    DeadlineClaims,
    RecomputeClocks,
    RecomputeDeadlineStore
{
  constructor(
    private readonly manager: EntityManager,
    private readonly options: { readonly lock: boolean } = { lock: true },
  ) {}

  async advanceComplaint(complaintId: string, version: number): Promise<boolean> {
    const rows: unknown[] = await this.manager.query(
      `INSERT INTO sla.complaints (complaint_id, version) VALUES ($1, $2)
       ON CONFLICT (complaint_id) DO UPDATE SET version = EXCLUDED.version
       WHERE sla.complaints.version < EXCLUDED.version
       RETURNING complaint_id`,
      [complaintId, version],
    );
    return rows.length === 1;
  }

  async lockComplaint(complaintId: string): Promise<void> {
    // DO UPDATE locks the row even when it changes nothing; a concurrent insert waits for us.
    await this.manager.query(
      `INSERT INTO sla.complaints (complaint_id, version) VALUES ($1, 1)
       ON CONFLICT (complaint_id) DO UPDATE SET version = sla.complaints.version`,
      [complaintId],
    );
  }

  async forComplaint(complaintId: string): Promise<SlaClock[]> {
    const rows: ClockRow[] = await this.manager.query(
      `SELECT ${clockColumns('c')} FROM sla.clocks c WHERE c.complaint_id = $1
       ORDER BY c.started_at, c.clock_id${this.options.lock ? ' FOR UPDATE OF c' : ''}`,
      [complaintId],
    );
    return rows.map(toClock);
  }

  async insert(clock: SlaClock): Promise<void> {
    await this.manager.query(
      `INSERT INTO sla.clocks (${CLOCK_COLUMNS.map((c) => `"${c}"`).join(', ')})
       VALUES (${CLOCK_COLUMNS.map((_, i) => `$${i + 1}`).join(', ')})`,
      [
        clock.clockId,
        clock.complaintId,
        clock.stage,
        clock.agency ?? '',
        clock.agencyLevel,
        clock.regionCode,
        clock.category,
        clock.complaintType,
        clock.policyVersion,
        clock.calendar,
        clock.warnings,
        clock.startedAt,
        clock.dueAt,
        clock.budgetMs,
        clock.consumedMs,
        clock.segmentStartedAt,
        clock.pausedAt,
        clock.breachedAt,
        clock.warnedAt,
        clock.endedAt,
        clock.status,
        clock.extension,
        clock.extendedAt,
      ],
    );
  }

  /** The mutable fields of many clocks in one statement. */
  async update(clocks: readonly SlaClock[]): Promise<void> {
    if (clocks.length === 0) return;
    await this.manager.query(
      `UPDATE sla.clocks c SET due_at = u.due_at, consumed_ms = u.consumed_ms,
         segment_started_at = u.segment_started_at, paused_at = u.paused_at,
         breached_at = u.breached_at, warned_at = u.warned_at, ended_at = u.ended_at,
         status = u.status, budget_ms = u.budget_ms, extended_at = u.extended_at
       FROM unnest($1::uuid[], $2::timestamptz[], $3::bigint[], $4::timestamptz[],
                   $5::timestamptz[], $6::timestamptz[], $7::float8[], $8::timestamptz[], $9::text[],
                   $10::bigint[], $11::timestamptz[])
         AS u(clock_id, due_at, consumed_ms, segment_started_at, paused_at, breached_at,
              warned_at, ended_at, status, budget_ms, extended_at)
       WHERE c.clock_id = u.clock_id`,
      [
        clocks.map((c) => c.clockId),
        clocks.map((c) => c.dueAt.toISOString()),
        clocks.map((c) => c.consumedMs),
        clocks.map((c) => iso(c.segmentStartedAt)),
        clocks.map((c) => iso(c.pausedAt)),
        clocks.map((c) => iso(c.breachedAt)),
        clocks.map((c) => c.warnedAt),
        clocks.map((c) => iso(c.endedAt)),
        clocks.map((c) => c.status),
        clocks.map((c) => c.budgetMs),
        clocks.map((c) => iso(c.extendedAt)),
      ],
    );
  }

  async schedule(deadlines: readonly PlannedDeadline[]): Promise<void> {
    if (deadlines.length === 0) return;
    await this.manager.query(
      `INSERT INTO sla.deadlines (clock_id, threshold, kind, fire_at)
       SELECT * FROM unnest($1::uuid[], $2::float8[], $3::text[], $4::timestamptz[])
       ON CONFLICT (clock_id, threshold) DO NOTHING`,
      [
        deadlines.map((d) => d.clockId),
        deadlines.map((d) => d.threshold),
        deadlines.map((d) => d.kind),
        deadlines.map((d) => d.fireAt.toISOString()),
      ],
    );
  }

  async cancelPending(clockId: string): Promise<void> {
    await this.manager.query(`DELETE FROM sla.deadlines WHERE clock_id = $1 AND fired_at IS NULL`, [
      clockId,
    ]);
  }

  async cancelPendingOf(clockIds: readonly string[]): Promise<void> {
    if (clockIds.length === 0) return;
    await this.manager.query(
      `DELETE FROM sla.deadlines WHERE clock_id = ANY($1::uuid[]) AND fired_at IS NULL`,
      [clockIds],
    );
  }

  async runningBusinessClocks(
    afterClockId: string | null,
    agencies: readonly string[] | null,
    limit: number,
  ): Promise<SlaClock[]> {
    const rows: ClockRow[] = await this.manager.query(
      `SELECT ${clockColumns('c')} FROM sla.clocks c
       WHERE c.status = 'running' AND c.calendar = 'business'
         AND ($1::uuid IS NULL OR c.clock_id > $1::uuid)
         AND ($2::text[] IS NULL OR c.agency = ANY($2::text[]))
       ORDER BY c.clock_id
       LIMIT $3
       FOR UPDATE OF c`,
      [afterClockId, agencies === null ? null : [...agencies], limit],
    );
    return rows.map(toClock);
  }

  async claimDue(now: Date, limit: number): Promise<ClaimedDeadline[]> {
    const rows: (ClockRow & { d_threshold: number; d_kind: string; d_fire_at: Date })[] =
      await this.manager.query(
        `SELECT d.threshold AS d_threshold, d.kind AS d_kind, d.fire_at AS d_fire_at,
                ${clockColumns('c')}
         FROM sla.deadlines d JOIN sla.clocks c ON c.clock_id = d.clock_id
         WHERE d.fired_at IS NULL AND d.fire_at <= $1
         ORDER BY d.fire_at, d.threshold
         LIMIT $2
         FOR UPDATE OF d, c SKIP LOCKED`,
        [now.toISOString(), limit],
      );
    return rows.map((row) => ({
      clock: toClock(row),
      deadline: {
        clockId: row.clock_id,
        threshold: row.d_threshold,
        kind: row.d_kind as DeadlineKind,
        fireAt: row.d_fire_at,
      },
    }));
  }

  async markFired(deadlines: readonly PlannedDeadline[], firedAt: Date): Promise<void> {
    if (deadlines.length === 0) return;
    await this.manager.query(
      `UPDATE sla.deadlines d SET fired_at = $3
       FROM unnest($1::uuid[], $2::float8[]) AS f(clock_id, threshold)
       WHERE d.clock_id = f.clock_id AND d.threshold = f.threshold AND d.fired_at IS NULL`,
      [deadlines.map((d) => d.clockId), deadlines.map((d) => d.threshold), firedAt.toISOString()],
    );
  }
}
