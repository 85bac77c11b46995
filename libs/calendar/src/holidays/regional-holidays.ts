import { InvalidHolidayData } from '../calendar-errors';
import { parseLocalDate, type LocalDate } from '../local-date';
import type { HolidayKind, NationalHoliday } from './holiday-types';

/**
 * A holiday observed in one province or regency/city only, declared by its governor, regent or
 * mayor (for instance Galungan and Kuningan in Bali, or a regency's anniversary). The SLA service
 * stores these; the calendar takes them as input.
 */
export interface RegionalHoliday {
  readonly date: LocalDate;
  readonly name: string;
  /**
   * Kemendagri code of the region that observes it: a province (`51`, all of Bali) covers every
   * regency/city in it; a regency/city (`64.02`) covers only itself.
   */
  readonly regionCode: string;
  /** The regional decree or regulation that declares it. */
  readonly source: string;
}

/** A holiday of any kind, as merged for one agency. */
export interface CalendarHoliday {
  readonly date: LocalDate;
  readonly name: string;
  readonly kind: HolidayKind;
  readonly source: string;
  /** Only on regional holidays. */
  readonly regionCode?: string;
  /** Only on computed national holidays of a year without a decree. */
  readonly provisional?: true;
}

/** Province `64`, regency/city `64.02`, district `64.02.01`, village `64.02.01.2001`. */
const REGION_CODE_PATTERN = /^\d{2}(?:\.\d{2}(?:\.\d{2}(?:\.\d{4})?)?)?$/;

/**
 * Whether an agency in `agencyRegionCode` observes a holiday of `holidayRegionCode`: the same
 * region or one that contains it, compared by whole code segments (`64` contains `64.02`, but
 * `6` contains nothing and `64.0` is not a code). National agencies have no region and observe no
 * regional holiday.
 */
export function observesRegionalHoliday(
  agencyRegionCode: string | undefined,
  holidayRegionCode: string,
): boolean {
  if (agencyRegionCode === undefined) return false;
  return (
    agencyRegionCode === holidayRegionCode || agencyRegionCode.startsWith(`${holidayRegionCode}.`)
  );
}

function checkRegionalHoliday(holiday: RegionalHoliday): void {
  const label = `regional holiday ${holiday.date} "${holiday.name}"`;
  try {
    parseLocalDate(holiday.date);
  } catch {
    throw new InvalidHolidayData(`${label} has an invalid date`, { date: holiday.date });
  }
  if (!holiday.name.trim()) throw new InvalidHolidayData(`${label} has no name`);
  if (!REGION_CODE_PATTERN.test(holiday.regionCode)) {
    throw new InvalidHolidayData(
      `${label} has region code "${holiday.regionCode}", which is not a Kemendagri code such as 64 or 64.02`,
      { regionCode: holiday.regionCode },
    );
  }
  if (!holiday.source.trim()) throw new InvalidHolidayData(`${label} cites no source`);
}

const KIND_ORDER: readonly HolidayKind[] = ['national_holiday', 'cuti_bersama', 'regional_holiday'];

/**
 * The holidays one agency observes: all national holidays and cuti bersama, plus the regional
 * holidays of its own region and of the regions containing it. Sorted by date, then kind, then
 * name; exact repeats are dropped, while different holidays on one date are all kept (the
 * calendar needs the date once, people want every name). Pass the result to `BusinessCalendar`
 * as `holidays`. Refuses a malformed regional holiday rather than silently ignoring it.
 */
export function mergeHolidays(
  national: Iterable<NationalHoliday>,
  regional: Iterable<RegionalHoliday>,
  agencyRegionCode?: string,
): CalendarHoliday[] {
  const merged = new Map<string, CalendarHoliday>();
  for (const holiday of national) {
    merged.set(`${holiday.date}|${holiday.kind}|${holiday.name}|`, holiday);
  }
  for (const holiday of regional) {
    checkRegionalHoliday(holiday);
    if (!observesRegionalHoliday(agencyRegionCode, holiday.regionCode)) continue;
    merged.set(`${holiday.date}|regional_holiday|${holiday.name}|${holiday.regionCode}`, {
      date: holiday.date,
      name: holiday.name,
      kind: 'regional_holiday',
      source: holiday.source,
      regionCode: holiday.regionCode,
    });
  }
  return [...merged.values()].sort(
    (a, b) =>
      (a.date < b.date ? -1 : a.date > b.date ? 1 : 0) ||
      KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
      a.name.localeCompare(b.name),
  );
}
