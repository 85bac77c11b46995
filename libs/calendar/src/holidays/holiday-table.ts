import { CalendarRangeExceeded, InvalidHolidayData } from '../calendar-errors';
import { civilDateOf, MAX_YEAR, MIN_YEAR, parseLocalDate } from '../local-date';
import { COMPUTED_DESCRIPTION, computedNationalHolidays } from './computed-holidays';
import {
  NATIONAL_HOLIDAY_KINDS,
  type HolidaysOfYear,
  type HolidayTable,
  type HolidayTableYear,
  type NationalHoliday,
} from './holiday-types';
import { NATIONAL_HOLIDAYS } from './national-holidays.data';

const yearIndexes = new WeakMap<HolidayTable, ReadonlyMap<number, HolidayTableYear>>();

function yearIndexOf(table: HolidayTable): ReadonlyMap<number, HolidayTableYear> {
  let index = yearIndexes.get(table);
  if (!index) {
    index = new Map(table.years.map((entry) => [entry.year, entry]));
    yearIndexes.set(table, index);
  }
  return index;
}

function byDateThenKind(a: NationalHoliday, b: NationalHoliday): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  return NATIONAL_HOLIDAY_KINDS.indexOf(a.kind) - NATIONAL_HOLIDAY_KINDS.indexOf(b.kind);
}

/**
 * National holidays and cuti bersama of one year: from the table's decree when it has one,
 * otherwise computed and flagged `provisional` (see {@link HolidaysOfYear.provisional}). The
 * table defaults to the shipped one; the SLA service passes its own, edited through its admin API.
 */
export function holidaysFor(year: number, table: HolidayTable = NATIONAL_HOLIDAYS): HolidaysOfYear {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new CalendarRangeExceeded(
      `year must be a whole number from ${MIN_YEAR} to ${MAX_YEAR}; got ${year}`,
      { year },
    );
  }
  const decreed = yearIndexOf(table).get(year);
  if (decreed) {
    return {
      year,
      entries: [...decreed.entries].sort(byDateThenKind),
      provisional: false,
      source: { kind: 'decree', decrees: decreed.decrees, tableVersion: table.version },
    };
  }
  return {
    year,
    entries: computedNationalHolidays(year),
    provisional: true,
    source: { kind: 'computed', description: COMPUTED_DESCRIPTION, tableVersion: table.version },
  };
}

/** The years the table has a decree for, ascending. */
export function decreedYears(table: HolidayTable = NATIONAL_HOLIDAYS): number[] {
  return table.years.map((entry) => entry.year).sort((a, b) => a - b);
}

/**
 * Checks a holiday table, e.g. one loaded from the SLA service's store after admin edits, and
 * returns it. Every problem found is listed in the error's `details.problems`, so an admin sees
 * all of them at once.
 */
export function validateHolidayTable(table: HolidayTable): HolidayTable {
  const problems: string[] = [];
  if (!Number.isSafeInteger(table.version) || table.version < 1) {
    problems.push(`version must be a positive whole number; got ${String(table.version)}`);
  }
  const seenYears = new Set<number>();
  for (const entry of table.years) {
    const { year } = entry;
    if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
      problems.push(`year ${String(year)} is not a whole number from ${MIN_YEAR} to ${MAX_YEAR}`);
      continue;
    }
    if (seenYears.has(year)) problems.push(`year ${year} appears more than once`);
    seenYears.add(year);
    if (entry.decrees.length === 0) problems.push(`${year} has no decree`);
    const decreeIds = new Set<string>();
    for (const decree of entry.decrees) {
      if (!decree.id.trim()) problems.push(`${year} has a decree without an id`);
      if (decreeIds.has(decree.id)) problems.push(`${year} lists decree "${decree.id}" twice`);
      if (decree.amends !== undefined && !decreeIds.has(decree.amends)) {
        problems.push(
          `${year}: decree "${decree.id}" amends "${decree.amends}", which is not listed before it`,
        );
      }
      decreeIds.add(decree.id);
      try {
        parseLocalDate(decree.signedOn);
      } catch {
        problems.push(
          `${year}: decree "${decree.id}" has an invalid signedOn "${decree.signedOn}"`,
        );
      }
    }
    const seenEntries = new Set<string>();
    for (const holiday of entry.entries) {
      const label = `${year}: entry ${holiday.date} "${holiday.name}"`;
      let day: number | undefined;
      try {
        day = parseLocalDate(holiday.date);
      } catch {
        problems.push(`${label} has an invalid date`);
      }
      if (day !== undefined && civilDateOf(day).year !== year) {
        problems.push(`${label} is not in ${year}`);
      }
      if (!holiday.name.trim()) problems.push(`${label} has no name`);
      if (!NATIONAL_HOLIDAY_KINDS.includes(holiday.kind)) {
        problems.push(`${label} has an unknown kind "${holiday.kind}"`);
      }
      if (!decreeIds.has(holiday.source)) {
        problems.push(`${label} cites "${holiday.source}", which is not one of the year's decrees`);
      }
      const key = `${holiday.date}|${holiday.kind}|${holiday.name}`;
      if (seenEntries.has(key)) problems.push(`${label} appears twice`);
      seenEntries.add(key);
    }
  }
  if (problems.length > 0) {
    throw new InvalidHolidayData(
      `the holiday table has ${problems.length} problem(s): ${problems.join('; ')}`,
      { problems },
    );
  }
  return table;
}
