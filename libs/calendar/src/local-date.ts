import { InvalidLocalDate } from './calendar-errors';

/** A date on a local calendar, `YYYY-MM-DD`; which zone it belongs to is given by the context. */
export type LocalDate = string;

export const DAY_MS = 86_400_000;

/**
 * Years the library answers for. The lower bound keeps clear of the early, irregular offsets in
 * the time-zone database; the upper bound is where a four-digit `YYYY-MM-DD` ends.
 */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 9999;

/** Day numbers (days since 1970-01-01) of the first and last supported dates. */
export const MIN_DAY = dayNumberOf(MIN_YEAR, 1, 1);
export const MAX_DAY = dayNumberOf(MAX_YEAR, 12, 31);

const LOCAL_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number of a proleptic Gregorian date; month is 1–12. */
export function dayNumberOf(year: number, month: number, day: number): number {
  // setUTCFullYear, unlike Date.UTC, does not map years 0–99 to the 1900s.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return Math.floor(date.getTime() / DAY_MS);
}

export interface CivilDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export function civilDateOf(dayNumber: number): CivilDate {
  const date = new Date(dayNumber * DAY_MS);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** ISO weekday of a day number: 1 Monday … 7 Sunday (1970-01-01 was a Thursday). */
export function isoWeekdayOf(dayNumber: number): number {
  return ((((dayNumber + 3) % 7) + 7) % 7) + 1;
}

export function daysInMonth(year: number, month: number): number {
  return dayNumberOf(year, month + 1, 1) - dayNumberOf(year, month, 1);
}

/** Parses a `YYYY-MM-DD` date into its day number; rejects dates that do not exist. */
export function parseLocalDate(text: unknown): number {
  const match = typeof text === 'string' ? LOCAL_DATE_PATTERN.exec(text) : null;
  if (!match) {
    throw new InvalidLocalDate(`"${String(text)}" is not a local date in the form YYYY-MM-DD`, {
      date: text,
    });
  }
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < MIN_YEAR || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new InvalidLocalDate(
      `${match[0]} is not a date between ${MIN_YEAR}-01-01 and ${MAX_YEAR}-12-31`,
      { date: match[0] },
    );
  }
  return dayNumberOf(year, month, day);
}

export function formatLocalDate(dayNumber: number): LocalDate {
  const { year, month, day } = civilDateOf(dayNumber);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm, Meeus/Jones/Butcher).
 * Good Friday and Ascension Day, both national holidays, follow from it, so they can be computed
 * for a year whose decree is not in the table yet.
 */
export function easterSundayOf(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return dayNumberOf(year, month, day);
}
