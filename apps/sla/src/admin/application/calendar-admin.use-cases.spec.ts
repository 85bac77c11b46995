import type { WorkingWeek } from '@salur/calendar';
import { AgencyDirectory } from '@salur/directory';
import { AgencyCalendars, NO_EDITS, type CalendarEdits } from '../../calendars/agency-calendars';
import type { PolicyRule } from '../../clocks/domain/sla-policy';
import type { AdminStore, AuditEntry, StoredHoliday } from './admin-ports';
import { ChangePolicy, ComputeDue, EditHolidays } from './calendar-admin.use-cases';

class MemoryAdminStore implements AdminStore {
  readonly rules: PolicyRule[] = [];
  readonly holidays: StoredHoliday[] = [];
  readonly trail: AuditEntry[] = [];
  lock = () => Promise.resolve();
  policies = () => Promise.resolve([...this.rules]);
  insertPolicy = (rule: PolicyRule) => {
    this.rules.push(rule);
    return Promise.resolve();
  };
  insertHoliday = (holiday: StoredHoliday) => {
    this.holidays.push(holiday);
    return Promise.resolve();
  };
  deleteHolidayEdits = (date: string, regionCode: string | null) => {
    const before = this.holidays.length;
    this.holidays.splice(
      0,
      this.holidays.length,
      ...this.holidays.filter((h) => !(h.date === date && h.regionCode === regionCode)),
    );
    return Promise.resolve(before - this.holidays.length);
  };
  holidayEdits = (): Promise<CalendarEdits> =>
    Promise.resolve({
      ...NO_EDITS,
      workingWeeks: Object.fromEntries(this.weeks),
      removed: this.holidays.filter((h) => h.removed).map((h) => h.date),
      regional: this.holidays
        .filter((h) => h.kind === 'regional_holiday' && h.regionCode !== null)
        .map((h) => ({
          date: h.date,
          name: h.name,
          regionCode: h.regionCode ?? '',
          source: h.source,
        })),
    });
  readonly weeks = new Map<string, WorkingWeek>();
  saveWorkingWeek = (agency: string, week: WorkingWeek) => {
    this.weeks.set(agency, week);
    return Promise.resolve();
  };
  audit = (entry: AuditEntry) => {
    this.trail.push(entry);
    return Promise.resolve();
  };
  readonly recomputations: { reason: string; agencies: readonly string[] | null }[] = [];
  enqueueRecompute = (job: { reason: string; agencies: readonly string[] | null }) => {
    this.recomputations.push(job);
    return Promise.resolve();
  };
}

const agencies = AgencyDirectory.standard();
const calendars = () =>
  new AgencyCalendars(agencies, undefined, () => new Date('2026-11-02T00:00:00Z'));

