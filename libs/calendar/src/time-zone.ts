import { InvalidTimeZone } from './calendar-errors';
import { DAY_MS } from './local-date';

/**
 * The zones of Indonesia and their everyday names. None observes daylight saving time: WIB is
 * UTC+7, WITA UTC+8, WIT UTC+9. West and Central Kalimantan use Asia/Pontianak, which is WIB.
 */
export const INDONESIAN_TIME_ZONES = {
  'Asia/Jakarta': 'WIB',
  'Asia/Pontianak': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
} as const;

export type IndonesianTimeZone = keyof typeof INDONESIAN_TIME_ZONES;

/** Whether the runtime's IANA time-zone database knows this zone name. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** Bound on each zone's offset cache; past it the cache starts again (cheap, and rarely hit). */
const MAX_CACHED_DAYS = 20_000;

/**
 * Converts between instants and local wall-clock time in one IANA zone.
 *
 * Offsets come from `Intl.DateTimeFormat` (the runtime's time-zone database), not from a table in
 * this library, so a zone's history and any future change arrive with the runtime. Asking Intl
 * costs a few microseconds, far too much for a million deadlines, so the offset is cached per UTC
 * day: a day whose first and last millisecond have the same offset is taken to have that offset
 * throughout (no zone changes its offset twice within a day), and only a day with a transition
 * asks Intl for each instant. For the Indonesian zones every day is of the first kind.
 *
 * "Local time" below is wall-clock time written as milliseconds since 1970-01-01T00:00 local, so
 * that day arithmetic on it is plain division.
 */
export class TimeZoneRules {
  private static readonly instances = new Map<string, TimeZoneRules>();

  private readonly formatter: Intl.DateTimeFormat;
  /** UTC day number → offset in ms, or NaN when the offset changes during that day. */
  private readonly offsetsByUtcDay = new Map<number, number>();

  private constructor(readonly timeZone: string) {
    this.formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  }

  /** One shared instance per zone: building an Intl formatter is far dearer than using one. */
  static for(timeZone: string): TimeZoneRules {
    let rules = TimeZoneRules.instances.get(timeZone);
    if (!rules) {
      if (!isValidTimeZone(timeZone)) {
        throw new InvalidTimeZone(`"${timeZone}" is not an IANA time zone known to this runtime`, {
          timeZone,
        });
      }
      rules = new TimeZoneRules(timeZone);
      TimeZoneRules.instances.set(timeZone, rules);
    }
    return rules;
  }

  /** Offset of local time from UTC at an instant, in ms (WIB: +25 200 000). */
  offsetAt(utcMs: number): number {
    const utcDay = Math.floor(utcMs / DAY_MS);
    let offset = this.offsetsByUtcDay.get(utcDay);
    if (offset === undefined) {
      const first = this.offsetFromIntl(utcDay * DAY_MS);
      const last = this.offsetFromIntl(utcDay * DAY_MS + DAY_MS - 1);
      offset = first === last ? first : Number.NaN;
      if (this.offsetsByUtcDay.size >= MAX_CACHED_DAYS) this.offsetsByUtcDay.clear();
      this.offsetsByUtcDay.set(utcDay, offset);
    }
    return Number.isNaN(offset) ? this.offsetFromIntl(utcMs) : offset;
  }

  toLocal(utcMs: number): number {
    return utcMs + this.offsetAt(utcMs);
  }

  /**
   * The instant at which local clocks show `localMs`. In zones with daylight saving time a local
   * time can occur twice or not at all; this resolves like Temporal's `compatible`: the earlier of
   * two instants, and for a skipped time the instant as many minutes after the gap as it was into
   * it. Indonesian zones never hit either case.
   */
  toUtc(localMs: number): number {
    const before = this.offsetAt(localMs - DAY_MS);
    const after = this.offsetAt(localMs + DAY_MS);
    if (before === after) return localMs - before;
    const withBefore = localMs - before;
    const withAfter = localMs - after;
    const beforeFits = this.offsetAt(withBefore) === before;
    const afterFits = this.offsetAt(withAfter) === after;
    if (beforeFits && afterFits) return Math.min(withBefore, withAfter);
    if (afterFits) return withAfter;
    // Either only the earlier offset fits, or the time was skipped: reading it with the offset
    // in force before the transition lands as far past the gap as it was into it.
    return withBefore;
  }

  private offsetFromIntl(utcMs: number): number {
    const fields: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
    for (const part of this.formatter.formatToParts(utcMs)) fields[part.type] = part.value;
    const wallClock = new Date(0);
    wallClock.setUTCFullYear(Number(fields.year), Number(fields.month) - 1, Number(fields.day));
    wallClock.setUTCHours(Number(fields.hour), Number(fields.minute), Number(fields.second), 0);
    // Intl shows whole seconds, so compare with the instant truncated to its second.
    return wallClock.getTime() - Math.floor(utcMs / 1000) * 1000;
  }
}
