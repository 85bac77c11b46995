import type { EventType, NewEvent } from '@salur/contracts';
import type { TransactionScope, UnitOfWork } from '@salur/messaging';
import type { EntityManager } from 'typeorm';
import type { ComplaintStatus, SlaStage } from '@salur/contracts';
import type {
  ComplaintForAction,
  ComplaintStatusReader,
  ComplaintStatusView,
  IdempotencyRecord,
  IdempotentResponse,
  IntakeTransaction,
  IntakeTransactions,
  ReporterActionTransaction,
  ReporterActionTransactions,
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

class PostgresIntakeTransaction implements IntakeTransaction {
  constructor(private readonly scope: TransactionScope) {}

  private get manager(): EntityManager {
    return this.scope.manager;
  }

  async claimIdempotencyKey(key: string, fingerprint: string, expiresAt: Date): Promise<boolean> {
    // A live key is left alone; an expired one is taken over as if it had never been used.
    const rows: unknown[] = await this.manager.query(
      `INSERT INTO intake.idempotency_keys (key, fingerprint, expires_at) VALUES ($1, $2, $3)
       ON CONFLICT (key) DO UPDATE
         SET fingerprint = EXCLUDED.fingerprint, response = NULL, created_at = now(),
             expires_at = EXCLUDED.expires_at
         WHERE intake.idempotency_keys.expires_at < now()
       RETURNING key`,
      [key, fingerprint, expiresAt],
    );
    return rows.length === 1;
  }

  async findIdempotencyRecord(key: string): Promise<IdempotencyRecord | null> {
    const row = await this.manager.findOneBy(IdempotencyKeyEntity, { key });
    return row ? { fingerprint: row.fingerprint, response: row.response } : null;
  }

  async completeIdempotencyKey(key: string, response: IdempotentResponse): Promise<void> {
    await this.manager.update(IdempotencyKeyEntity, { key }, { response });
  }

  async insertSubmission(s: Submission): Promise<void> {
    await this.manager.insert(SubmissionEntity, {
      complaintId: s.complaintId,
      trackingId: s.trackingId,
      trackingTokenHash: s.trackingTokenHash,
      type: s.type,
      channel: s.channel,
      title: s.title,
      body: s.body,
      category: s.category ?? null,
      regionCode: s.regionCode,
      address: s.address ?? null,
      lat: s.lat ?? null,
      lon: s.lon ?? null,
      occurredAt: s.occurredAt ?? null,
      targetAgency: s.targetAgency ?? null,
      attachments: (s.attachments ?? []).map((a) => ({ ...a })),
      privacy: s.privacy,
      language: s.language,
      reporter: s.reporter && Object.keys(s.reporter).length > 0 ? { ...s.reporter } : null,
      status: s.status,
      currentAgency: null,
      stateVersion: 0,
      decisionPendingAt: null,
      respondedAt: null,
      closedAt: null,
      submittedAt: s.submittedAt,
      updatedAt: s.submittedAt,
    });
  }

  async publish(event: NewEvent<unknown, EventType>): Promise<void> {
    await this.scope.publish(event);
  }
}

export class PostgresIntakeTransactions implements IntakeTransactions {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  run<T>(work: (tx: IntakeTransaction) => Promise<T>): Promise<T> {
    return this.unitOfWork.run((scope) => work(new PostgresIntakeTransaction(scope)));
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
