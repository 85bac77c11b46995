import type { EventType, NewEvent } from '@salur/contracts';
import type { OutboxWriter, TransactionScope, UnitOfWork } from '@salur/messaging';
import type { PoolClient } from 'pg';
import { QueryFailedError, type DataSource, type EntityManager } from 'typeorm';
import type { ComplaintStatus, SlaStage } from '@salur/contracts';
import type {
  ComplaintForAction,
  ComplaintStatusReader,
  ComplaintStatusView,
  IdempotencyClaim,
  IdempotencyRecord,
  IntakeTransaction,
  IntakeTransactions,
  ReporterActionTransaction,
  ReporterActionTransactions,
  SubmissionWrite,
} from '../application/ports';
import type {
  SlaClockUpdate,
  StatusProjectionStore,
  StatusUpdate,
} from '../application/project-status/project-status.use-case';
import type { SlaClockState, SlaClockView } from '../domain/sla-due';
import type { Submission } from '../domain/submission';
import type { TimelineEntry } from '../domain/timeline';
import { IdempotencyKeyEntity } from './idempotency-key.entity';
import { SlaClockEntity } from './sla-clock.entity';
import { SubmissionEntity } from './submission.entity';
import { TimelineEntryEntity } from './timeline-entry.entity';

/** The claim of a key: a live key is left alone; an expired one is taken over as if never used. */
const CLAIM_KEY = `INSERT INTO intake.idempotency_keys (key, fingerprint, expires_at, response)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (key) DO UPDATE
         SET fingerprint = EXCLUDED.fingerprint, response = EXCLUDED.response, created_at = now(),
             expires_at = EXCLUDED.expires_at
         WHERE intake.idempotency_keys.expires_at < now()
       RETURNING key`;

function claimParams(claim: IdempotencyClaim): unknown[] {
  return [claim.key, claim.fingerprint, claim.expiresAt, JSON.stringify(claim.response)];
}

/** The submission's columns given as parameters (in `submissionParams`' order), with their types. */
const SUBMISSION_COLUMNS = [
  ['complaint_id', 'uuid'],
  ['tracking_id', 'text'],
  ['tracking_token_hash', 'text'],
  ['type', 'text'],
  ['channel', 'text'],
  ['title', 'text'],
  ['body', 'text'],
  ['category', 'text'],
  ['region_code', 'text'],
  ['address', 'text'],
  ['lat', 'double precision'],
  ['lon', 'double precision'],
  ['occurred_at', 'text'],
  ['target_agency', 'text'],
  ['attachments', 'jsonb'],
  ['privacy', 'text'],
  ['language', 'text'],
  ['reporter', 'jsonb'],
  ['status', 'text'],
  ['submitted_at', 'timestamptz'],
] as const;

/**
 * `INSERT … SELECT` of a new submission, its parameters from `$first` on, each cast (in a
 * `SELECT` list nothing infers their types); the rest of the row starts empty.
 */
function submissionSelect(first: number): string {
  const columns = SUBMISSION_COLUMNS.map(([column]) => column);
  const values = SUBMISSION_COLUMNS.map(([, type], i) => `$${first + i}::${type}`);
  const submittedAt = values[values.length - 1];
  return `INSERT INTO intake.submissions (${columns.join(', ')}, updated_at, current_agency,
       state_version, decision_pending_at, responded_at, closed_at)
     SELECT ${values.join(', ')}, ${submittedAt}, NULL, 0, NULL, NULL, NULL`;
}

function submissionParams(s: Submission): unknown[] {
  const reporter = s.reporter && Object.keys(s.reporter).length > 0 ? { ...s.reporter } : null;
  return [
    s.complaintId,
    s.trackingId,
    s.trackingTokenHash,
    s.type,
    s.channel,
    s.title,
    s.body,
    s.category ?? null,
    s.regionCode,
    s.address ?? null,
    s.lat ?? null,
    s.lon ?? null,
    s.occurredAt ?? null,
    s.targetAgency ?? null,
    JSON.stringify((s.attachments ?? []).map((a) => ({ ...a }))),
    s.privacy,
    s.language,
    reporter === null ? null : JSON.stringify(reporter),
    s.status,
    s.submittedAt,
  ];
}

/** Statement names by text: a name always stands for the same text on every connection. */
const statementNames = new Map<string, string>();

