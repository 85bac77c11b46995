import { InvalidWorkingWeek } from './calendar-errors';

export const WEEKDAYS = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
] as const;

export type Weekday = (typeof WEEKDAYS)[number];

/** Working hours within one local day, `HH:mm` to `HH:mm`, end exclusive; `24:00` ends at midnight. */
export interface WorkingInterval {
  readonly start: string;
  readonly end: string;
}

/**
 * Working hours per weekday in local time. A weekday that is missing or has no intervals is not
 * a working day. Intervals stay within their own day: a night shift that crosses midnight is
 * written as `22:00–24:00` on one day and `00:00–06:00` on the next.
 */
export type WorkingWeek = Readonly<Partial<Record<Weekday, readonly WorkingInterval[]>>>;

const OFFICE_HOURS: readonly WorkingInterval[] = Object.freeze([
  Object.freeze({ start: '08:00', end: '16:00' }),
]);

/** Monday to Friday, 08:00–16:00 local: the default for every agency until it says otherwise. */
export const DEFAULT_WORKING_WEEK: WorkingWeek = Object.freeze({
  monday: OFFICE_HOURS,
  tuesday: OFFICE_HOURS,
  wednesday: OFFICE_HOURS,
  thursday: OFFICE_HOURS,
  friday: OFFICE_HOURS,
});

const TIME_OF_DAY = /^([01]\d|2[0-4]):([0-5]\d)$/;

function minutesOf(text: unknown, field: string, allowMidnightEnd: boolean): number {
  const match = typeof text === 'string' ? TIME_OF_DAY.exec(text) : null;
  const minutes = match ? Number(match[1]) * 60 + Number(match[2]) : Number.NaN;
  if (Number.isNaN(minutes) || minutes > 24 * 60 || (minutes === 24 * 60 && !allowMidnightEnd)) {
    throw new InvalidWorkingWeek(
      `${field} is "${String(text)}"; working hours are written HH:mm (00:00–23:59, or 24:00 as an end)`,
      { field, value: text },
    );
  }
  return minutes;
}

/**
 * Checks a working week and compiles it to milliseconds since local midnight: index 0 is Monday,
 * each entry a flat, sorted list `[start, end, start, end, …]`. Touching intervals are merged;
 * overlapping ones are refused, since they usually mean a typo. A week without any working time
 * is refused too: every deadline in it would be infinitely far away (use the 24x7 mode for
 * round-the-clock service instead).
 */
export function compileWorkingWeek(week: WorkingWeek): readonly (readonly number[])[] {
  const known = new Set<string>(WEEKDAYS);
  for (const key of Object.keys(week)) {
    if (!known.has(key)) {
      throw new InvalidWorkingWeek(`"${key}" is not a weekday; use ${WEEKDAYS.join(', ')}`, {
        field: key,
      });
    }
  }
  const compiled = WEEKDAYS.map((weekday) => {
    const intervals: unknown = week[weekday] ?? [];
    if (!Array.isArray(intervals)) {
      throw new InvalidWorkingWeek(`${weekday} must be a list of working intervals`, {
        field: weekday,
      });
    }
    const spans = (intervals as readonly WorkingInterval[])
      .map((interval, i) => {
        const start = minutesOf(interval.start, `${weekday}[${i}].start`, false);
        const end = minutesOf(interval.end, `${weekday}[${i}].end`, true);
        if (end <= start) {
          throw new InvalidWorkingWeek(
            `${weekday}[${i}] ends (${interval.end}) before it starts (${interval.start})`,
            { field: `${weekday}[${i}]` },
          );
        }
        return [start * 60_000, end * 60_000] as const;
      })
      .sort((a, b) => a[0] - b[0]);
    const flat: number[] = [];
    for (const [start, end] of spans) {
      const lastEnd = flat.length > 0 ? flat[flat.length - 1] : -1;
      if (start < lastEnd) {
        throw new InvalidWorkingWeek(`${weekday} has overlapping working intervals`, {
          field: weekday,
        });
      }
      if (start === lastEnd) flat[flat.length - 1] = end;
      else flat.push(start, end);
    }
    return Object.freeze(flat);
  });
  if (compiled.every((day) => day.length === 0)) {
    throw new InvalidWorkingWeek(
      'the working week has no working hours; use the 24x7 mode for round-the-clock service',
    );
  }
  return Object.freeze(compiled);
}
