import { dayNumberOf, easterSundayOf, formatLocalDate } from '../local-date';
import { COMPUTED_SOURCE, type NationalHoliday } from './holiday-types';

/**
 * What a year without a decree falls back to: the national holidays whose date follows from a
 * rule. Fixed dates (New Year, Labour Day, Pancasila Day, Independence Day, Christmas) and the
 * Easter-based Good Friday, Easter Sunday and Ascension Day.
 *
 * Deliberately missing: the Islamic holidays (Isra Mikraj, Idulfitri, Iduladha, 1 Muharam, Maulid
 * Nabi), whose dates Indonesia fixes by decree after sighting the moon (rukyat) as well as by
 * calculation, so no astronomical computation here may stand in for them; Imlek, Nyepi and Waisak,
 * whose dates are likewise taken from the decree; and all cuti bersama, which are policy.
 */
export const COMPUTED_DESCRIPTION =
  'No decree for this year in the holiday table: only the fixed-date national holidays and the ' +
  'Easter-based ones were computed. Islamic, Imlek, Nyepi and Waisak holidays and all cuti ' +
  'bersama are missing until the year’s SKB is added.';

export function computedNationalHolidays(year: number): NationalHoliday[] {
  const easter = easterSundayOf(year);
  const days: [number, string][] = [
    [dayNumberOf(year, 1, 1), `Tahun Baru ${year} Masehi`],
    [easter - 2, 'Wafat Yesus Kristus'],
    [easter, 'Kebangkitan Yesus Kristus (Paskah)'],
    [dayNumberOf(year, 5, 1), 'Hari Buruh Internasional'],
    [easter + 39, 'Kenaikan Yesus Kristus'],
    [dayNumberOf(year, 6, 1), 'Hari Lahir Pancasila'],
    [dayNumberOf(year, 8, 17), 'Proklamasi Kemerdekaan'],
    [dayNumberOf(year, 12, 25), 'Kelahiran Yesus Kristus'],
  ];
  return days
    .sort((a, b) => a[0] - b[0])
    .map(([day, name]) => ({
      date: formatLocalDate(day),
      name,
      kind: 'national_holiday' as const,
      source: COMPUTED_SOURCE,
      provisional: true as const,
    }));
}