describe('calendar administration', () => {
  it('versions policies per scope, above the defaults, with an audit entry each', async () => {
    const store = new MemoryAdminStore();
    const change = new ChangePolicy(agencies, calendars());
    const scope = { stage: 'follow_up', agency: null, category: null, type: null } as const;
    const first = await change.execute(
      store,
      { ...scope, duration: 'P4D', calendar: 'business' },
      'admin-1',
    );
    const second = await change.execute(
      store,
      { ...scope, duration: 'P3D', calendar: 'business' },
      'admin-1',
    );
    const agency = await change.execute(
      store,
      { ...scope, agency: 'pemda-64.71', duration: 'PT1H', calendar: '24x7', warnings: [0.9] },
      'admin-2',
    );
    expect([first.version, second.version, agency.version]).toEqual([2, 3, 1]);
    expect(first.warnings).toEqual([0.5, 0.8]);
    expect(store.trail.map((a) => [a.action, a.subject, a.actor])).toEqual([
      ['policy.changed', 'follow_up/*/*/*', 'admin-1'],
      ['policy.changed', 'follow_up/*/*/*', 'admin-1'],
      ['policy.changed', 'follow_up/pemda-64.71/*/*', 'admin-2'],
    ]);
  });

  it('gives follow-up policies the 7-working-day extension unless told otherwise, and checks it', async () => {
    const store = new MemoryAdminStore();
    const change = new ChangePolicy(agencies, calendars());
    const base = { agency: null, category: null, type: 'information_request' } as const;
    const followUp = await change.execute(
      store,
      { ...base, stage: 'follow_up', duration: 'P10D', calendar: 'business' },
      'a',
    );
    expect(followUp.extension).toBe('P7D');
    const none = await change.execute(
      store,
      { ...base, stage: 'follow_up', duration: 'P10D', calendar: 'business', extension: null },
      'a',
    );
    expect(none.extension).toBeNull();
    const autoClose = await change.execute(
      store,
      { ...base, stage: 'auto_close', duration: 'P10D', calendar: 'business' },
      'a',
    );
    expect(autoClose.extension).toBeNull();
    await expect(
      change.execute(
        store,
        { ...base, stage: 'follow_up', duration: 'P10D', calendar: 'business', extension: 'P1M' },
        'a',
      ),
    ).rejects.toMatchObject({
      code: 'InvalidCalendarInput',
      details: { errors: [{ field: 'extension' }] },
    });
    expect(store.trail.at(-1)?.details).toMatchObject({ extension: null, stage: 'auto_close' });
  });

  it('refuses durations without business meaning, bad warnings and unknown agencies', async () => {
    const store = new MemoryAdminStore();
    const change = new ChangePolicy(agencies, calendars());
    const base = { stage: 'follow_up', agency: null, category: null, type: null } as const;
    await expect(
      change.execute(store, { ...base, duration: 'P1M', calendar: 'business' }, 'a'),
    ).rejects.toMatchObject({
      code: 'InvalidCalendarInput',
    });
    await expect(
      change.execute(
        store,
        { ...base, duration: 'P1D', calendar: 'business', warnings: [0.8, 0.5] },
        'a',
      ),
    ).rejects.toMatchObject({ code: 'InvalidCalendarInput' });
    await expect(
      change.execute(
        store,
        { ...base, agency: 'pemda-00', duration: 'P1D', calendar: 'business' },
        'a',
      ),
    ).rejects.toMatchObject({ code: 'UnknownAgency' });
    expect(store.rules).toEqual([]);
  });

  it('adds and removes regional holidays, takes shipped national ones out, and answers due dates', async () => {
    const store = new MemoryAdminStore();
    const shared = calendars();
    const edit = new EditHolidays(shared, agencies);
    const due = new ComputeDue(agencies, shared);
    const from = new Date('2026-11-02T02:00:00Z');
    await edit.add(
      store,
      {
        date: '2026-11-04',
        name: 'Hari jadi',
        kind: 'regional_holiday',
        regionCode: '64.71',
        source: 'Perwali',
      },
      'admin',
    );
    expect(due.execute('pemda-64.71', from, 'P5D', 'business').dueAt.toISOString()).toBe(
      '2026-11-10T08:00:00.000Z',
    );
    await edit.remove(store, '2026-11-04', '64.71', 'admin');
    expect(due.execute('pemda-64.71', from, 'P5D', 'business').dueAt.toISOString()).toBe(
      '2026-11-09T08:00:00.000Z',
    );
    // Christmas 2026 is shipped; taking it out records a removal.
    await edit.remove(store, '2026-12-25', null, 'admin');
    expect(store.holidays).toMatchObject([{ date: '2026-12-25', removed: true }]);
    await expect(edit.remove(store, '2026-11-05', null, 'admin')).rejects.toMatchObject({
      code: 'HolidayNotFound',
    });
    await expect(
      edit.add(
        store,
        { date: '2026-11-05', name: 'x', kind: 'regional_holiday', regionCode: null, source: 's' },
        'admin',
      ),
    ).rejects.toMatchObject({ code: 'InvalidCalendarInput' });
    await expect(
      edit.add(
        store,
        { date: '2026-02-30', name: 'x', kind: 'cuti_bersama', regionCode: null, source: 's' },
        'admin',
      ),
    ).rejects.toMatchObject({ code: 'InvalidCalendarInput' });
    expect(() => due.execute('pemda-64.71', from, 'P4H', 'business')).toThrow(/time unit/);
    expect(() => due.execute('pemda-99', from, 'P1D', 'business')).toThrow(/does not exist/);
    expect(store.trail.map((a) => a.action)).toEqual([
      'holiday.added',
      'holiday.removed',
      'holiday.removed',
    ]);
    // Each edit queues the recomputation of the running clocks it touches: Balikpapan's
    // agencies for its regional holiday, every calendar for a national one.
    expect(store.recomputations.map((r) => r.reason)).toEqual([
      'holiday.added 2026-11-04 64.71',
      'holiday.removed 2026-11-04 64.71',
      'holiday.removed 2026-12-25',
    ]);
    expect(store.recomputations[0].agencies).toContain('pemda-64.71');
    expect(store.recomputations[0].agencies).not.toContain('pemda-64.72');
    expect(store.recomputations[2].agencies).toBeNull();
  });

  it('counts a province holiday in the calendars of its regencies and cities', () => {
    const edit = new EditHolidays(calendars(), agencies);
    const kaltim = edit.agenciesObserving('64') ?? [];
    expect(kaltim).toEqual(expect.arrayContaining(['pemda-64', 'pemda-64.71', 'pemda-64.72']));
    expect(kaltim).not.toContain('pemda-65');
    expect(kaltim).not.toContain('lapor-pusat');
    expect(edit.agenciesObserving(null)).toBeNull();
  });

  it('gives an agency its own working week, refusing one without working time', async () => {
    const store = new MemoryAdminStore();
    const shared = calendars();
    const edit = new EditHolidays(shared, agencies);
    const due = new ComputeDue(agencies, shared);
    const hours = [{ start: '08:00', end: '12:00' }];
    // Saturday service: Friday 10:00 WITA + 1 working day ends Saturday 12:00.
    await edit.setWorkingWeek(
      store,
      'pemda-64.71',
      {
        monday: hours,
        tuesday: hours,
        wednesday: hours,
        thursday: hours,
        friday: hours,
        saturday: hours,
      },
      'admin',
    );
    expect(
      due
        .execute('pemda-64.71', new Date('2026-11-06T02:00:00Z'), 'P1D', 'business')
        .dueAt.toISOString(),
    ).toBe('2026-11-07T04:00:00.000Z');
    await expect(edit.setWorkingWeek(store, 'pemda-64.71', {}, 'admin')).rejects.toMatchObject({
      code: 'InvalidCalendarInput',
    });
    await expect(edit.setWorkingWeek(store, 'pemda-00', {}, 'admin')).rejects.toMatchObject({
      code: 'UnknownAgency',
    });
    expect(store.trail.map((a) => a.action)).toEqual(['working-week.changed']);
    expect(store.recomputations).toEqual([
      { reason: 'working-week.changed pemda-64.71', agencies: ['pemda-64.71'] },
    ]);
  });
});
