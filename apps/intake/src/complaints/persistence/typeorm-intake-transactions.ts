import type { EventType, NewEvent } from '@salur/contracts';
import type { TransactionScope, UnitOfWork } from '@salur/messaging';
import type { EntityManager } from 'typeorm';
import type {
  ComplaintStatusReader,
  ComplaintStatusView,
  IdempotencyRecord,
  IdempotentResponse,
  IntakeTransaction,
  IntakeTransactions,
} from '../application/ports';
import type {
  StatusProjectionStore,
  StatusUpdate,
} from '../application/project-status/project-status.use-case';
import type { Submission } from '../domain/submission';
import { IdempotencyKeyEntity } from './idempotency-key.entity';
import { SubmissionEntity } from './submission.entity';

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
      privacy: s.privacy,
      language: s.language,
      reporter: s.privacy === 'anonymous' || !s.reporter ? null : { ...s.reporter },
      status: s.status,
      currentAgency: null,
      stateVersion: 0,
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
    };
  }
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
        stateVersion: update.version,
        updatedAt: update.updatedAt,
      })
      .where('complaint_id = :id AND state_version < :version', {
        id: update.complaintId,
        version: update.version,
      })
      .execute();
  }
}
