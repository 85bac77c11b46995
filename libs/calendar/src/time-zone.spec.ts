import { InvalidTimeZone } from './calendar-errors';
import { DAY_MS } from './local-date';
import { INDONESIAN_TIME_ZONES, isValidTimeZone, TimeZoneRules } from './time-zone';

const HOUR = 3_600_000;

/** A second, independent reading of Intl: the zone's offset as it prints it, "GMT+07:00". */
function printedOffsetMs(timeZone: string, utcMs: number): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(utcMs)
    .find((part) => part.type === 'timeZoneName')!.value;
  const match = /^GMT(?:([+-])(\d{2}):(\d{2}))?$/.exec(name)!;
  if (!match[1]) return 0;
  const sign = match[1] === '-' ? -1 : 1;
  return sign * (Number(match[2]) * HOUR + Number(match[3]) * 60_000);
}

describe('TimeZoneRules', () => {
  const expected: Record<keyof typeof INDONESIAN_TIME_ZONES, number> = {
    'Asia/Jakarta': 7 * HOUR,
    'Asia/Pontianak': 7 * HOUR,
    'Asia/Makassar': 8 * HOUR,
    'Asia/Jayapura': 9 * HOUR,
  };

  it.each(Object.entries(expected))(
    '%s has the same fixed offset on every day of 2024–2027, as Intl prints it',
    (timeZone, offset) => {
      const rules = TimeZoneRules.for(timeZone);
      const from = Date.UTC(2024, 0, 1);
      const to = Date.UTC(2028, 0, 1);
      for (let t = from; t < to; t += DAY_MS) {
        // Noon and the last millisecond of each UTC day; the latter is a local date boundary too.
        for (const instant of [t + 12 * HOUR, t + DAY_MS - 1]) {
          expect(rules.offsetAt(instant)).toBe(offset);
        }
      }
      expect(printedOffsetMs(timeZone, Date.UTC(2025, 11, 31, 20))).toBe(offset);
      expect(printedOffsetMs(timeZone, Date.UTC(2026, 5, 30))).toBe(offset);
    },
  );

  it('converts local wall-clock time both ways', () => {
    const jayapura = TimeZoneRules.for('Asia/Jayapura');
    const newYearLocal = Date.UTC(2026, 0, 1, 0, 0);
    const instant = jayapura.toUtc(newYearLocal);
    expect(new Date(instant).toISOString()).toBe('2025-12-31T15:00:00.000Z');
    expect(jayapura.toLocal(instant)).toBe(newYearLocal);
  });

  it('resolves skipped and repeated local times in a zone with daylight saving time', () => {
    const berlin = TimeZoneRules.for('Europe/Berlin');
    // 2025-03-30 02:00 → 03:00: 02:30 does not exist and lands at 03:30 CEST (01:30Z).
    expect(new Date(berlin.toUtc(Date.UTC(2025, 2, 30, 2, 30))).toISOString()).toBe(
      '2025-03-30T01:30:00.000Z',
    );
    expect(new Date(berlin.toUtc(Date.UTC(2025, 2, 30, 12))).toISOString()).toBe(
      '2025-03-30T10:00:00.000Z',
    );
    // 2025-10-26 03:00 → 02:00: 02:30 happens twice; the earlier (CEST, 00:30Z) is chosen.
    expect(new Date(berlin.toUtc(Date.UTC(2025, 9, 26, 2, 30))).toISOString()).toBe(
      '2025-10-26T00:30:00.000Z',
    );
    expect(berlin.offsetAt(Date.UTC(2025, 9, 26, 0, 59))).toBe(2 * HOUR);
    expect(berlin.offsetAt(Date.UTC(2025, 9, 26, 1, 0))).toBe(HOUR);
  });

  it('refuses a zone the runtime does not know', () => {
    expect(isValidTimeZone('Asia/Jakarta')).toBe(true);
    expect(isValidTimeZone('Asia/Bandung')).toBe(false);
    expect(() => TimeZoneRules.for('Asia/Bandung')).toThrow(InvalidTimeZone);
    expect(() => TimeZoneRules.for('WIB')).toThrow(/not an IANA time zone/);
  });
});
