import type { AgencyLevel, ComplaintType, SlaStage } from '@salur/contracts';

/**
 * `running`: counting. `paused`: waiting for the reporter (follow-up only). `breached`: the
 * deadline passed and the stage has not ended; it still ends (met, late) or is stopped. `due`: an
 * auto-close clock whose period ran out (routing closes the complaint). `met`: the stage's end
 * event happened. `stopped`: the clock ended for another reason (forwarded, escalated, closed).
 */
export type ClockStatus = 'running' | 'paused' | 'breached' | 'due' | 'met' | 'stopped';

/** Statuses of a clock that can still change; at most one such clock per complaint and stage. */
export const ACTIVE_CLOCK_STATUSES: readonly ClockStatus[] = ['running', 'paused', 'breached'];

export type CalendarKind = 'business' | '24x7';

/** How long a stage may take (ISO 8601) and in which calendar it is counted. */
export interface StagePolicy {
  readonly stage: SlaStage;
  readonly duration: string;
  readonly calendar: CalendarKind;
  readonly version: number;
  /** Fractions of the allowed time at which a warning fires, ascending, each in (0, 1). */
  readonly warnings: readonly number[];
  /**
   * What one extension adds (ISO 8601, counted in the policy's calendar): a follow-up clock of an
   * information request may be extended once. Null: the stage cannot be extended.
   */
  readonly extension: string | null;
}

/**
 * The business-time arithmetic a clock needs, in the clock's own calendar (the agency's zone,
 * working week and holidays, or 24×7). `BusinessCalendar` of `@salur/calendar` is one.
 */
export interface ClockCalendar {
  addDuration(instant: Date, duration: string): Date;
  addWorkingTime(instant: Date, durationMs: number): Date;
  workingTimeBetween(a: Date, b: Date): number;
}

/** A deadline being watched: one per complaint, stage and (for follow-up) agency assignment. */
export interface SlaClock {
  readonly clockId: string;
  readonly complaintId: string;
  readonly stage: SlaStage;
  readonly agency: string | null;
  readonly agencyLevel: AgencyLevel | null;
  readonly regionCode: string;
  readonly category: string | null;
  readonly complaintType: ComplaintType;
  readonly policyVersion: number;
  readonly calendar: CalendarKind;
  readonly warnings: readonly number[];
  readonly startedAt: Date;
  readonly dueAt: Date;
  /** Working time the stage allows, in ms of the clock's calendar. */
  readonly budgetMs: number;
  /** Working time used before the current running segment (pauses excluded). */
  readonly consumedMs: number;
  /** Start of the current running segment; null while paused or ended. */
  readonly segmentStartedAt: Date | null;
  readonly pausedAt: Date | null;
  readonly breachedAt: Date | null;
  /** Highest warning fraction fired so far. */
  readonly warnedAt: number | null;
  readonly endedAt: Date | null;
  readonly status: ClockStatus;
  /** What an extension adds, from the policy the clock started with; null: none allowed. */
  readonly extension: string | null;
  /** When the clock was extended; a clock is extended at most once. */
  readonly extendedAt: Date | null;
}

/** What the scheduler fires at a threshold: a warning, the breach, or auto-close due. */
export type DeadlineKind = 'warning' | 'breach' | 'auto_close_due';

/** One future firing of a clock; `(clockId, threshold)` is its idempotency key. */
export interface PlannedDeadline {
  readonly clockId: string;
  /** Fraction of the allowed time: a warning fraction, or 1 for the deadline itself. */
  readonly threshold: number;
  readonly kind: DeadlineKind;
  readonly fireAt: Date;
}

export class ClockTransitionRefused extends Error {
  override readonly name = 'ClockTransitionRefused';
}

export function isActive(clock: SlaClock): boolean {
  return ACTIVE_CLOCK_STATUSES.includes(clock.status);
}

/** Checks a policy's warning fractions: ascending, each strictly between 0 and 1. */
export function validWarnings(warnings: readonly number[]): boolean {
  return warnings.every(
    (w, i) => Number.isFinite(w) && w > 0 && w < 1 && (i === 0 || w > warnings[i - 1]),
  );
}

export interface StartClockInput {
  readonly clockId: string;
  readonly complaintId: string;
  readonly stage: SlaStage;
  readonly agency: string | null;
  readonly agencyLevel: AgencyLevel | null;
  readonly regionCode: string;
  readonly category: string | null;
  readonly complaintType: ComplaintType;
  readonly startedAt: Date;
}

/** A new running clock under `policy`, with its deadline in `calendar`. */
export function startClock(
  input: StartClockInput,
  policy: StagePolicy,
  calendar: ClockCalendar,
): SlaClock {
  const dueAt = calendar.addDuration(input.startedAt, policy.duration);
  return {
    ...input,
    policyVersion: policy.version,
    calendar: policy.calendar,
    warnings: policy.stage === 'auto_close' ? [] : [...policy.warnings],
    dueAt,
    budgetMs: Math.max(0, calendar.workingTimeBetween(input.startedAt, dueAt)),
    consumedMs: 0,
    segmentStartedAt: input.startedAt,
    pausedAt: null,
    breachedAt: null,
    warnedAt: null,
    endedAt: null,
    status: 'running',
    extension: policy.extension,
    extendedAt: null,
  };
}

/**
 * The deadlines still to fire for a running clock: each warning fraction and the deadline, at the
 * instant that fraction of the allowed working time is used. `firedThresholds` are skipped.
 */
