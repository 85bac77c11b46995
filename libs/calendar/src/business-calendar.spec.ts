import { BusinessCalendar } from './business-calendar';
import {
  CalendarRangeExceeded,
  InvalidDuration,
  InvalidInstant,
  InvalidLocalDate,
  InvalidTimeZone,
  InvalidWorkingWeek,
} from './calendar-errors';
import { holidaysFor } from './holidays/holiday-table';

const HOUR = 3_600_000;

/** Instants written in local time: `wib('2025-06-02T10:00')`. */
const wib = (local: string): Date => new Date(`${local}:00+07:00`);
const wita = (local: string): Date => new Date(`${local}:00+08:00`);
const wit = (local: string): Date => new Date(`${local}:00+09:00`);

const national = [...holidaysFor(2025).entries, ...holidaysFor(2026).entries];
const agencyIn = (timeZone: string): BusinessCalendar =>
  new BusinessCalendar({ timeZone, holidays: national });

const jakarta = agencyIn('Asia/Jakarta');
const makassar = agencyIn('Asia/Makassar');
const jayapura = agencyIn('Asia/Jayapura');

describe('BusinessCalendar: working time', () => {
  it('counts [08:00, 16:00) on weekdays as working time, and no weekend or holiday', () => {
    expect(jakarta.isWorkingTime(wib('2025-06-02T08:00'))).toBe(true);
    expect(jakarta.isWorkingTime(wib('2025-06-02T15:59').getTime() + 59_999)).toBe(true);
    expect(jakarta.isWorkingTime(wib('2025-06-02T16:00'))).toBe(false);
    expect(jakarta.isWorkingTime(wib('2025-06-02T08:00').getTime() - 1)).toBe(false);
    expect(jakarta.isWorkingTime(wib('2025-05-31T10:00'))).toBe(false); // Saturday
    expect(jakarta.isWorkingTime(wib('2025-06-06T10:00'))).toBe(false); // Iduladha
    expect(jakarta.isWorkingTime(wib('2025-06-09T10:00'))).toBe(false); // its cuti bersama
  });

  it('adds working time across evenings, weekends and holidays', () => {
    expect(jakarta.addWorkingTime(wib('2025-06-02T10:00'), 2 * HOUR)).toEqual(
      wib('2025-06-02T12:00'),
    );
    expect(jakarta.addWorkingTime(wib('2025-06-02T15:00'), 2 * HOUR)).toEqual(
      wib('2025-06-03T09:00'),
    );
    // Friday 5 June → Thursday, then Iduladha, the weekend and cuti bersama until Tuesday.
    expect(jakarta.addWorkingTime(wib('2025-06-05T15:00'), 2 * HOUR)).toEqual(
      wib('2025-06-10T09:00'),
    );
    expect(jakarta.addWorkingTime(wib('2025-05-31T21:00'), 4 * HOUR)).toEqual(
      wib('2025-06-02T12:00'),
    );
  });

  it('ends at closing time when the duration uses the day up exactly', () => {
    expect(jakarta.addWorkingTime(wib('2025-06-13T15:00'), HOUR)).toEqual(wib('2025-06-13T16:00'));
    expect(jakarta.addWorkingTime(wib('2025-06-13T17:00'), 8 * HOUR)).toEqual(
      wib('2025-06-16T16:00'),
    );
  });

  it('returns the start itself for zero working time', () => {
    expect(jakarta.addWorkingTime(wib('2025-05-31T21:00'), 0)).toEqual(wib('2025-05-31T21:00'));
  });

  it('measures working time between two instants, signed', () => {
    expect(jakarta.workingTimeBetween(wib('2025-06-13T15:00'), wib('2025-06-16T09:00'))).toBe(
      2 * HOUR,
    );
    expect(jakarta.workingTimeBetween(wib('2025-06-16T09:00'), wib('2025-06-13T15:00'))).toBe(
      -2 * HOUR,
    );
    expect(jakarta.workingTimeBetween(wib('2025-06-14T09:00'), wib('2025-06-15T20:00'))).toBe(0);
    expect(jakarta.workingTimeBetween(wib('2025-06-02T08:00'), wib('2025-06-02T08:00'))).toBe(0);
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])(
    'refuses %p ms of working time',
    (ms) => {
      expect(() => jakarta.addWorkingTime(wib('2025-06-02T08:00'), ms)).toThrow(InvalidDuration);
    },
  );
});

