import type { EventType, NewEvent } from '@salur/contracts';
import type { ComplaintStanding } from '../domain/reporter-actions';
import type { SlaClockView } from '../domain/sla-due';
import type { Submission } from '../domain/submission';
import type { TimelineEntry } from '../domain/timeline';

/** The first answer to an idempotent request, kept so a retry gets it again. */
export interface IdempotentResponse {
  readonly complaintId: string;
  readonly trackingId: string;
  /** Sealed (encrypted): the raw token exists nowhere else at rest. */
  readonly sealedTrackingToken: string;
  readonly status: string;
  readonly submittedAt: string;
}

export interface IdempotencyRecord {
  readonly fingerprint: string;
  readonly response: IdempotentResponse | null;
}

export interface ComplaintStatusView {
  readonly trackingId: string;
  readonly complaintId: string;
  readonly type: Submission['type'];
  readonly privacy: Submission['privacy'];
  readonly title: string;
  readonly body: string;
  readonly trackingTokenHash: string;
  readonly regionCode: string;
  readonly category: string | null;
  readonly status: string;
  readonly agency: string | null;
  readonly submittedAt: Date;
  readonly updatedAt: Date;
  readonly respondedAt: Date | null;
  readonly closedAt: Date | null;
}

/** What a submission's transaction can do; implemented over Postgres. */
export interface IntakeTransaction {
  /** Claims the key (or an expired one); false when a live record already holds it. */
  claimIdempotencyKey(key: string, fingerprint: string, expiresAt: Date): Promise<boolean>;
  findIdempotencyRecord(key: string): Promise<IdempotencyRecord | null>;
  completeIdempotencyKey(key: string, response: IdempotentResponse): Promise<void>;
  insertSubmission(submission: Submission): Promise<void>;
  publish(event: NewEvent<unknown, EventType>): Promise<void>;
}

/** A complaint as the reporter's action needs it, locked for the transaction. */
export interface ComplaintForAction extends ComplaintStanding {
  readonly complaintId: string;
  readonly trackingTokenHash: string;
  readonly regionCode: string;
  readonly agency: string | null;
}

/** What a reporter action's transaction can do. */
export interface ReporterActionTransaction {
  /** The complaint, locked against concurrent actions until the transaction ends. */
  lockByTrackingId(trackingId: string): Promise<ComplaintForAction | null>;
  markDecisionPending(complaintId: string, stateVersion: number): Promise<void>;
  addTimelineEntry(entry: TimelineEntry): Promise<void>;
  publish(event: NewEvent<unknown, EventType>): Promise<void>;
}

export interface ReporterActionTransactions {
  run<T>(work: (tx: ReporterActionTransaction) => Promise<T>): Promise<T>;
}

export interface IntakeTransactions {
  run<T>(work: (tx: IntakeTransaction) => Promise<T>): Promise<T>;
}

export interface ComplaintStatusReader {
  byTrackingId(trackingId: string): Promise<ComplaintStatusView | null>;
  /** Oldest first. */
  timelineOf(complaintId: string): Promise<TimelineEntry[]>;
  slaClocksOf(complaintId: string): Promise<SlaClockView[]>;
}

/** Seals a secret for storage and opens it again (authenticated encryption). */
export interface SecretBox {
  seal(plain: string): string;
  open(sealed: string): string;
}

/** Counts requests per key (a client address, a reporter's phone or email). */
export interface RateLimit {
  take(
    key: string,
    nowMs: number,
  ): { allowed: true } | { allowed: false; retryAfterSeconds: number };
}

export interface Clock {
  now(): Date;
}
