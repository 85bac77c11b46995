import { BusinessCalendar, holidaysFor } from '@salur/calendar';
import { NATIONAL_TIME_ZONE, type AgencyDirectory } from '@salur/directory';
import type { DeadlineCalculator, StagePolicy } from '../domain/sla-clock';

/** Years of holidays each calendar carries: enough for any deadline started this year. */
const YEARS_AHEAD = 2;

/**
 * Deadlines in the agency's business time: its province's time zone, Monday–Friday 08:00–16:00,
 * national holidays and cuti bersama from the shipped decree table. Calendars are cached per zone
 * and year. (Per-agency working weeks and regional holidays come with the SLA service proper.)
 */
export class CalendarDeadlines implements DeadlineCalculator {
  private readonly calendars = new Map<string, BusinessCalendar>();

  constructor(
    private readonly agencies: AgencyDirectory,
    private readonly onProvisionalYear: (year: number) => void = () => undefined,
  ) {}

  dueAt(agency: string | null, start: Date, policy: StagePolicy): Date {
    const timeZone =
      (agency ? this.agencies.get(agency)?.timeZone : undefined) ?? NATIONAL_TIME_ZONE;
    return this.calendar(timeZone, policy.calendar, start.getUTCFullYear()).addDuration(
      start,
      policy.duration,
    );
  }

  private calendar(
    timeZone: string,
    kind: StagePolicy['calendar'],
    year: number,
  ): BusinessCalendar {
    const key = `${timeZone}|${kind}|${year}`;
    let calendar = this.calendars.get(key);
    if (!calendar) {
      if (kind === '24x7') {
        calendar = BusinessCalendar.roundTheClock(timeZone);
      } else {
        const holidays = [];
        for (let y = year; y <= year + YEARS_AHEAD; y++) {
          const ofYear = holidaysFor(y);
          if (ofYear.provisional) this.onProvisionalYear(y);
          holidays.push(...ofYear.entries.map((entry) => entry.date));
        }
        calendar = new BusinessCalendar({ timeZone, holidays });
      }
      this.calendars.set(key, calendar);
    }
    return calendar;
  }
}
