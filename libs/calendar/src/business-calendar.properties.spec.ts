import fc from 'fast-check';
import { BusinessCalendar, type BusinessTimeOptions } from './business-calendar';
import { holidaysFor } from './holidays/holiday-table';
import { WEEKDAYS, type WorkingInterval, type WorkingWeek } from './working-week';

const HOUR = 3_600_000;
const national = [...holidaysFor(2025).entries, ...holidaysFor(2026).entries];

/** Instants from mid-2024 to mid-2027, so both decreed years and their edges are covered. */
const instant = fc.integer({ min: Date.UTC(2024, 5, 1), max: Date.UTC(2027, 5, 1) });
/** Up to 40 working days of 8 hours, to the millisecond. */
const workingTime = fc.integer({ min: 0, max: 40 * 8 * HOUR });
const zone = fc.constantFrom('Asia/Jakarta', 'Asia/Pontianak', 'Asia/Makassar', 'Asia/Jayapura');

const hhmm = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** A weekday's hours: zero to three disjoint intervals on a 15-minute grid, 24:00 allowed. */
const dayHours: fc.Arbitrary<WorkingInterval[]> = fc
  .uniqueArray(fc.integer({ min: 0, max: 96 }), { maxLength: 6 })
  .map((bounds) => {
    const sorted = [...bounds].sort((a, b) => a - b);
    const intervals: WorkingInterval[] = [];
    for (let i = 0; i + 1 < sorted.length; i += 2) {
      intervals.push({ start: hhmm(sorted[i] * 15), end: hhmm(sorted[i + 1] * 15) });
    }
    return intervals;
  });

const workingWeek: fc.Arbitrary<WorkingWeek> = fc
  .tuple(...WEEKDAYS.map(() => dayHours))
  .filter((days) => days.some((hours) => hours.length > 0))
  .map((days) => Object.fromEntries(WEEKDAYS.map((weekday, i) => [weekday, days[i]])));

/**
 * Random business calendars: any Indonesian zone, any week, the national holidays plus random
 * extra ones. The options are generated rather than the calendar, so a counterexample prints them.
 */
const businessCalendarOptions: fc.Arbitrary<BusinessTimeOptions> = fc
  .record({
    timeZone: zone,
    workingWeek: fc.oneof(fc.constant(undefined), workingWeek),
    extra: fc.uniqueArray(fc.integer({ min: 0, max: 3 * 366 }), { maxLength: 40 }),
  })
  .map(({ timeZone, workingWeek: week, extra }) => ({
    timeZone,
    ...(week ? { workingWeek: week } : {}),
    holidays: [
      ...national.map((entry) => entry.date),
      ...extra.map((day) =>
        new Date(Date.UTC(2024, 5, 1) + day * 86_400_000).toISOString().slice(0, 10),
      ),
    ],
  }));

describe('BusinessCalendar properties', () => {
  it('measuring the working time just added gives it back', () => {
    fc.assert(
      fc.property(businessCalendarOptions, instant, workingTime, (options, t, d) => {
        const calendar = new BusinessCalendar(options);
        expect(calendar.workingTimeBetween(t, calendar.addWorkingTime(t, d))).toBe(d);
      }),
    );
  });

  it('adding more working time never gives an earlier deadline', () => {
    fc.assert(
      fc.property(
        businessCalendarOptions,
        instant,
        workingTime,
        workingTime,
        (options, t, a, b) => {
          const calendar = new BusinessCalendar(options);
          const [small, large] = a <= b ? [a, b] : [b, a];
          expect(calendar.addWorkingTime(t, small).getTime()).toBeLessThanOrEqual(
            calendar.addWorkingTime(t, large).getTime(),
          );
        },
      ),
    );
  });

  it('the deadline is the earliest instant: the millisecond before it is working time', () => {
    fc.assert(
      fc.property(businessCalendarOptions, instant, workingTime, (options, t, d) => {
        const calendar = new BusinessCalendar(options);
        fc.pre(d > 0);
        const deadline = calendar.addWorkingTime(t, d).getTime();
        expect(calendar.isWorkingTime(deadline - 1)).toBe(true);
        expect(calendar.workingTimeBetween(t, deadline - 1)).toBe(d - 1);
      }),
    );
  });

  it('isWorkingTime agrees with workingTimeBetween over one millisecond', () => {
    fc.assert(
      fc.property(businessCalendarOptions, instant, (options, t) => {
        const calendar = new BusinessCalendar(options);
        expect(calendar.isWorkingTime(t)).toBe(calendar.workingTimeBetween(t, t + 1) === 1);
      }),
    );
  });

  it('working time adds up over consecutive spans and changes sign when reversed', () => {
    fc.assert(
      fc.property(businessCalendarOptions, instant, instant, instant, (options, a, b, c) => {
        const calendar = new BusinessCalendar(options);
        const ab = calendar.workingTimeBetween(a, b);
        expect(ab + calendar.workingTimeBetween(b, c)).toBe(calendar.workingTimeBetween(a, c));
        expect(calendar.workingTimeBetween(b, a)).toBe(0 - ab); // 0 - 0 is +0: no negative zero
      }),
    );
  });

  it('n working days end at a close of business, later starts never end earlier, and idle time changes nothing', () => {
    fc.assert(
      fc.property(
        businessCalendarOptions,
        instant,
        instant,
        fc.integer({ min: 1, max: 30 }),
        (options, a, b, n) => {
          const calendar = new BusinessCalendar(options);
          const [early, late] = a <= b ? [a, b] : [b, a];
          const deadline = calendar.addWorkingDays(early, n).getTime();
          expect(calendar.isWorkingTime(deadline - 1)).toBe(true);
          expect(deadline).toBeLessThanOrEqual(calendar.addWorkingDays(late, n).getTime());
          if (calendar.workingTimeBetween(early, late) === 0) {
            expect(calendar.addWorkingDays(late, n).getTime()).toBe(deadline);
          }
        },
      ),
    );
  });

  it('with the default week, n working days leave between n and n + 1 working days of time', () => {
    fc.assert(
      fc.property(zone, instant, fc.integer({ min: 1, max: 30 }), (timeZone, t, n) => {
        const calendar = new BusinessCalendar({ timeZone, holidays: national });
        const granted = calendar.workingTimeBetween(t, calendar.addWorkingDays(t, n));
        expect(granted).toBeGreaterThanOrEqual(n * 8 * HOUR);
        expect(granted).toBeLessThan((n + 1) * 8 * HOUR);
      }),
    );
  });

  it('in 24x7 mode working time is elapsed time, to the second', () => {
    fc.assert(
      fc.property(
        zone,
        instant,
        fc.integer({ min: 0, max: 10_000_000 }),
        (timeZone, t, seconds) => {
          const calendar = BusinessCalendar.roundTheClock(timeZone);
          const deadline = calendar.addDuration(t, `PT${seconds}S`);
          expect(deadline.getTime()).toBe(t + seconds * 1_000);
          expect(calendar.workingTimeBetween(t, deadline)).toBe(seconds * 1_000);
        },
      ),
    );
  });
});
