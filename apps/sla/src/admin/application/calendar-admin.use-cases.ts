import { BusinessCalendar, CalendarError, holidaysFor, type WorkingWeek } from '@salur/calendar';
import type { ComplaintType, SlaStage } from '@salur/contracts';
import type { AgencyDirectory } from '@salur/directory';
import type { AgencyCalendars } from '../../calendars/agency-calendars';
import { validWarnings, type CalendarKind } from '../../clocks/domain/sla-clock';
import {
  DEFAULT_FOLLOW_UP_EXTENSION,
  DEFAULT_POLICIES,
  DEFAULT_WARNINGS,
  type PolicyRule,
} from '../../clocks/domain/sla-policy';
import { HolidayNotFound, InvalidCalendarInput, UnknownAgency } from '../domain/admin-errors';
import type { AdminStore, StoredHoliday } from './admin-ports';

function calendarInput<T>(field: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof CalendarError) throw new InvalidCalendarInput(field, error.message);
    throw error;
  }
}

/** `GET /v1/sla/calendars/{agency}/due`: a deadline in the agency's business time. */
export class ComputeDue {
  constructor(
    private readonly agencies: AgencyDirectory,
    private readonly calendars: AgencyCalendars,
  ) {}

  execute(agency: string, from: Date, duration: string, kind: CalendarKind) {
    if (!this.agencies.has(agency)) throw new UnknownAgency(agency);
    const calendar = this.calendars.calendar(agency, kind);
    const dueAt = calendarInput('duration', () => calendar.addDuration(from, duration));
    return { agency, timeZone: calendar.timeZone, calendar: kind, from, duration, dueAt };
  }
}

export interface ChangePolicyCommand {
  readonly stage: SlaStage;
  readonly agency: string | null;
  readonly category: string | null;
  readonly type: ComplaintType | null;
  readonly duration: string;
  readonly calendar: CalendarKind;
  readonly warnings?: readonly number[];
  /**
   * What one extension adds, in `calendar`; omitted: P7D for `follow_up`, none otherwise; null:
   * the stage cannot be extended.
   */
  readonly extension?: string | null;
}

/** A new version of the policy of one scope; running clocks keep theirs. */
export class ChangePolicy {
  constructor(
    private readonly agencies: AgencyDirectory,
    private readonly calendars: AgencyCalendars,
  ) {}

  async execute(
    store: AdminStore,
    command: ChangePolicyCommand,
    actor: string,
  ): Promise<PolicyRule> {
    if (command.agency !== null && !this.agencies.has(command.agency)) {
      throw new UnknownAgency(command.agency);
    }
    const warnings = [...(command.warnings ?? DEFAULT_WARNINGS)];
    if (!validWarnings(warnings)) {
      throw new InvalidCalendarInput(
        'warnings',
        'warnings must be ascending fractions strictly between 0 and 1, e.g. [0.5, 0.8]',
      );
    }
    const calendar = this.calendars.calendar(command.agency, command.calendar);
    calendarInput('duration', () => calendar.addDuration(new Date(), command.duration));
    const extension =
      command.extension === undefined
        ? command.stage === 'follow_up'
          ? DEFAULT_FOLLOW_UP_EXTENSION
          : null
        : command.extension;
    if (extension !== null) {
      calendarInput('extension', () => calendar.addDuration(new Date(), extension));
    }
    await store.lock();
    const sameScope = (r: PolicyRule) =>
      r.stage === command.stage &&
      r.agency === command.agency &&
      r.category === command.category &&
      r.type === command.type;
    const versions = [...(await store.policies()), ...DEFAULT_POLICIES]
      .filter(sameScope)
      .map((r) => r.version);
    const rule: PolicyRule = {
      stage: command.stage,
      agency: command.agency,
      category: command.category,
      type: command.type,
      version: Math.max(0, ...versions) + 1,
      duration: command.duration,
      calendar: command.calendar,
      warnings,
      extension,
    };
    await store.insertPolicy(rule, actor);
    await store.audit({
      actor,
      action: 'policy.changed',
      subject: scopeName(rule),
      details: { ...rule },
    });
    return rule;
  }
}

function scopeName(rule: PolicyRule): string {
  return [rule.stage, rule.agency ?? '*', rule.category ?? '*', rule.type ?? '*'].join('/');
}

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

