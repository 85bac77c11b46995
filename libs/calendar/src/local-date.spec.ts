import { InvalidLocalDate } from './calendar-errors';
import { easterSundayOf, formatLocalDate, isoWeekdayOf, parseLocalDate } from './local-date';

describe('local dates', () => {
  it('round-trips YYYY-MM-DD through day numbers', () => {
    for (const date of ['1900-01-01', '1970-01-01', '2024-02-29', '2025-12-31', '9999-12-31']) {
      expect(formatLocalDate(parseLocalDate(date))).toBe(date);
    }
    expect(parseLocalDate('1970-01-02')).toBe(1);
  });

  it('knows the weekday (1 Monday … 7 Sunday)', () => {
    expect(isoWeekdayOf(parseLocalDate('1970-01-01'))).toBe(4);
    expect(isoWeekdayOf(parseLocalDate('2025-03-31'))).toBe(1);
    expect(isoWeekdayOf(parseLocalDate('2026-03-21'))).toBe(6);
    expect(isoWeekdayOf(parseLocalDate('1969-12-28'))).toBe(7);
  });

  it.each([
    '2025-02-29',
    '2025-13-01',
    '2025-00-10',
    '2025-1-1',
    '25-01-01',
    '2025-01-01T00:00',
    '',
  ])('refuses %j', (text) => {
    expect(() => parseLocalDate(text)).toThrow(InvalidLocalDate);
  });

  it('refuses dates before 1900 and values that are not strings', () => {
    expect(() => parseLocalDate('1899-12-31')).toThrow(/between 1900-01-01 and 9999-12-31/);
    expect(() => parseLocalDate(20250101)).toThrow(InvalidLocalDate);
  });
});

describe('Easter', () => {
  it.each([
    [1943, '1943-04-25'],
    [2008, '2008-03-23'],
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'],
    [2285, '2285-03-22'],
  ])('falls in %i on %s', (year, date) => {
    expect(formatLocalDate(easterSundayOf(year))).toBe(date);
  });
});