/**
 * Runs `text` as a named prepared statement, as `DataSource.query` runs a statement otherwise
 * (a connection of the pool for the one statement; a failure wrapped in `QueryFailedError`).
 * Postgres parses and plans the submission's statement once per connection instead of on every
 * request, which was about half of what the statement cost it.
 */
async function queryPrepared<T>(
  dataSource: DataSource,
  text: string,
  params: unknown[],
): Promise<T[]> {
  let name = statementNames.get(text);
  if (name === undefined) {
    name = `salur_intake_${statementNames.size + 1}`;
    statementNames.set(text, name);
  }
  const runner = dataSource.createQueryRunner();
  try {
    const client = (await runner.connect()) as PoolClient;
    try {
      const result = await client.query<T & object>({ name, text, values: params });
      return result.rows;
    } catch (error) {
      throw new QueryFailedError(text, params, error as Error);
    }
  } finally {
    await runner.release();
  }
}

async function findIdempotencyRecord(
  manager: EntityManager,
  key: string,
): Promise<IdempotencyRecord | null> {
  const row = await manager.findOneBy(IdempotencyKeyEntity, { key });
  return row ? { fingerprint: row.fingerprint, response: row.response } : null;
}

class PostgresIntakeTransaction implements IntakeTransaction {
  constructor(private readonly manager: EntityManager) {}

  async claimIdempotencyKey(claim: IdempotencyClaim): Promise<boolean> {
    const rows: unknown[] = await this.manager.query(CLAIM_KEY, claimParams(claim));
    return rows.length === 1;
  }

  findIdempotencyRecord(key: string): Promise<IdempotencyRecord | null> {
    return findIdempotencyRecord(this.manager, key);
  }
}

export class PostgresIntakeTransactions implements IntakeTransactions {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
  ) {}

  run<T>(work: (tx: IntakeTransaction) => Promise<T>): Promise<T> {
    return this.dataSource.transaction((manager) => work(new PostgresIntakeTransaction(manager)));
  }

  async submit(write: SubmissionWrite): Promise<boolean> {
    // One statement is one transaction: the key, the submission and its outbox row commit
    // together or not at all, in one round trip instead of a transaction of five. Each part
    // runs only if the one before it wrote its row; a held key writes nothing.
    const manager = this.dataSource.manager;
    const { result } = await this.outbox.appendAlong(manager, [write.event], async (outbox) => {
      const claim = write.idempotency;
      const params: unknown[] = claim ? claimParams(claim) : [];
      const submission = submissionSelect(params.length + 1);
      params.push(...submissionParams(write.submission));
      const event = outbox.sql(params.length + 1, 'EXISTS (SELECT 1 FROM submitted)');
      params.push(...outbox.params);
      const rows = await queryPrepared<{ submitted: number }>(
        this.dataSource,
        `WITH ${claim ? `claimed AS (${CLAIM_KEY}), ` : ''}
           submitted AS (${submission}${claim ? ' WHERE EXISTS (SELECT 1 FROM claimed)' : ''}
             RETURNING complaint_id),
           published AS (${event})
         SELECT count(*)::int AS submitted FROM submitted`,
        params,
      );
      return rows[0]?.submitted === 1;
    });
    return result;
  }

  findIdempotencyRecord(key: string): Promise<IdempotencyRecord | null> {
    return findIdempotencyRecord(this.dataSource.manager, key);
  }
}

export class PostgresComplaintStatusReader implements ComplaintStatusReader {
  constructor(private readonly manager: EntityManager) {}

  async byTrackingId(trackingId: string): Promise<ComplaintStatusView | null> {
    const row = await this.manager.findOneBy(SubmissionEntity, { trackingId });
    if (!row) return null;
    return {
      trackingId: row.trackingId,
      complaintId: row.complaintId,
      type: row.type as ComplaintStatusView['type'],
      privacy: row.privacy as ComplaintStatusView['privacy'],
      title: row.title,
      body: row.body,
      trackingTokenHash: row.trackingTokenHash,
      regionCode: row.regionCode,
      category: row.category,
      status: row.status,
      agency: row.currentAgency,
      submittedAt: row.submittedAt,
      updatedAt: row.updatedAt,
      respondedAt: row.respondedAt,
      closedAt: row.closedAt,
    };
  }

