import { CalendarRangeExceeded, InvalidHolidayData } from '../calendar-errors';
import { easterSundayOf, formatLocalDate, isoWeekdayOf, parseLocalDate } from '../local-date';
import { decreedYears, holidaysFor, validateHolidayTable } from './holiday-table';
import type { HolidayTable, NationalHoliday } from './holiday-types';
import { NATIONAL_HOLIDAYS } from './national-holidays.data';

const datesOf = (entries: readonly NationalHoliday[], kind: NationalHoliday['kind']): string[] =>
  entries.filter((entry) => entry.kind === kind).map((entry) => entry.date);

describe('the shipped holiday table', () => {
  it('is valid and covers 2025 and 2026', () => {
    expect(validateHolidayTable(NATIONAL_HOLIDAYS)).toBe(NATIONAL_HOLIDAYS);
    expect(decreedYears()).toEqual([2025, 2026]);
  });

  it('2025: 17 national holidays and 11 cuti bersama (10, plus 18 August by amendment)', () => {
    const { entries, provisional, source } = holidaysFor(2025);
    expect(provisional).toBe(false);
    expect(source.kind).toBe('decree');
    expect(source.kind === 'decree' && source.decrees.map((decree) => decree.id)).toEqual([
      'SKB 1017/2024, 2/2024, 2/2024',
      'SKB 933/2025, 1/2025, 3/2025',
    ]);
    expect(datesOf(entries, 'national_holiday')).toEqual([
      '2025-01-01',
      '2025-01-27',
      '2025-01-29',
      '2025-03-29',
      '2025-03-31',
      '2025-04-01',
      '2025-04-18',
      '2025-04-20',
      '2025-05-01',
      '2025-05-12',
      '2025-05-29',
      '2025-06-01',
      '2025-06-06',
      '2025-06-27',
      '2025-08-17',
      '2025-09-05',
      '2025-12-25',
    ]);
    expect(datesOf(entries, 'cuti_bersama')).toEqual([
      '2025-01-28',
      '2025-03-28',
      '2025-04-02',
      '2025-04-03',
      '2025-04-04',
      '2025-04-07',
      '2025-05-13',
      '2025-05-30',
      '2025-06-09',
      '2025-08-18',
      '2025-12-26',
    ]);
    expect(entries.find((entry) => entry.date === '2025-08-18')?.source).toBe(
      'SKB 933/2025, 1/2025, 3/2025',
    );
  });

  it('2026: 17 national holidays and 8 cuti bersama', () => {
    const { entries, provisional, source } = holidaysFor(2026);
    expect(provisional).toBe(false);
    expect(source.kind === 'decree' && source.decrees[0]?.numbers).toEqual({
      religiousAffairs: '1497 Tahun 2025',
      manpower: '2 Tahun 2025',
      administrativeReform: '5 Tahun 2025',
    });
    expect(datesOf(entries, 'national_holiday')).toEqual([
      '2026-01-01',
      '2026-01-16',
      '2026-02-17',
      '2026-03-19',
      '2026-03-21',
      '2026-03-22',
      '2026-04-03',
      '2026-04-05',
      '2026-05-01',
      '2026-05-14',
      '2026-05-27',
      '2026-05-31',
      '2026-06-01',
      '2026-06-16',
      '2026-08-17',
      '2026-08-25',
      '2026-12-25',
    ]);
    expect(datesOf(entries, 'cuti_bersama')).toEqual([
      '2026-02-16',
      '2026-03-18',
      '2026-03-20',
      '2026-03-23',
      '2026-03-24',
      '2026-05-15',
      '2026-05-28',
      '2026-12-24',
    ]);
  });

  it('takes the Islamic holidays from the decrees', () => {
    const named = (year: number, word: string): string[] =>
      holidaysFor(year)
        .entries.filter((entry) => entry.kind === 'national_holiday' && entry.name.includes(word))
        .map((entry) => entry.date);
    expect(named(2025, 'Idulfitri')).toEqual(['2025-03-31', '2025-04-01']);
    expect(named(2026, 'Idulfitri')).toEqual(['2026-03-21', '2026-03-22']);
    expect(named(2025, 'Iduladha')).toEqual(['2025-06-06']);
    expect(named(2026, 'Iduladha')).toEqual(['2026-05-27']);
    expect(named(2026, 'Isra Mikraj')).toEqual(['2026-01-16']);
    expect(named(2026, 'Muharam')).toEqual(['2026-06-16']);
    expect(named(2026, 'Maulid')).toEqual(['2026-08-25']);
  });

  it('puts cuti bersama on weekdays only, as the decrees do', () => {
    for (const year of [2025, 2026]) {
      for (const entry of holidaysFor(year).entries) {
        if (entry.kind === 'cuti_bersama')
          expect(isoWeekdayOf(parseLocalDate(entry.date))).toBeLessThan(6);
      }
    }
  });

  it('agrees with the computed fixed-date and Easter-based holidays', () => {
    for (const year of [2025, 2026]) {
      const easter = easterSundayOf(year);
      const decreed = datesOf(holidaysFor(year).entries, 'national_holiday');
      for (const day of [easter - 2, easter, easter + 39])
        expect(decreed).toContain(formatLocalDate(day));
      for (const date of ['01-01', '05-01', '06-01', '08-17', '12-25']) {
        expect(decreed).toContain(`${year}-${date}`);
      }
    }
  });
});