function checkDate(date: string): void {
  const parsed = new Date(`${date}T00:00:00Z`);
  if (
    !LOCAL_DATE.test(date) ||
    Number.isNaN(parsed.getTime()) ||
    parsed.toISOString().slice(0, 10) !== date
  ) {
    throw new InvalidCalendarInput('date', `${date} is not a date written YYYY-MM-DD`);
  }
}

/** Adds and removes holidays: national corrections to the shipped decree table, and regional ones. */
export class EditHolidays {
  constructor(
    private readonly calendars: AgencyCalendars,
    private readonly agencies: AgencyDirectory,
  ) {}

  async add(
    store: AdminStore,
    holiday: Omit<StoredHoliday, 'removed'>,
    actor: string,
  ): Promise<void> {
    checkDate(holiday.date);
    const regional = holiday.kind === 'regional_holiday';
    if (regional !== (holiday.regionCode !== null)) {
      throw new InvalidCalendarInput(
        'regionCode',
        regional
          ? 'a regional holiday needs the regionCode of the province or regency/city that observes it'
          : 'a national holiday or cuti bersama has no regionCode',
      );
    }
    await store.lock();
    await store.insertHoliday({ ...holiday, removed: false }, actor);
    await store.audit({
      actor,
      action: 'holiday.added',
      subject: holiday.date,
      details: { ...holiday },
    });
    await store.enqueueRecompute(
      {
        reason: `holiday.added ${holiday.date}${holiday.regionCode ? ` ${holiday.regionCode}` : ''}`,
        agencies: this.agenciesObserving(holiday.regionCode),
      },
      actor,
    );
    await this.refresh(store);
  }

  async remove(
    store: AdminStore,
    date: string,
    regionCode: string | null,
    actor: string,
  ): Promise<void> {
    checkDate(date);
    await store.lock();
    const deleted = await store.deleteHolidayEdits(date, regionCode);
    if (deleted === 0) {
      const shipped = holidaysFor(Number(date.slice(0, 4))).entries.filter((e) => e.date === date);
      if (regionCode !== null || shipped.length === 0) throw new HolidayNotFound(date, regionCode);
      await store.insertHoliday(
        {
          date,
          name: shipped[0].name,
          kind: shipped[0].kind,
          regionCode: null,
          source: shipped[0].source,
          removed: true,
        },
        actor,
      );
    }
    await store.audit({
      actor,
      action: 'holiday.removed',
      subject: date,
      details: { date, regionCode },
    });
    await store.enqueueRecompute(
      {
        reason: `holiday.removed ${date}${regionCode ? ` ${regionCode}` : ''}`,
        agencies: this.agenciesObserving(regionCode),
      },
      actor,
    );
    await this.refresh(store);
  }

  /** An agency's own working week (e.g. Saturday service); clocks started afterwards use it. */
  async setWorkingWeek(
    store: AdminStore,
    agency: string,
    workingWeek: WorkingWeek,
    actor: string,
  ): Promise<void> {
    if (!this.agencies.has(agency)) throw new UnknownAgency(agency);
    calendarInput(
      'workingWeek',
      () => new BusinessCalendar({ timeZone: 'Asia/Jakarta', workingWeek }),
    );
    await store.lock();
    await store.saveWorkingWeek(agency, workingWeek, actor);
    await store.audit({
      actor,
      action: 'working-week.changed',
      subject: agency,
      details: { workingWeek },
    });
    await store.enqueueRecompute(
      { reason: `working-week.changed ${agency}`, agencies: [agency] },
      actor,
    );
    await this.refresh(store);
  }

  /**
   * The agencies whose calendars a holiday of `regionCode` is in: those of that region and of
   * the regions below it (a province's holiday is its regencies' and cities' too); null, for a
   * national holiday, means every calendar.
   */
  agenciesObserving(regionCode: string | null): string[] | null {
    if (regionCode === null) return null;
    return this.agencies
      .all()
      .filter(
        (a) =>
          a.regionCode !== null &&
          (a.regionCode === regionCode || a.regionCode.startsWith(`${regionCode}.`)),
      )
      .map((a) => a.code);
  }

  async refresh(store: AdminStore): Promise<void> {
    this.calendars.useEdits(await store.holidayEdits());
  }
}
