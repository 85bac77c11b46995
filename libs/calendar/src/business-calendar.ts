import { CalendarRangeExceeded, InvalidDuration, InvalidInstant } from './calendar-errors';
import { isoDurationTimeMs, parseIsoDuration, type IsoDuration } from './iso-duration';
import {
  civilDateOf,
  DAY_MS,
  dayNumberOf,
  daysInMonth,
  formatLocalDate,
  isoWeekdayOf,
  MAX_DAY,
  MIN_DAY,
  parseLocalDate,
  type LocalDate,
} from './local-date';
import { TimeZoneRules } from './time-zone';
import { compileWorkingWeek, DEFAULT_WORKING_WEEK, type WorkingWeek } from './working-week';

/** `business`: working days and hours, holidays excluded. `24x7`: every instant is working time. */
export type CalendarMode = 'business' | '24x7';

/** A point in time: a `Date` or milliseconds since the epoch (whole milliseconds). */
export type Instant = Date | number;

/** A holiday as the calendar needs it: its local date, bare or inside any holiday entry. */
export type HolidayInput = LocalDate | { readonly date: LocalDate };

export interface BusinessTimeOptions {
  readonly mode?: 'business';
  /** IANA zone of the agency, e.g. `Asia/Makassar`. */
  readonly timeZone: string;
  /** Defaults to {@link DEFAULT_WORKING_WEEK}, Monday–Friday 08:00–16:00. */
  readonly workingWeek?: WorkingWeek;
  /** Local dates that are not working days: national holidays, cuti bersama, regional holidays. */
  readonly holidays?: Iterable<HolidayInput>;
}

export interface RoundTheClockOptions {
  readonly mode: '24x7';
  /** Still needed: years, months and days are added on the local calendar. */
  readonly timeZone: string;
}

export type BusinessCalendarOptions = BusinessTimeOptions | RoundTheClockOptions;

/** The most working days one call may add (about a century); larger counts are typos. */
export const MAX_WORKING_DAYS = 36_600;
/** The most working time one call may add, about a century. */
const MAX_WORKING_TIME_MS = 100 * 366 * DAY_MS;

/** Instants accepted as input: from 1900-01-02 to 9999-12-30 UTC, so every zone's local day is in range. */
const MIN_INSTANT_MS = (MIN_DAY + 1) * DAY_MS;
const MAX_INSTANT_MS = MAX_DAY * DAY_MS - 1;

const NO_WORK: readonly number[] = Object.freeze([]);

/** Bound on each calendar's cache of day plans; past it the cache starts again. */
const MAX_CACHED_PLANS = 10_000;

/**
 * Time as an agency counts it: its zone, its working hours, its holidays. Every SLA deadline is
 * computed here. See the library's README for the exact rules; in short:
 *
 * - Working time is a set of half-open intervals `[start, end)`: 08:00 is working time, 16:00 is not.
 * - `addWorkingTime(t, d)` is the earliest instant by which `d` ms of working time have passed since `t`.
 * - `addWorkingDays(t, n)` is the close of business of the n-th full working day after `t`, a
 *   full working day being one whose working hours all lie at or after `t`.
 * - `addDuration` reads `P…D` as working days and `PT…` as working time; in 24x7 mode it reads
 *   both literally.
 *
 * The arithmetic steps from working interval to working interval and day to day, with each
 * day's intervals (as UTC instants) cached, so a deadline costs microseconds whatever its length
 * in minutes. A calendar is immutable and safe to share; build one per agency and reuse it.
 */
export class BusinessCalendar {
  readonly mode: CalendarMode;
  readonly timeZone: string;

  private readonly zone: TimeZoneRules;
  /** Working intervals per ISO weekday (index 0 = Monday), as ms since local midnight. */
  private readonly week: readonly (readonly number[])[];
  private readonly holidayDays: ReadonlySet<number>;
  /** Local day number → that day's working intervals as UTC instants `[start, end, …]`. */
  private readonly plans = new Map<number, readonly number[]>();

  constructor(options: BusinessCalendarOptions) {
    this.zone = TimeZoneRules.for(options.timeZone);
    this.timeZone = options.timeZone;
    if (options.mode === '24x7') {
      this.mode = '24x7';
      this.week = [];
      this.holidayDays = new Set();
      return;
    }
    this.mode = 'business';
    this.week = compileWorkingWeek(options.workingWeek ?? DEFAULT_WORKING_WEEK);
    const holidayDays = new Set<number>();
    for (const holiday of options.holidays ?? []) {
      const date = typeof holiday === 'string' ? holiday : holiday.date;
      holidayDays.add(parseLocalDate(date));
    }
    this.holidayDays = holidayDays;
  }

  /** A calendar in which every instant is working time (policies with a `24x7` calendar, tests). */
  static roundTheClock(timeZone: string): BusinessCalendar {
    return new BusinessCalendar({ mode: '24x7', timeZone });
  }

