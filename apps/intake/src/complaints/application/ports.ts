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

/** The claim of an Idempotency-Key, with the answer a retry under it will get. */
export interface IdempotencyClaim {
  readonly key: string;
  readonly fingerprint: string;
  readonly expiresAt: Date;
  readonly response: IdempotentResponse;
}

/** A new submission, its `submitted` event and (if the client sent one) its key's claim. */
export interface SubmissionWrite {
  readonly submission: Submission;
  readonly event: NewEvent<unknown, EventType>;
  readonly idempotency?: IdempotencyClaim;
}

/** What a submission's transaction can do; implemented over Postgres. */
export interface IntakeTransaction {
  /**
   * Claims the key (or an expired one) with its answer; false when a live record already holds
   * it. The answer commits, or rolls back, with the transaction.
   */
  claimIdempotencyKey(claim: IdempotencyClaim): Promise<boolean>;
  findIdempotencyRecord(key: string): Promise<IdempotencyRecord | null>;
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
  /**
   * Claims the key (if any), inserts the submission and appends its event to the outbox, all or
   * nothing, in one statement (one round trip, its own transaction); false, with nothing
   * written, when a live record already holds the key.
   */
  submit(write: SubmissionWrite): Promise<boolean>;
  /** The record that holds a key, e.g. after `submit` found it held. */
  findIdempotencyRecord(key: string): Promise<IdempotencyRecord | null>;
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
  /** Gives back an allowance `take` granted at `nowMs` (if its window is still open). */
  refund(key: string, nowMs: number): void;
}

export interface Clock {
  now(): Date;
}