describe('holidaysFor a year without a decree', () => {
  it('computes the fixed-date and Easter-based holidays and says it is provisional', () => {
    const result = holidaysFor(2027);
    expect(result.provisional).toBe(true);
    expect(result.source).toMatchObject({
      kind: 'computed',
      tableVersion: NATIONAL_HOLIDAYS.version,
    });
    expect(result.source.kind === 'computed' && result.source.description).toMatch(/Islamic/);
    expect(result.entries.map((entry) => [entry.date, entry.name])).toEqual([
      ['2027-01-01', 'Tahun Baru 2027 Masehi'],
      ['2027-03-26', 'Wafat Yesus Kristus'],
      ['2027-03-28', 'Kebangkitan Yesus Kristus (Paskah)'],
      ['2027-05-01', 'Hari Buruh Internasional'],
      ['2027-05-06', 'Kenaikan Yesus Kristus'],
      ['2027-06-01', 'Hari Lahir Pancasila'],
      ['2027-08-17', 'Proklamasi Kemerdekaan'],
      ['2027-12-25', 'Kelahiran Yesus Kristus'],
    ]);
    expect(
      result.entries.every((entry) => entry.provisional === true && entry.source === 'computed'),
    ).toBe(true);
  });

  it('keeps dates in order when Ascension falls after 1 June', () => {
    expect(holidaysFor(2038).entries.map((entry) => entry.date)).toEqual([
      '2038-01-01',
      '2038-04-23',
      '2038-04-25',
      '2038-05-01',
      '2038-06-01',
      '2038-06-03',
      '2038-08-17',
      '2038-12-25',
    ]);
  });

  it('uses a table given by the caller, e.g. one with a newly added decree', () => {
    const decree = {
      id: 'SKB test/2026',
      title: 'test decree',
      numbers: { religiousAffairs: '1', manpower: '1', administrativeReform: '1' },
      signedOn: '2026-09-01',
    };
    const table: HolidayTable = validateHolidayTable({
      version: NATIONAL_HOLIDAYS.version + 1,
      years: [
        ...NATIONAL_HOLIDAYS.years,
        {
          year: 2027,
          decrees: [decree],
          entries: [
            {
              date: '2027-01-01',
              name: 'Tahun Baru 2027 Masehi',
              kind: 'national_holiday',
              source: decree.id,
            },
          ],
        },
      ],
    });
    expect(holidaysFor(2027, table)).toMatchObject({
      provisional: false,
      source: { kind: 'decree', tableVersion: 2 },
    });
  });

  it.each([1899, 10_000, 2025.5, Number.NaN])('refuses the year %p', (year) => {
    expect(() => holidaysFor(year)).toThrow(CalendarRangeExceeded);
  });
});

describe('validateHolidayTable', () => {
  it('lists every problem it finds', () => {
    const decree = {
      id: 'SKB x',
      title: 'x',
      numbers: { religiousAffairs: '1', manpower: '1', administrativeReform: '1' },
      signedOn: '2027-13-01',
      amends: 'SKB missing',
    };
    const broken: HolidayTable = {
      version: 0,
      years: [
        {
          year: 2027,
          decrees: [decree],
          entries: [
            { date: '2028-01-01', name: 'Tahun Baru', kind: 'national_holiday', source: 'SKB x' },
            { date: '2027-05-01', name: ' ', kind: 'national_holiday', source: 'SKB y' },
            { date: '2027-05-01', name: ' ', kind: 'national_holiday', source: 'SKB y' },
          ],
        },
        { year: 2027, decrees: [], entries: [] },
      ],
    };
    try {
      validateHolidayTable(broken);
      throw new Error('expected InvalidHolidayData');
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidHolidayData);
      expect((error as InvalidHolidayData).details?.['problems']).toEqual([
        'version must be a positive whole number; got 0',
        '2027: decree "SKB x" amends "SKB missing", which is not listed before it',
        '2027: decree "SKB x" has an invalid signedOn "2027-13-01"',
        '2027: entry 2028-01-01 "Tahun Baru" is not in 2027',
        '2027: entry 2027-05-01 " " has no name',
        `2027: entry 2027-05-01 " " cites "SKB y", which is not one of the year's decrees`,
        '2027: entry 2027-05-01 " " has no name',
        `2027: entry 2027-05-01 " " cites "SKB y", which is not one of the year's decrees`,
        '2027: entry 2027-05-01 " " appears twice',
        'year 2027 appears more than once',
        '2027 has no decree',
      ]);
    }
  });
});
