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

export interface SchedulerTransaction {
  readonly claims: DeadlineClaims;
  readonly clocks: ClockStore;
  readonly publish: Publish;
}
