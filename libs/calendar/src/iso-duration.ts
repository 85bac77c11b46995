import { InvalidDuration } from './calendar-errors';

/**
 * An ISO 8601 duration (`P5D`, `PT4H`, `P1DT12H`, `PT0.5S`), as its components. Only hours,
 * minutes and seconds may carry a fraction, and only the last component written.
 */
export interface IsoDuration {
  /** The text it was parsed from. */
  readonly text: string;
  readonly years: number;
  readonly months: number;
  readonly weeks: number;
  readonly days: number;
  readonly hours: number;
  readonly minutes: number;
  readonly seconds: number;
}

/**
 * The largest duration accepted, about 100 years of any unit. SLA limits are days to months;
 * the bound keeps a typo (`P50000D`) from becoming a century-long loop or a meaningless deadline.
 */
const MAX_NOMINAL_MS = 100 * 366 * 86_400_000;

const DATE_UNITS = ['Y', 'M', 'W', 'D'] as const;
const TIME_UNITS = ['H', 'M', 'S'] as const;
const NOMINAL_MS: Readonly<Record<string, number>> = {
  Y: 366 * 86_400_000,
  dateM: 31 * 86_400_000,
  W: 7 * 86_400_000,
  D: 86_400_000,
  H: 3_600_000,
  timeM: 60_000,
  S: 1_000,
};

const NUMBER_PATTERN = /\d+(?:[.,]\d+)?/y;

/**
 * Parsed durations by text. SLA policies use a handful of distinct durations for a great many
 * clocks, so parsing each text once is worth a map lookup; the results are frozen and shareable.
 */
const parsedDurations = new Map<string, IsoDuration>();
const MAX_CACHED_DURATIONS = 1_000;

/**
 * Parses an ISO 8601 duration. Rejects, with a message that says what is wrong and where:
 * an empty text, a sign (durations here are never negative), lower-case designators, a unit out
 * of order or repeated, a number without a unit, a fraction on a date unit or on a component that
 * is not the last, a fraction finer than a millisecond, `T` with nothing after it, a duration with
 * no component at all, and durations over about 100 years.
 */
export function parseIsoDuration(text: string): IsoDuration {
  const cached = parsedDurations.get(text);
  if (cached) return cached;
  const parsed = parseUncached(text);
  if (parsedDurations.size >= MAX_CACHED_DURATIONS) parsedDurations.clear();
  parsedDurations.set(text, parsed);
  return parsed;
}

function parseUncached(text: string): IsoDuration {
  function fail(reason: string, position?: number): never {
    throw new InvalidDuration(`invalid ISO 8601 duration "${text}": ${reason}`, {
      duration: text,
      ...(position === undefined ? {} : { position }),
    });
  }
  if (typeof text !== 'string') {
    throw new InvalidDuration('an ISO 8601 duration must be a string such as "P5D" or "PT4H"', {
      duration: String(text),
    });
  }
  if (text.length === 0) fail('it is empty; write e.g. P5D (5 days) or PT4H (4 hours)');
  if (text.startsWith('-') || text.startsWith('+')) {
    fail('a sign is not allowed; durations here are never negative', 0);
  }
  if (/[a-z]/.test(text)) fail('designators are upper case (P5D, PT4H), not lower case');
  if (!text.startsWith('P')) fail('a duration starts with "P", e.g. P5D or PT4H', 0);

  const values = { Y: 0, dateM: 0, W: 0, D: 0, H: 0, timeM: 0, S: 0 };
  let inTime = false;
  let sawTime = false;
  let components = 0;
  let unitIndex = 0; // next allowed position in DATE_UNITS or TIME_UNITS
  let fractionAt: number | undefined;
  let position = 1;

  while (position < text.length) {
    if (text[position] === 'T') {
      if (inTime) fail('"T" appears twice', position);
      inTime = true;
      unitIndex = 0;
      position += 1;
      continue;
    }
    NUMBER_PATTERN.lastIndex = position;
    const number = NUMBER_PATTERN.exec(text);
    if (!number) {
      fail(`expected a number at position ${position}, found "${text.charAt(position)}"`, position);
    }
    if (fractionAt !== undefined) {
      fail('only the last component may have a fraction', fractionAt);
    }
    const unitPosition = position + number[0].length;
    const unit = text.charAt(unitPosition);
    if (unit === '') fail(`the number at position ${position} has no unit designator`, position);
    const units: readonly string[] = inTime ? TIME_UNITS : DATE_UNITS;
    const index = units.indexOf(unit);
    if (index < 0) {
      const hint = inTime
        ? 'after "T" use H, M or S'
        : TIME_UNITS.includes(unit as 'H')
          ? `"${unit}" is a time unit and must follow "T" (PT${number[0]}${unit})`
          : 'before "T" use Y, M, W or D';
      fail(`unknown unit "${unit}" at position ${unitPosition}; ${hint}`, unitPosition);
    }
    if (index < unitIndex) {
      fail(
        `"${unit}" at position ${unitPosition} is repeated or out of order; the order is ` +
          (inTime ? 'H, M, S' : 'Y, M, W, D'),
        unitPosition,
      );
    }
    unitIndex = index + 1;
    const hasFraction = number[0].includes('.') || number[0].includes(',');
    if (hasFraction) {
      if (!inTime) {
        fail(
          'fractions are allowed only in hours, minutes or seconds, not in date units',
          position,
        );
      }
      fractionAt = position;
    }
    const value = Number(number[0].replace(',', '.'));
    const key = unit === 'M' ? (inTime ? 'timeM' : 'dateM') : (unit as keyof typeof values);
    values[key] = value;
    if (inTime) sawTime = true;
    components += 1;
    position = unitPosition + 1;
  }

  if (inTime && !sawTime) fail('"T" must be followed by at least one of H, M or S');
  if (components === 0) fail('it has no component; write e.g. P5D or PT4H');

  const timeMs = values.H * 3_600_000 + values.timeM * 60_000 + values.S * 1_000;
  if (Math.abs(timeMs - Math.round(timeMs)) > 1e-6) {
    fail('its time part is finer than a millisecond');
  }
  let nominal = 0;
  for (const [key, value] of Object.entries(values)) nominal += value * (NOMINAL_MS[key] ?? 0);
  if (nominal > MAX_NOMINAL_MS) fail('it is longer than the supported maximum of about 100 years');

  return Object.freeze({
    text,
    years: values.Y,
    months: values.dateM,
    weeks: values.W,
    days: values.D,
    hours: values.H,
    minutes: values.timeM,
    seconds: values.S,
  });
}

/** The time part (hours, minutes, seconds) of a duration in whole milliseconds. */
export function isoDurationTimeMs(duration: IsoDuration): number {
  return Math.round(
    duration.hours * 3_600_000 + duration.minutes * 60_000 + duration.seconds * 1_000,
  );
}
