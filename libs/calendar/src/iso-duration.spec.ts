import { InvalidDuration } from './calendar-errors';
import { isoDurationTimeMs, parseIsoDuration } from './iso-duration';

describe('parseIsoDuration', () => {
  it.each([
    ['P5D', { days: 5 }, 0],
    ['P10D', { days: 10 }, 0],
    ['PT4H', { hours: 4 }, 4 * 3_600_000],
    ['PT30S', { seconds: 30 }, 30_000],
    ['P1DT4H', { days: 1, hours: 4 }, 4 * 3_600_000],
    [
      'P1Y2M3W4DT5H6M7S',
      { years: 1, months: 2, weeks: 3, days: 4, hours: 5, minutes: 6, seconds: 7 },
      18_367_000,
    ],
    ['PT1.5H', { hours: 1.5 }, 5_400_000],
    ['PT0,5S', { seconds: 0.5 }, 500],
    ['PT0.001S', { seconds: 0.001 }, 1],
    ['P0D', { days: 0 }, 0],
    ['PT36H', { hours: 36 }, 36 * 3_600_000],
  ])('reads %s', (text, components, timeMs) => {
    const parsed = parseIsoDuration(text);
    expect(parsed).toEqual({
      text,
      years: 0,
      months: 0,
      weeks: 0,
      days: 0,
      hours: 0,
      minutes: 0,
      seconds: 0,
      ...components,
    });
    expect(isoDurationTimeMs(parsed)).toBe(timeMs);
  });

  it.each([
    ['', /it is empty/],
    ['5D', /starts with "P"/],
    ['P', /has no component/],
    ['PT', /"T" must be followed/],
    ['P5DT', /"T" must be followed/],
    ['-P5D', /sign is not allowed/],
    ['p5d', /upper case/],
    ['P5', /has no unit designator/],
    ['P5X', /unknown unit "X" at position 2/],
    ['P4H', /"H" is a time unit and must follow "T" \(PT4H\)/],
    ['PT4D', /after "T" use H, M or S/],
    ['P1D2Y', /out of order/],
    ['P1D1D', /repeated or out of order/],
    ['PT1M1H', /out of order; the order is H, M, S/],
    ['P1.5D', /fractions are allowed only in hours, minutes or seconds/],
    ['PT1.5H30M', /only the last component may have a fraction/],
    ['PT0.0001S', /finer than a millisecond/],
    ['PTH', /expected a number at position 2/],
    ['P1DTT1H', /"T" appears twice/],
    ['P50000D', /longer than the supported maximum/],
    ['P 5D', /expected a number at position 1/],
  ])('refuses %j with a message saying why', (text, reason) => {
    expect(() => parseIsoDuration(text)).toThrow(InvalidDuration);
    expect(() => parseIsoDuration(text)).toThrow(reason);
  });

  it('puts the text and position in the error details', () => {
    try {
      parseIsoDuration('P5X');
      throw new Error('expected InvalidDuration');
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidDuration);
      expect((error as InvalidDuration).code).toBe('InvalidDuration');
      expect((error as InvalidDuration).details).toEqual({ duration: 'P5X', position: 2 });
    }
  });
});