describe('BusinessCalendar: n working days (hari kerja)', () => {
  it('leaves a day started during working hours uncounted and ends at close of the n-th day after', () => {
    expect(jakarta.addWorkingDays(wib('2025-06-02T10:00'), 3)).toEqual(wib('2025-06-05T16:00'));
    // Iduladha (Fri 6 June) and its cuti bersama (Mon 9 June) are skipped.
    expect(jakarta.addWorkingDays(wib('2025-06-02T10:00'), 5)).toEqual(wib('2025-06-11T16:00'));
  });

  it('counts the start day when the start is before opening (or at it)', () => {
    expect(jakarta.addWorkingDays(wib('2025-06-02T06:00'), 3)).toEqual(wib('2025-06-04T16:00'));
    expect(jakarta.addWorkingDays(wib('2025-06-02T08:00'), 3)).toEqual(wib('2025-06-04T16:00'));
    expect(jakarta.addWorkingDays(wib('2025-06-02T08:01'), 3)).toEqual(wib('2025-06-05T16:00'));
  });

  it('counts from the next working day after an evening start', () => {
    expect(jakarta.addWorkingDays(wib('2025-06-02T18:30'), 3)).toEqual(wib('2025-06-05T16:00'));
    expect(jakarta.addWorkingDays(wib('2025-06-02T16:00'), 1)).toEqual(wib('2025-06-03T16:00'));
  });

  it('gives a weekend start the same deadline as Friday after close and Monday before opening', () => {
    const deadline = wib('2025-06-04T16:00');
    expect(jakarta.addWorkingDays(wib('2025-05-30T16:00'), 3)).toEqual(deadline);
    expect(jakarta.addWorkingDays(wib('2025-05-31T11:00'), 3)).toEqual(deadline);
    expect(jakarta.addWorkingDays(wib('2025-06-01T23:59'), 3)).toEqual(deadline);
    expect(jakarta.addWorkingDays(wib('2025-06-02T07:00'), 3)).toEqual(deadline);
  });

  it('counts from the next working day after a start on a holiday', () => {
    // Iduladha, Friday 6 June 2025; Monday 9 June is cuti bersama.
    expect(jakarta.addWorkingDays(wib('2025-06-06T10:00'), 3)).toEqual(wib('2025-06-12T16:00'));
  });

  it('returns the start itself for zero days and refuses fractions and negatives', () => {
    expect(jakarta.addWorkingDays(wib('2025-06-02T10:00'), 0)).toEqual(wib('2025-06-02T10:00'));
    expect(() => jakarta.addWorkingDays(wib('2025-06-02T10:00'), -1)).toThrow(InvalidDuration);
    expect(() => jakarta.addWorkingDays(wib('2025-06-02T10:00'), 1.5)).toThrow(InvalidDuration);
    expect(() => jakarta.addWorkingDays(wib('2025-06-02T10:00'), 40_000)).toThrow(InvalidDuration);
  });

  it('reaches far deadlines by whole days (no minute stepping)', () => {
    const start = wib('2025-01-06T10:00');
    const deadline = jakarta.addWorkingDays(start, 400);
    // 400 working days + the rest of the first day; the years after 2026 have no decree, so
    // only their computed holidays apply.
    expect(jakarta.workingTimeBetween(start, deadline)).toBe(400 * 8 * HOUR + 6 * HOUR);
  });
});