export function plannedDeadlines(
  clock: SlaClock,
  calendar: ClockCalendar,
  firedThresholds: readonly number[] = [],
): PlannedDeadline[] {
  if (clock.status !== 'running' || clock.segmentStartedAt === null) return [];
  const segmentStart = clock.segmentStartedAt;
  const planned: PlannedDeadline[] = [];
  for (const threshold of clock.warnings) {
    if (firedThresholds.includes(threshold)) continue;
    const left = Math.round(threshold * clock.budgetMs) - clock.consumedMs;
    const fireAt = left > 0 ? calendar.addWorkingTime(segmentStart, left) : segmentStart;
    planned.push({ clockId: clock.clockId, threshold, kind: 'warning', fireAt });
  }
  if (!firedThresholds.includes(1)) {
    planned.push({
      clockId: clock.clockId,
      threshold: 1,
      kind: clock.stage === 'auto_close' ? 'auto_close_due' : 'breach',
      fireAt: clock.dueAt,
    });
  }
  return planned;
}

/** Waiting for the reporter: the working time used so far is kept, the deadline no longer runs. */
export function pauseClock(clock: SlaClock, at: Date, calendar: ClockCalendar): SlaClock {
  if (clock.status !== 'running' || clock.segmentStartedAt === null) {
    throw new ClockTransitionRefused(`a ${clock.status} clock cannot be paused`);
  }
  const used = Math.max(0, calendar.workingTimeBetween(clock.segmentStartedAt, at));
  return {
    ...clock,
    consumedMs: Math.min(clock.budgetMs, clock.consumedMs + used),
    segmentStartedAt: null,
    pausedAt: at,
    status: 'paused',
  };
}

/** The reporter answered: the remaining working time runs from `at`; the deadline moves. */
export function resumeClock(clock: SlaClock, at: Date, calendar: ClockCalendar): SlaClock {
  if (clock.status !== 'paused') {
    throw new ClockTransitionRefused(`a ${clock.status} clock cannot be resumed`);
  }
  const start = clock.pausedAt !== null && at < clock.pausedAt ? clock.pausedAt : at;
  return {
    ...clock,
    dueAt: calendar.addWorkingTime(start, Math.max(0, clock.budgetMs - clock.consumedMs)),
    segmentStartedAt: start,
    pausedAt: null,
    status: 'running',
  };
}

/**
 * The agency was granted more time, once: the deadline moves by the clock's `extension` (counted
 * in its calendar from the current deadline, so "+7 working days" lands on the seventh working
 * day after it) and the budget grows by the working time added, so the warning fractions move
 * too. Only a running clock can be extended; a paused, breached or ended one, one extended
 * before, or one whose policy allows no extension is refused.
 */
export function extendClock(clock: SlaClock, at: Date, calendar: ClockCalendar): SlaClock {
  if (clock.status !== 'running') {
    throw new ClockTransitionRefused(`a ${clock.status} clock cannot be extended`);
  }
  if (clock.extendedAt !== null) {
    throw new ClockTransitionRefused('the clock was extended already');
  }
  if (clock.extension === null) {
    throw new ClockTransitionRefused(`the ${clock.stage} policy allows no extension`);
  }
  const dueAt = calendar.addDuration(clock.dueAt, clock.extension);
  const added = Math.max(0, calendar.workingTimeBetween(clock.dueAt, dueAt));
  return { ...clock, dueAt, budgetMs: clock.budgetMs + added, extendedAt: at };
}

/**
 * The running clock's deadline planned again in its (edited) calendar: the working time left is
 * counted from the start of the current segment, so a holiday added inside the remaining period
 * pushes the deadline past it and a removed one brings it forward. The budget stays.
 */
export function replanClock(clock: SlaClock, calendar: ClockCalendar): SlaClock {
  if (clock.status !== 'running' || clock.segmentStartedAt === null) return clock;
  const dueAt = calendar.addWorkingTime(
    clock.segmentStartedAt,
    Math.max(0, clock.budgetMs - clock.consumedMs),
  );
  return { ...clock, dueAt };
}

/**
 * The stage ended: `met` when its end event happened, `stopped` when it ended for another reason.
 * `withinSla` is false once breached or when it ends after the deadline.
 */
export function endClock(
  clock: SlaClock,
  at: Date,
  outcome: 'met' | 'stopped',
): { clock: SlaClock; withinSla: boolean } {
  if (!isActive(clock)) {
    throw new ClockTransitionRefused(`a ${clock.status} clock has already ended`);
  }
  const withinSla = clock.breachedAt === null && at.getTime() <= clock.dueAt.getTime();
  return {
    clock: { ...clock, segmentStartedAt: null, endedAt: at, status: outcome },
    withinSla,
  };
}

/** What firing a deadline does to its clock, and whether it still should fire at all. */
export function fireDeadline(
  clock: SlaClock,
  deadline: { readonly threshold: number; readonly kind: DeadlineKind },
): SlaClock | null {
  if (clock.status !== 'running') return null;
  switch (deadline.kind) {
    case 'warning':
      return { ...clock, warnedAt: Math.max(clock.warnedAt ?? 0, deadline.threshold) };
    case 'breach':
      return { ...clock, status: 'breached', breachedAt: clock.dueAt };
    case 'auto_close_due':
      return { ...clock, status: 'due', segmentStartedAt: null, endedAt: clock.dueAt };
  }
}

/** Working time left until the deadline at `at` (0 once passed); for warnings and the board. */
export function remainingMs(clock: SlaClock, at: Date, calendar: ClockCalendar): number {
  if (clock.status === 'paused') return Math.max(0, clock.budgetMs - clock.consumedMs);
  return Math.max(0, calendar.workingTimeBetween(at, clock.dueAt));
}

/** Milliseconds as an ISO 8601 time duration, e.g. `PT7H12M`; `PT0S` for zero. */
export function msToIsoDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const parts = `${hours ? `${hours}H` : ''}${minutes ? `${minutes}M` : ''}${seconds ? `${seconds}S` : ''}`;
  return `PT${parts || '0S'}`;
}
