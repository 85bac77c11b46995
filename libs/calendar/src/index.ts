export {
  BusinessCalendar,
  MAX_WORKING_DAYS,
  type BusinessCalendarOptions,
  type BusinessTimeOptions,
  type CalendarMode,
  type HolidayInput,
  type Instant,
  type RoundTheClockOptions,
} from './business-calendar';
export {
  CalendarError,
  CalendarRangeExceeded,
  InvalidDuration,
  InvalidHolidayData,
  InvalidInstant,
  InvalidLocalDate,
  InvalidTimeZone,
  InvalidWorkingWeek,
  type CalendarErrorCode,
} from './calendar-errors';
export { isoDurationTimeMs, parseIsoDuration, type IsoDuration } from './iso-duration';
export type { LocalDate } from './local-date';
export { INDONESIAN_TIME_ZONES, isValidTimeZone, type IndonesianTimeZone } from './time-zone';
export {
  DEFAULT_WORKING_WEEK,
  WEEKDAYS,
  type Weekday,
  type WorkingInterval,
  type WorkingWeek,
} from './working-week';
export { decreedYears, holidaysFor, validateHolidayTable } from './holidays/holiday-table';
export {
  COMPUTED_SOURCE,
  type HolidayDecree,
  type HolidayKind,
  type HolidaySource,
  type HolidaysOfYear,
  type HolidayTable,
  type HolidayTableYear,
  type NationalHoliday,
  type NationalHolidayKind,
} from './holidays/holiday-types';
export { NATIONAL_HOLIDAYS } from './holidays/national-holidays.data';
export {
  mergeHolidays,
  observesRegionalHoliday,
  type CalendarHoliday,
  type RegionalHoliday,
} from './holidays/regional-holidays';