describe('BusinessCalendar: Idul Fitri weeks with cuti bersama', () => {
  it('2025 (Idulfitri 31 March–1 April; Nyepi 29 March; cuti bersama 28 March, 2–4 and 7 April)', () => {
    for (const date of [
      '2025-03-28',
      '2025-03-31',
      '2025-04-01',
      '2025-04-02',
      '2025-04-03',
      '2025-04-04',
      '2025-04-07',
    ]) {
      expect(jakarta.isWorkingDay(date)).toBe(false);
    }
    expect(jakarta.isWorkingDay('2025-03-27')).toBe(true);
    expect(jakarta.isWorkingDay('2025-04-08')).toBe(true);
    expect(jakarta.workingTimeBetween(wib('2025-03-27T16:00'), wib('2025-04-08T08:00'))).toBe(0);
    // A complaint verified Thursday morning: day 1 is Tuesday 8 April.
    expect(jakarta.addWorkingDays(wib('2025-03-27T09:00'), 3)).toEqual(wib('2025-04-10T16:00'));
    expect(jakarta.addDuration(wib('2025-03-27T09:00'), 'P5D')).toEqual(wib('2025-04-14T16:00'));
    expect(jakarta.addWorkingTime(wib('2025-03-27T15:00'), 2 * HOUR)).toEqual(
      wib('2025-04-08T09:00'),
    );
  });

  it('2026 (cuti Nyepi 18, Nyepi 19, cuti 20, Idulfitri 21–22, cuti 23–24 March)', () => {
    for (const date of ['2026-03-18', '2026-03-19', '2026-03-20', '2026-03-23', '2026-03-24']) {
      expect(makassar.isWorkingDay(date)).toBe(false);
    }
    expect(makassar.isWorkingDay('2026-03-17')).toBe(true);
    expect(makassar.isWorkingDay('2026-03-25')).toBe(true);
    // Five working days from Tuesday 17 March: 25, 26, 27, 30 and 31 March.
    expect(makassar.addWorkingDays(wita('2026-03-17T10:00'), 5)).toEqual(wita('2026-03-31T16:00'));
    // An information request (10 working days) received during the holiday itself.
    expect(makassar.addDuration(wita('2026-03-21T09:00'), 'P10D')).toEqual(
      wita('2026-04-08T16:00'),
    );
  });
});

describe('BusinessCalendar: zones across the year boundary', () => {
  it('in Asia/Jayapura a deadline started 30 December 2025 skips New Year 2026', () => {
    const deadline = jayapura.addWorkingDays(wit('2025-12-30T10:00'), 3);
    expect(deadline).toEqual(wit('2026-01-05T16:00'));
    expect(deadline.toISOString()).toBe('2026-01-05T07:00:00.000Z');
    expect(jayapura.addWorkingTime(wit('2025-12-31T15:00'), 2 * HOUR)).toEqual(
      wit('2026-01-02T09:00'),
    );
  });

  it('knows New Year has begun in WIT while it is still 31 December in UTC and WIB', () => {
    const instant = new Date('2025-12-31T16:00:00Z');
    expect(jayapura.localDateOf(instant)).toBe('2026-01-01');
    expect(jakarta.localDateOf(instant)).toBe('2025-12-31');
    expect(jayapura.isWorkingDay('2026-01-01')).toBe(false);
  });

  it('gives the same UTC instant different deadlines on either side of New Year', () => {
    const instant = new Date('2025-12-31T00:30:00Z'); // 07:30 WIB (before opening), 09:30 WIT
    expect(jakarta.addWorkingDays(instant, 1)).toEqual(wib('2025-12-31T16:00'));
    expect(jayapura.addWorkingDays(instant, 1)).toEqual(wit('2026-01-02T16:00'));
  });
});

describe('BusinessCalendar: WIB, WITA and WIT', () => {
  it('applies the same local rule in each zone, so UTC deadlines are an hour apart', () => {
    expect(jakarta.addWorkingDays(wib('2025-06-02T10:00'), 3).toISOString()).toBe(
      '2025-06-05T09:00:00.000Z',
    );
    expect(makassar.addWorkingDays(wita('2025-06-02T10:00'), 3).toISOString()).toBe(
      '2025-06-05T08:00:00.000Z',
    );
    expect(jayapura.addWorkingDays(wit('2025-06-02T10:00'), 3).toISOString()).toBe(
      '2025-06-05T07:00:00.000Z',
    );
  });

  it('answers one UTC instant differently depending on where the agency is', () => {
    const instant = new Date('2025-06-02T01:00:00Z'); // 08:00 WIB, 09:00 WITA, 10:00 WIT
    expect(jakarta.addWorkingDays(instant, 2)).toEqual(wib('2025-06-03T16:00'));
    expect(makassar.addWorkingDays(instant, 2)).toEqual(wita('2025-06-04T16:00'));
    expect(jayapura.addWorkingDays(instant, 2)).toEqual(wit('2025-06-04T16:00'));
    expect(jakarta.workingTimeBetween(instant, new Date('2025-06-02T09:00:00Z'))).toBe(8 * HOUR);
    expect(jayapura.workingTimeBetween(instant, new Date('2025-06-02T09:00:00Z'))).toBe(6 * HOUR);
  });

  it('treats Asia/Pontianak (West and Central Kalimantan) as WIB', () => {
    const pontianak = agencyIn('Asia/Pontianak');
    expect(pontianak.addDuration(wib('2025-06-02T10:00'), 'P3D')).toEqual(wib('2025-06-05T16:00'));
  });
});

