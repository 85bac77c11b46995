import { DomainError } from '@salur/platform';

export class UnknownAgency extends DomainError {
  readonly code = 'UnknownAgency';
  constructor(agency: string) {
    super(`agency ${agency} does not exist`, { details: { agency } });
  }
}

/** A duration, instant, date or working week the calendar refuses; the message says why. */
export class InvalidCalendarInput extends DomainError {
  readonly code = 'InvalidCalendarInput';
  constructor(field: string, message: string) {
    super(message, { details: { errors: [{ field, message }] } });
  }
}

export class HolidayNotFound extends DomainError {
  readonly code = 'HolidayNotFound';
  constructor(date: string, regionCode: string | null) {
    super(
      regionCode
        ? `no regional holiday of ${regionCode} on ${date}`
        : `no national holiday or cuti bersama on ${date}`,
    );
  }
}

export const ADMIN_PROBLEMS = {
  UnknownAgency: 404,
  InvalidCalendarInput: 400,
  HolidayNotFound: 404,
} as const;