  /** Whether the instant lies inside a working interval (start inclusive, end exclusive). */
  isWorkingTime(instant: Instant): boolean {
    const t = this.toMs(instant);
    if (this.mode === '24x7') return true;
    const plan = this.planFor(this.localDayOf(t));
    for (let i = 0; i < plan.length; i += 2) {
      if (plan[i] <= t && t < plan[i + 1]) return true;
    }
    return false;
  }

  /** Whether a local date has working hours (its weekday has some and it is not a holiday). */
  isWorkingDay(date: LocalDate): boolean {
    const day = parseLocalDate(date);
    return this.mode === '24x7' || this.planFor(day).length > 0;
  }

  /** The local date, in this calendar's zone, of an instant. */
  localDateOf(instant: Instant): LocalDate {
    return formatLocalDate(this.localDayOf(this.toMs(instant)));
  }

  /**
   * The earliest instant by which `durationMs` of working time has passed since `instant`. A start
   * outside working hours waits for the next working interval; a duration that exactly uses up an
   * interval ends at that interval's close (Friday 15:00 + 1 h is Friday 16:00, not Monday 08:00).
   * Zero returns the instant unchanged. In 24x7 mode this is plain addition.
   */
  addWorkingTime(instant: Instant, durationMs: number): Date {
    const t = this.toMs(instant);
    if (!Number.isSafeInteger(durationMs) || durationMs < 0 || durationMs > MAX_WORKING_TIME_MS) {
      throw new InvalidDuration(
        `working time must be a whole, non-negative number of milliseconds up to about 100 years; got ${durationMs}`,
        { durationMs },
      );
    }
    if (durationMs === 0) return new Date(t);
    if (this.mode === '24x7') return new Date(this.checkedResult(t + durationMs));
    let remaining = durationMs;
    for (let day = this.localDayOf(t); ; day += 1) {
      const plan = this.planFor(day);
      for (let i = 0; i < plan.length; i += 2) {
        const end = plan[i + 1];
        if (end <= t) continue;
        const from = Math.max(plan[i], t);
        if (remaining <= end - from) return new Date(from + remaining);
        remaining -= end - from;
      }
    }
  }

  /**
   * Milliseconds of working time in `[a, b)`. Signed: when `b` is before `a` the answer is the
   * negative of `workingTimeBetween(b, a)`, so elapsed and remaining time come from one function.
   */
  workingTimeBetween(a: Instant, b: Instant): number {
    const from = this.toMs(a);
    const to = this.toMs(b);
    if (from === to) return 0;
    if (to < from) {
      const forward = this.workingTimeBetween(to, from);
      return forward === 0 ? 0 : -forward; // never -0
    }
    if (this.mode === '24x7') return to - from;
    let total = 0;
    const lastDay = this.localDayOf(to);
    for (let day = this.localDayOf(from); day <= lastDay; day += 1) {
      const plan = this.planFor(day);
      for (let i = 0; i < plan.length; i += 2) {
        const start = Math.max(plan[i], from);
        const end = Math.min(plan[i + 1], to);
        if (end > start) total += end - start;
      }
    }
    return total;
  }

  /**
   * The deadline of "n hari kerja" counted from `instant`: the close of business (end of the last
   * working interval) of the n-th full working day after it. A full working day is a working day
   * whose working hours all lie at or after the start, so:
   *
   * - a start during working hours, or after closing, leaves that day uncounted — the agency gets
   *   the rest of it for free and then n whole days;
   * - a start before opening, on a weekend or on a holiday counts from the next opening, that
   *   day being day 1.
   *
   * The deadline therefore depends only on how much working time lies ahead: two starts with no
   * working time between them (Friday 17:00 and Monday 07:00) get the same deadline, and a later
   * start never gets an earlier one. Zero returns the instant unchanged. In 24x7 mode every day is
   * a working day without a close, so n days are n calendar days from the instant.
   */
  addWorkingDays(instant: Instant, n: number): Date {
    const t = this.toMs(instant);
    if (!Number.isSafeInteger(n) || n < 0 || n > MAX_WORKING_DAYS) {
      throw new InvalidDuration(
        `the number of working days must be a whole number from 0 to ${MAX_WORKING_DAYS}; got ${n}`,
        { days: n },
      );
    }
    if (n === 0) return new Date(t);
    if (this.mode === '24x7') return new Date(this.addCalendarPeriod(t, 0, 0, n));
    let counted = 0;
    for (let day = this.localDayOf(t); ; day += 1) {
      const plan = this.planFor(day);
      if (plan.length === 0 || plan[0] < t) continue;
      counted += 1;
      if (counted === n) return new Date(plan[plan.length - 1]);
    }
  }

