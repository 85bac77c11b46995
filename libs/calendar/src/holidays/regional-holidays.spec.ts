import { BusinessCalendar } from '../business-calendar';
import { InvalidHolidayData } from '../calendar-errors';
import { holidaysFor } from './holiday-table';
import { mergeHolidays, observesRegionalHoliday, type RegionalHoliday } from './regional-holidays';

const bali: RegionalHoliday = {
  date: '2025-04-23',
  name: 'Hari Raya Galungan',
  regionCode: '51',
  source: 'Keputusan Gubernur Bali (example)',
};
const kukar: RegionalHoliday = {
  date: '2025-09-29',
  name: 'Hari Jadi Kabupaten Kutai Kartanegara',
  regionCode: '64.02',
  source: 'Keputusan Bupati Kutai Kartanegara (example)',
};
const balikpapan: RegionalHoliday = {
  date: '2025-02-10',
  name: 'Hari Jadi Kota Balikpapan',
  regionCode: '64.71',
  source: 'Keputusan Wali Kota Balikpapan (example)',
};

describe('observesRegionalHoliday', () => {
  it('matches the region itself and the regions that contain it, by whole segments', () => {
    expect(observesRegionalHoliday('64.02', '64.02')).toBe(true);
    expect(observesRegionalHoliday('64.02', '64')).toBe(true);
    expect(observesRegionalHoliday('64', '64')).toBe(true);
    expect(observesRegionalHoliday('64', '64.02')).toBe(false);
    expect(observesRegionalHoliday('64.71', '64.02')).toBe(false);
    expect(observesRegionalHoliday('64.02', '6')).toBe(false);
    expect(observesRegionalHoliday(undefined, '64')).toBe(false);
  });
});

describe('mergeHolidays', () => {
  const national = holidaysFor(2025).entries;

  it("adds the agency's regional holidays to the national ones, sorted by date", () => {
    const merged = mergeHolidays(national, [bali, kukar, balikpapan], '64.02');
    expect(merged).toHaveLength(national.length + 1);
    expect(merged.filter((holiday) => holiday.kind === 'regional_holiday')).toEqual([
      { ...kukar, kind: 'regional_holiday' },
    ]);
    const dates = merged.map((holiday) => holiday.date);
    expect(dates).toEqual([...dates].sort());
  });

  it('gives a national agency (no region) the national holidays only', () => {
    expect(mergeHolidays(national, [bali, kukar], undefined)).toEqual(national);
  });

  it('drops exact repeats but keeps different holidays on one date', () => {
    const sameDay: RegionalHoliday = {
      ...bali,
      date: '2025-03-29',
      name: 'Hari Raya Nyepi (regional)',
    };
    const merged = mergeHolidays([...national, ...national], [bali, bali, sameDay], '51.71');
    expect(merged).toHaveLength(national.length + 2);
    expect(
      merged.filter((holiday) => holiday.date === '2025-03-29').map((holiday) => holiday.kind),
    ).toEqual(['national_holiday', 'regional_holiday']);
  });

  it.each<[string, RegionalHoliday]>([
    ['a bad date', { ...bali, date: '2025-02-30' }],
    ['a bad region code', { ...bali, regionCode: '5.1' }],
    ['no name', { ...bali, name: '' }],
    ['no source', { ...bali, source: ' ' }],
  ])('refuses a regional holiday with %s', (_reason, holiday) => {
    expect(() => mergeHolidays(national, [holiday], '51')).toThrow(InvalidHolidayData);
  });

  it('feeds a calendar that then skips the regional holiday', () => {
    const calendar = new BusinessCalendar({
      timeZone: 'Asia/Makassar',
      holidays: mergeHolidays(national, [bali], '51.71'),
    });
    expect(calendar.isWorkingDay('2025-04-23')).toBe(false);
    expect(calendar.addDuration(new Date('2025-04-22T10:00:00+08:00'), 'P1D')).toEqual(
      new Date('2025-04-24T16:00:00+08:00'),
    );
  });
});
