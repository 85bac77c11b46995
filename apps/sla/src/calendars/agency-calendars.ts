import {
  BusinessCalendar,
  holidaysFor,
  mergeHolidays,
  type NationalHoliday,
  DEFAULT_WORKING_WEEK,
  type RegionalHoliday,
  type WorkingWeek,
} from '@salur/calendar';
import { NATIONAL_TIME_ZONE, type AgencyDirectory } from '@salur/directory';
import type { CalendarProvider } from '../clocks/application/ports';
import type { CalendarKind, ClockCalendar } from '../clocks/domain/sla-clock';

/**
 * Calendar data edited through the admin API: holidays on top of the shipped decree table, and
 * agencies' own working weeks.
 */
export interface CalendarEdits {
  /** National holidays and cuti bersama added (e.g. a decree amended after the release). */
  readonly added: readonly NationalHoliday[];
  /** Dates of shipped national entries taken out. */
  readonly removed: readonly string[];
  readonly regional: readonly RegionalHoliday[];
  /** Working weeks by agency code; agencies not listed work Monday–Friday 08:00–16:00. */
  readonly workingWeeks?: Readonly<Record<string, WorkingWeek>>;
}

export const NO_EDITS: CalendarEdits = { added: [], removed: [], regional: [] };

/**
 * Each agency's business calendar: its province's time zone, Monday–Friday 08:00–16:00, the
 * national holidays and cuti bersama of the shipped decrees (plus admin edits), and the regional
 * holidays of its region. Built on first use and cached until the edits change. Years without a
 * decree use the library's provisional dates; `onProvisionalYear` is told once per year.
 */
export class AgencyCalendars implements CalendarProvider {
  private readonly calendars = new Map<string, BusinessCalendar>();
  private readonly warned = new Set<number>();
  private edits: CalendarEdits = NO_EDITS;

  constructor(
    private readonly agencies: AgencyDirectory,
    private readonly onProvisionalYear: (year: number) => void = () => undefined,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Replaces the admin edits; calendars are rebuilt on next use. */
  useEdits(edits: CalendarEdits): void {
    this.edits = edits;
    this.calendars.clear();
  }

  currentEdits(): CalendarEdits {
    return this.edits;
  }

  timeZoneOf(agency: string | null): string {
    return (agency ? this.agencies.get(agency)?.timeZone : undefined) ?? NATIONAL_TIME_ZONE;
  }

  forAgency(agency: string | null, kind: CalendarKind): ClockCalendar {
    return this.calendar(agency, kind);
  }

  calendar(agency: string | null, kind: CalendarKind): BusinessCalendar {
    const key = `${agency ?? ''}|${kind}`;
    let calendar = this.calendars.get(key);
    if (!calendar) {
      const timeZone = this.timeZoneOf(agency);
      calendar =
        kind === '24x7'
          ? BusinessCalendar.roundTheClock(timeZone)
          : new BusinessCalendar({
              timeZone,
              workingWeek: this.workingWeekOf(agency),
              holidays: this.holidaysOf(agency),
            });
      this.calendars.set(key, calendar);
    }
    return calendar;
  }

  workingWeekOf(agency: string | null): WorkingWeek {
    return (agency ? this.edits.workingWeeks?.[agency] : undefined) ?? DEFAULT_WORKING_WEEK;
  }

  private holidaysOf(agency: string | null) {
    const year = this.now().getUTCFullYear();
    const national: NationalHoliday[] = [];
    for (let y = Math.min(2025, year - 1); y <= year + 3; y++) {
      const ofYear = holidaysFor(y);
      if (ofYear.provisional && !this.warned.has(y)) {
        this.warned.add(y);
        this.onProvisionalYear(y);
      }
      national.push(...ofYear.entries.filter((e) => !this.edits.removed.includes(e.date)));
    }
    national.push(...this.edits.added);
    const region = agency ? (this.agencies.get(agency)?.regionCode ?? undefined) : undefined;
    return mergeHolidays(national, this.edits.regional, region);
  }
}