  /**
   * Adds an ISO 8601 duration (`P5D`, `PT4H`, `P1DT4H`, `PT30S`). In business mode days are
   * working days ({@link addWorkingDays}) and hours, minutes and seconds are working time
   * ({@link addWorkingTime}), days first; years, months and weeks have no business-time meaning
   * and are refused. In 24x7 mode the duration is read literally: years, months, weeks and days
   * on the local calendar (keeping the wall-clock time; a month end is clamped, 31 Jan + P1M is
   * 28/29 Feb), then the time part as elapsed time.
   */
  addDuration(instant: Instant, duration: string | IsoDuration): Date {
    const t = this.toMs(instant);
    const parsed = typeof duration === 'string' ? parseIsoDuration(duration) : duration;
    const timeMs = isoDurationTimeMs(parsed);
    if (this.mode === '24x7') {
      const dated = this.addCalendarPeriod(
        t,
        parsed.years,
        parsed.months,
        parsed.weeks * 7 + parsed.days,
      );
      return new Date(this.checkedResult(dated + timeMs));
    }
    if (parsed.years !== 0 || parsed.months !== 0 || parsed.weeks !== 0) {
      throw new InvalidDuration(
        `"${parsed.text}" uses years, months or weeks, which have no length in business time; ` +
          'write working days (D) or working time (H, M, S), or use a 24x7 calendar',
        { duration: parsed.text },
      );
    }
    return this.addWorkingTime(this.addWorkingDays(t, parsed.days), timeMs);
  }

  private toMs(instant: Instant): number {
    const ms = instant instanceof Date ? instant.getTime() : instant;
    if (typeof ms !== 'number' || !Number.isInteger(ms)) {
      throw new InvalidInstant(`${String(instant)} is not a valid instant`, {
        instant: String(instant),
      });
    }
    if (ms < MIN_INSTANT_MS || ms > MAX_INSTANT_MS) {
      throw new InvalidInstant(`${new Date(ms).toISOString()} is outside the years 1900–9999`, {
        instant: ms,
      });
    }
    return ms;
  }

  private checkedResult(ms: number): number {
    if (ms > MAX_INSTANT_MS) {
      throw new CalendarRangeExceeded('the answer would fall after the year 9999');
    }
    return ms;
  }

  private localDayOf(t: number): number {
    return Math.floor(this.zone.toLocal(t) / DAY_MS);
  }

  /** A day's working intervals as UTC instants, computed once per day and cached. */
  private planFor(day: number): readonly number[] {
    let plan = this.plans.get(day);
    if (plan) return plan;
    if (day < MIN_DAY || day > MAX_DAY) {
      throw new CalendarRangeExceeded('the answer would fall outside the years 1900–9999');
    }
    const hours = this.week[isoWeekdayOf(day) - 1];
    if (hours.length === 0 || this.holidayDays.has(day)) {
      plan = NO_WORK;
    } else {
      const midnight = day * DAY_MS;
      const intervals: number[] = [];
      let previousEnd = Number.NEGATIVE_INFINITY;
      for (let i = 0; i < hours.length; i += 2) {
        // Converted one bound at a time, so a daylight-saving change inside working hours (not
        // in Indonesia, but the zone is the caller's choice) lengthens or shortens the interval
        // as it does on the wall. Clamping keeps intervals ordered if a bound falls in a gap.
        const start = Math.max(this.zone.toUtc(midnight + hours[i]), previousEnd);
        const end = this.zone.toUtc(midnight + hours[i + 1]);
        if (end > start) {
          intervals.push(start, end);
          previousEnd = end;
        }
      }
      plan = intervals.length === 0 ? NO_WORK : Object.freeze(intervals);
    }
    if (this.plans.size >= MAX_CACHED_PLANS) this.plans.clear();
    this.plans.set(day, plan);
    return plan;
  }

  /** Adds years, months and days on the local calendar, keeping the wall-clock time. */
  private addCalendarPeriod(t: number, years: number, months: number, days: number): number {
    const local = this.zone.toLocal(t);
    const day = Math.floor(local / DAY_MS);
    const timeOfDay = local - day * DAY_MS;
    const { year, month, day: dayOfMonth } = civilDateOf(day);
    const monthIndex = month - 1 + months + years * 12;
    const newYear = year + Math.floor(monthIndex / 12);
    const newMonth = (((monthIndex % 12) + 12) % 12) + 1;
    if (newYear > 9999)
      throw new CalendarRangeExceeded('the answer would fall after the year 9999');
    const clampedDay = Math.min(dayOfMonth, daysInMonth(newYear, newMonth));
    const newDay = dayNumberOf(newYear, newMonth, clampedDay) + days;
    if (newDay > MAX_DAY)
      throw new CalendarRangeExceeded('the answer would fall after the year 9999');
    return this.checkedResult(this.zone.toUtc(newDay * DAY_MS + timeOfDay));
  }
}
