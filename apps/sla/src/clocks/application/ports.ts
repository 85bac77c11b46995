import type { EventType, NewEvent } from '@salur/contracts';
import type {
  CalendarKind,
  ClockCalendar,
  PlannedDeadline,
  SlaClock,
  StagePolicy,
} from '../domain/sla-clock';
import type { PolicyScope } from '../domain/sla-policy';

export interface ClockStore {
  /**
   * Records that the complaint's snapshot `version` is being applied and locks the complaint
   * against concurrent handlers; false when a snapshot as new or newer was applied before.
   */
  advanceComplaint(complaintId: string, version: number): Promise<boolean>;
  /**
   * Locks the complaint against concurrent handlers without advancing its version (recording
   * version 1, the submission, for a complaint not seen before).
   */
  lockComplaint(complaintId: string): Promise<void>;
  /** Every clock of the complaint, oldest first, locked for update. */
  forComplaint(complaintId: string): Promise<SlaClock[]>;
  insert(clock: SlaClock): Promise<void>;
  update(clocks: readonly SlaClock[]): Promise<void>;
}

export interface DeadlineStore {
  /** Schedules deadlines; one already scheduled or fired for the same clock and threshold stays. */
  schedule(deadlines: readonly PlannedDeadline[]): Promise<void>;
  /** Drops the clock's deadlines that have not fired. */
  cancelPending(clockId: string): Promise<void>;
}

/** A due deadline claimed by one scheduler, with its clock, both locked until commit. */
export interface ClaimedDeadline {
  readonly deadline: PlannedDeadline;
  readonly clock: SlaClock;
}

export interface DeadlineClaims {
  /**
   * Up to `limit` deadlines due at `now`, earliest first, that no other scheduler holds; the rows
   * stay locked until the transaction ends (`FOR UPDATE SKIP LOCKED`).
   */
  claimDue(now: Date, limit: number): Promise<ClaimedDeadline[]>;
  markFired(deadlines: readonly PlannedDeadline[], firedAt: Date): Promise<void>;
}

export interface PolicySource {
  resolve(scope: PolicyScope): Promise<StagePolicy>;
}

/** Calendars by agency: its zone, working week, national and regional holidays; or 24×7. */
export interface CalendarProvider {
  forAgency(agency: string | null, kind: CalendarKind): ClockCalendar;
}

export interface ClockReader {
  forComplaint(complaintId: string): Promise<SlaClock[]>;
}

export type Publish = (...events: NewEvent<unknown, EventType>[]) => Promise<unknown>;

export interface SlaTransaction {
  readonly clocks: ClockStore;
  readonly deadlines: DeadlineStore;
  readonly policies: PolicySource;
  readonly publish: Publish;
}

/** A background recomputation of open deadlines after a calendar edit (`sla.recompute_jobs`). */
export interface RecomputeJob {
  readonly jobId: string;
  /** What was edited, for the audit trail (`holiday.added 2026-11-04 64.71`, say). */
  readonly reason: string;
  /** The agencies whose calendars changed; null: every calendar (a national holiday). */
  readonly agencies: readonly string[] | null;
  /** The last clock recomputed; the next batch starts after it. */
  readonly afterClockId: string | null;
  readonly recomputed: number;
}

export interface RecomputeJobs {
  /** The oldest unfinished job no other replica holds, locked until the transaction ends. */
  claimNext(): Promise<RecomputeJob | null>;
  /** Records the progress of a batch (same transaction as the batch). */
  advance(jobId: string, afterClockId: string, recomputed: number): Promise<void>;
  /** Marks the job done and writes its audit entry. */
  finish(job: RecomputeJob, recomputed: number): Promise<void>;
}

export interface RecomputeClocks {
  /**
   * Up to `limit` running clocks in a business calendar, after `afterClockId` in id order, of the
   * given agencies (null: all, the national calendar's included), locked for update.
   */
  runningBusinessClocks(
    afterClockId: string | null,
    agencies: readonly string[] | null,
    limit: number,
  ): Promise<SlaClock[]>;
  update(clocks: readonly SlaClock[]): Promise<void>;
}

export interface RecomputeDeadlineStore extends DeadlineStore {
  /** Drops the not-yet-fired deadlines of many clocks. */
  cancelPendingOf(clockIds: readonly string[]): Promise<void>;
}

export interface RecomputeTransaction {
  readonly jobs: RecomputeJobs;
  readonly clocks: RecomputeClocks;
  readonly deadlines: RecomputeDeadlineStore;
}

export interface SchedulerTransaction {
  readonly claims: DeadlineClaims;
  readonly clocks: ClockStore;
  readonly publish: Publish;
}