describe('BusinessCalendar: addDuration', () => {
  it('reads days as working days and hours, minutes and seconds as working time', () => {
    expect(jakarta.addDuration(wib('2025-06-02T10:00'), 'P5D')).toEqual(
      jakarta.addWorkingDays(wib('2025-06-02T10:00'), 5),
    );
    expect(jakarta.addDuration(wib('2025-06-13T14:00'), 'PT4H')).toEqual(wib('2025-06-16T10:00'));
    expect(jakarta.addDuration(wib('2025-06-13T15:59'), 'PT30S')).toEqual(
      new Date(wib('2025-06-13T15:59').getTime() + 30_000),
    );
    expect(jakarta.addDuration(wib('2025-06-13T15:59'), 'PT90S')).toEqual(
      new Date(wib('2025-06-16T08:00').getTime() + 30_000),
    );
    // Days first, then time: Monday 10:00 + 1 working day = Tuesday 16:00, + 4 h = Wednesday 12:00.
    expect(jakarta.addDuration(wib('2025-06-02T10:00'), 'P1DT4H')).toEqual(wib('2025-06-04T12:00'));
    expect(jakarta.addDuration(wib('2025-06-02T10:00'), 'P0D')).toEqual(wib('2025-06-02T10:00'));
  });

  it('accepts a parsed duration as well as text', () => {
    const start = wib('2025-06-02T10:00');
    expect(
      jakarta.addDuration(start, {
        text: 'PT1H',
        years: 0,
        months: 0,
        weeks: 0,
        days: 0,
        hours: 1,
        minutes: 0,
        seconds: 0,
      }),
    ).toEqual(wib('2025-06-02T11:00'));
  });

  it.each(['P1M', 'P1Y', 'P2W'])('refuses %s in business time', (duration) => {
    expect(() => jakarta.addDuration(wib('2025-06-02T10:00'), duration)).toThrow(
      /no length in business time/,
    );
  });

  it.each(['P5', '5D', 'PT-1H', 'P1.5D'])('refuses the invalid duration %s', (duration) => {
    expect(() => jakarta.addDuration(wib('2025-06-02T10:00'), duration)).toThrow(InvalidDuration);
  });
});

describe('BusinessCalendar: 24x7', () => {
  const always = BusinessCalendar.roundTheClock('Asia/Jakarta');

  it('counts every instant, weekends and holidays included', () => {
    expect(always.mode).toBe('24x7');
    expect(always.isWorkingTime(wib('2025-03-31T03:00'))).toBe(true);
    expect(always.isWorkingDay('2025-03-31')).toBe(true);
    expect(always.workingTimeBetween(wib('2025-03-28T16:00'), wib('2025-04-08T08:00'))).toBe(
      256 * HOUR,
    );
  });

  it('adds seconds, hours and days literally', () => {
    const start = wib('2025-12-31T23:59');
    expect(always.addDuration(start, 'PT30S')).toEqual(new Date(start.getTime() + 30_000));
    expect(always.addDuration(start, 'PT0.5S')).toEqual(new Date(start.getTime() + 500));
    expect(always.addDuration(start, 'PT61S').toISOString()).toBe('2025-12-31T17:00:01.000Z');
    expect(always.addDuration(start, 'P5D')).toEqual(wib('2026-01-05T23:59'));
    expect(always.addDuration(start, 'P2W')).toEqual(wib('2026-01-14T23:59'));
    expect(always.addDuration(start, 'P60D')).toEqual(wib('2026-03-01T23:59'));
    expect(always.addWorkingDays(start, 2)).toEqual(wib('2026-01-02T23:59'));
    expect(always.addWorkingTime(start, 1_000)).toEqual(new Date(start.getTime() + 1_000));
  });

  it('adds months and years on the local calendar, clamping to the month end', () => {
    expect(always.addDuration(wib('2026-01-31T10:00'), 'P1M')).toEqual(wib('2026-02-28T10:00'));
    expect(always.addDuration(wib('2024-02-29T10:00'), 'P1Y')).toEqual(wib('2025-02-28T10:00'));
    expect(always.addDuration(wib('2025-11-30T10:00'), 'P1M1DT1H')).toEqual(
      wib('2025-12-31T11:00'),
    );
  });
});