  async timelineOf(complaintId: string): Promise<TimelineEntry[]> {
    const rows = await this.manager.find(TimelineEntryEntity, {
      where: { complaintId },
      order: { at: 'ASC', entryId: 'ASC' },
    });
    return rows.map((r) => ({
      entryId: r.entryId,
      complaintId: r.complaintId,
      kind: r.kind,
      at: r.at,
      status: r.status,
      agency: r.agency,
      detail: r.detail,
    }));
  }

  async slaClocksOf(complaintId: string): Promise<SlaClockView[]> {
    const rows = await this.manager.findBy(SlaClockEntity, { complaintId });
    return rows.map((r) => ({
      clockId: r.clockId,
      stage: r.stage as SlaStage,
      agency: r.agency,
      dueAt: r.dueAt,
      state: r.state as SlaClockState,
    }));
  }
}

class PostgresReporterActionTransaction implements ReporterActionTransaction {
  constructor(private readonly scope: TransactionScope) {}

  async lockByTrackingId(trackingId: string): Promise<ComplaintForAction | null> {
    const row = await this.scope.manager.findOne(SubmissionEntity, {
      where: { trackingId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!row) return null;
    return {
      complaintId: row.complaintId,
      trackingTokenHash: row.trackingTokenHash,
      regionCode: row.regionCode,
      agency: row.currentAgency,
      status: row.status as ComplaintStatus,
      respondedAt: row.respondedAt,
      closedAt: row.closedAt,
      stateVersion: row.stateVersion,
      decisionPendingAt: row.decisionPendingAt,
    };
  }

  async markDecisionPending(complaintId: string, stateVersion: number): Promise<void> {
    await this.scope.manager.update(
      SubmissionEntity,
      { complaintId },
      { decisionPendingAt: stateVersion },
    );
  }

  async addTimelineEntry(entry: TimelineEntry): Promise<void> {
    await insertTimelineEntry(this.scope.manager, entry);
  }

  async publish(event: NewEvent<unknown, EventType>): Promise<void> {
    await this.scope.publish(event);
  }
}

export class PostgresReporterActionTransactions implements ReporterActionTransactions {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  run<T>(work: (tx: ReporterActionTransaction) => Promise<T>): Promise<T> {
    return this.unitOfWork.run((scope) => work(new PostgresReporterActionTransaction(scope)));
  }
}

async function insertTimelineEntry(manager: EntityManager, entry: TimelineEntry): Promise<void> {
  await manager.query(
    `INSERT INTO intake.timeline_entries (entry_id, complaint_id, kind, at, status, agency, detail)
     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (entry_id) DO NOTHING`,
    [
      entry.entryId,
      entry.complaintId,
      entry.kind,
      entry.at,
      entry.status,
      entry.agency,
      JSON.stringify(entry.detail),
    ],
  );
}

export class PostgresStatusProjectionStore implements StatusProjectionStore {
  constructor(private readonly manager: EntityManager) {}

  async applyIfNewer(update: StatusUpdate): Promise<void> {
    await this.manager
      .createQueryBuilder()
      .update(SubmissionEntity)
      .set({
        status: update.status,
        currentAgency: update.agency,
        category: update.category,
        stateVersion: update.version,
        updatedAt: update.updatedAt,
        respondedAt: update.respondedAt,
        closedAt: update.closedAt,
      })
      .where('complaint_id = :id AND state_version < :version', {
        id: update.complaintId,
        version: update.version,
      })
      .execute();
  }

  async addTimelineEntry(entry: TimelineEntry): Promise<void> {
    await insertTimelineEntry(this.manager, entry);
  }

  async upsertSlaClock(update: SlaClockUpdate): Promise<void> {
    // A state-less event (a warning) moves nothing but the deadline; a new clock starts running.
    await this.manager.query(
      `INSERT INTO intake.sla_clocks (clock_id, complaint_id, stage, agency, due_at, state, event_time)
       VALUES ($1, $2, $3, $4, $5, COALESCE($6, 'running'), $7)
       ON CONFLICT (clock_id) DO UPDATE
         SET due_at = EXCLUDED.due_at, agency = EXCLUDED.agency,
             state = COALESCE($6, intake.sla_clocks.state), event_time = EXCLUDED.event_time
         WHERE intake.sla_clocks.event_time <= EXCLUDED.event_time`,
      [
        update.clockId,
        update.complaintId,
        update.stage,
        update.agency,
        update.dueAt,
        update.state,
        update.eventTime,
      ],
    );
  }
}
