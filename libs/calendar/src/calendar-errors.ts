/**
 * Errors of the calendar library. Like the platform's `DomainError` they carry a stable `code`
 * and optional `details` and know nothing of HTTP; they do not extend it because this library is
 * pure and must not pull the platform (and with it Nest) into every consumer. The service that
 * exposes calendars maps these codes once, at its edge (an `InvalidDuration` from a query string
 * is a 400, for instance).
 */
export type CalendarErrorCode =
  | 'InvalidDuration'
  | 'InvalidTimeZone'
  | 'InvalidWorkingWeek'
  | 'InvalidLocalDate'
  | 'InvalidInstant'
  | 'InvalidHolidayData'
  | 'CalendarRangeExceeded';

export abstract class CalendarError extends Error {
  abstract readonly code: CalendarErrorCode;
  readonly details?: Readonly<Record<string, unknown>>;

  constructor(message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = new.target.name;
    if (details) this.details = Object.freeze({ ...details });
  }
}

/** An ISO 8601 duration that cannot be parsed, or that has no meaning in the calendar it is used with. */
export class InvalidDuration extends CalendarError {
  readonly code = 'InvalidDuration';
}

/** A time zone name that the runtime's IANA database does not know. */
export class InvalidTimeZone extends CalendarError {
  readonly code = 'InvalidTimeZone';
}

/** Working hours that are malformed, overlapping, or leave no working time in the week. */
export class InvalidWorkingWeek extends CalendarError {
  readonly code = 'InvalidWorkingWeek';
}

/** A local date that is not `YYYY-MM-DD` or does not exist (2025-02-29). */
export class InvalidLocalDate extends CalendarError {
  readonly code = 'InvalidLocalDate';
}

/** An instant that is not a valid point in time, or lies outside the supported years. */
export class InvalidInstant extends CalendarError {
  readonly code = 'InvalidInstant';
}

/** A holiday table or regional holiday that breaks the rules of the data (see docs/holidays.md). */
export class InvalidHolidayData extends CalendarError {
  readonly code = 'InvalidHolidayData';
}

/** A computation whose answer would fall outside the supported years. */
export class CalendarRangeExceeded extends CalendarError {
  readonly code = 'CalendarRangeExceeded';
}