describe('BusinessCalendar: other working weeks', () => {
  it('supports Saturday service and a lunch break', () => {
    const office = new BusinessCalendar({
      timeZone: 'Asia/Makassar',
      holidays: national,
      workingWeek: {
        monday: [
          { start: '08:00', end: '12:00' },
          { start: '13:00', end: '16:00' },
        ],
        saturday: [{ start: '08:00', end: '12:00' }],
      },
    });
    expect(office.isWorkingTime(wita('2025-06-02T12:30'))).toBe(false);
    expect(office.isWorkingTime(wita('2025-06-07T11:00'))).toBe(true);
    expect(office.addWorkingTime(wita('2025-06-02T11:00'), 2 * HOUR)).toEqual(
      wita('2025-06-02T14:00'),
    );
    // Monday 2 June during hours: day 1 is Saturday 7 June (closes 12:00), day 2 Monday 9 June
    // is cuti bersama, so day 2 is Saturday 14 June.
    expect(office.addWorkingDays(wita('2025-06-02T09:00'), 1)).toEqual(wita('2025-06-07T12:00'));
    expect(office.addWorkingDays(wita('2025-06-02T09:00'), 2)).toEqual(wita('2025-06-14T12:00'));
    // Lunch counts as "during working hours": Monday is not counted.
    expect(office.addWorkingDays(wita('2025-06-16T12:30'), 1)).toEqual(wita('2025-06-21T12:00'));
  });

  it('follows the wall clock through a daylight-saving change in a zone that has one', () => {
    const allDay = [{ start: '00:00', end: '24:00' }];
    const berlin = new BusinessCalendar({
      timeZone: 'Europe/Berlin',
      workingWeek: { sunday: allDay },
    });
    expect(
      berlin.workingTimeBetween(new Date('2025-03-29T00:00:00Z'), new Date('2025-03-31T00:00:00Z')),
    ).toBe(23 * HOUR);
    expect(
      berlin.workingTimeBetween(new Date('2025-10-25T00:00:00Z'), new Date('2025-10-27T00:00:00Z')),
    ).toBe(25 * HOUR);
  });
});

describe('BusinessCalendar: invalid input', () => {
  it('refuses unknown zones, bad holidays and empty weeks', () => {
    expect(() => new BusinessCalendar({ timeZone: 'Asia/Surabaya' })).toThrow(InvalidTimeZone);
    expect(
      () => new BusinessCalendar({ timeZone: 'Asia/Jakarta', holidays: ['2025-02-30'] }),
    ).toThrow(InvalidLocalDate);
    expect(() => new BusinessCalendar({ timeZone: 'Asia/Jakarta', workingWeek: {} })).toThrow(
      InvalidWorkingWeek,
    );
  });

  it('refuses instants that are not points in time or outside 1900–9999', () => {
    expect(() => jakarta.isWorkingTime(new Date('not a date'))).toThrow(InvalidInstant);
    expect(() => jakarta.isWorkingTime(1.5)).toThrow(InvalidInstant);
    expect(() => jakarta.isWorkingTime(Date.UTC(1800, 0, 1))).toThrow(
      /outside the years 1900–9999/,
    );
  });

  it('refuses an answer past the year 9999', () => {
    const always = BusinessCalendar.roundTheClock('Asia/Jakarta');
    expect(() => always.addDuration(new Date('9999-06-01T00:00:00Z'), 'P1Y')).toThrow(
      CalendarRangeExceeded,
    );
    expect(() => jakarta.addWorkingDays(new Date('9999-12-20T00:00:00Z'), 30)).toThrow(
      CalendarRangeExceeded,
    );
  });
});
