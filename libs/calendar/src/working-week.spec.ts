import { InvalidWorkingWeek } from './calendar-errors';
import { compileWorkingWeek, DEFAULT_WORKING_WEEK, type WorkingWeek } from './working-week';

const MINUTE = 60_000;

describe('compileWorkingWeek', () => {
  it('compiles the default week to Monday–Friday 08:00–16:00', () => {
    const week = compileWorkingWeek(DEFAULT_WORKING_WEEK);
    expect(week.slice(0, 5)).toEqual(Array(5).fill([480 * MINUTE, 960 * MINUTE]));
    expect(week.slice(5)).toEqual([[], []]);
  });

  it('sorts intervals, merges touching ones and accepts 24:00 as an end', () => {
    const week = compileWorkingWeek({
      monday: [
        { start: '13:00', end: '16:00' },
        { start: '08:00', end: '12:00' },
      ],
      saturday: [
        { start: '08:00', end: '10:00' },
        { start: '10:00', end: '12:00' },
      ],
      sunday: [{ start: '22:00', end: '24:00' }],
    });
    expect(week[0]).toEqual([480 * MINUTE, 720 * MINUTE, 780 * MINUTE, 960 * MINUTE]);
    expect(week[5]).toEqual([480 * MINUTE, 720 * MINUTE]);
    expect(week[6]).toEqual([1320 * MINUTE, 1440 * MINUTE]);
  });

  it.each<[string, WorkingWeek, RegExp]>([
    ['an empty week', {}, /no working hours/],
    ['a badly written time', { monday: [{ start: '8:00', end: '16:00' }] }, /monday\[0\]\.start/],
    ['24:00 as a start', { monday: [{ start: '24:00', end: '24:00' }] }, /monday\[0\]\.start/],
    ['minutes past 59', { monday: [{ start: '08:60', end: '16:00' }] }, /HH:mm/],
    [
      'an end before the start',
      { monday: [{ start: '16:00', end: '08:00' }] },
      /ends \(08:00\) before/,
    ],
    ['an empty interval', { monday: [{ start: '08:00', end: '08:00' }] }, /before it starts/],
    [
      'overlapping intervals',
      {
        monday: [
          { start: '08:00', end: '12:00' },
          { start: '11:00', end: '16:00' },
        ],
      },
      /overlapping/,
    ],
    ['an unknown weekday', { Monday: [] } as unknown as WorkingWeek, /"Monday" is not a weekday/],
  ])('refuses %s', (_name, week, reason) => {
    expect(() => compileWorkingWeek(week)).toThrow(InvalidWorkingWeek);
    expect(() => compileWorkingWeek(week)).toThrow(reason);
  });
});
