import { BusinessCalendar, holidaysFor } from '@salur/calendar';
import {
  ClockTransitionRefused,
  endClock,
  extendClock,
  fireDeadline,
  msToIsoDuration,
  pauseClock,
  plannedDeadlines,
  remainingMs,
  replanClock,
  resumeClock,
  startClock,
  validWarnings,
  type SlaClock,
  type StagePolicy,
} from './sla-clock';

const HOUR = 3_600_000;
const makassar = new BusinessCalendar({
  timeZone: 'Asia/Makassar',
  holidays: [...holidaysFor(2025).entries, ...holidaysFor(2026).entries],
});
const followUp: StagePolicy = {
  stage: 'follow_up',
  duration: 'P5D',
  calendar: 'business',
  version: 3,
  warnings: [0.5, 0.8],
  extension: 'P7D',
};

function start(at: string, policy: StagePolicy = followUp, calendar = makassar): SlaClock {
  return startClock(
    {
      clockId: '00000000-0000-4000-8000-000000000001',
      complaintId: '00000000-0000-4000-8000-0000000000c1',
      stage: policy.stage,
      agency: 'pemda-64.71',
      agencyLevel: 'regency',
      regionCode: '64.71',
      category: null,
      complaintType: 'complaint',
      startedAt: new Date(at),
    },
    policy,
    calendar,
  );
}

describe('an SLA clock', () => {
  it('starts running with its deadline and budget in the agency business time, keeping the policy version', () => {
    // Monday 2 Nov 2026 10:00 WITA → five full working days → Monday 9 Nov 16:00 WITA.
    const clock = start('2026-11-02T02:00:00Z');
    expect(clock.status).toBe('running');
    expect(clock.policyVersion).toBe(3);
    expect(clock.dueAt.toISOString()).toBe('2026-11-09T08:00:00.000Z');
    // 6 h left on Monday + 5 × 8 h.
    expect(clock.budgetMs).toBe(46 * HOUR);
  });

  it('plans its warnings at 50% and 80% of the working time, then the breach at the deadline', () => {
    const clock = start('2026-11-02T02:00:00Z');
    const planned = plannedDeadlines(clock, makassar);
    expect(planned.map((d) => [d.kind, d.threshold, d.fireAt.toISOString()])).toEqual([
      // 23 h of working time after Monday 10:00: Monday 6 h, Tuesday 8 h, Wednesday 8 h, Thursday 1 h.
      ['warning', 0.5, '2026-11-05T01:00:00.000Z'],
      // 36.8 h: Thursday 8 h, Friday 6.8 h → Friday 14:48 WITA.
      ['warning', 0.8, '2026-11-06T06:48:00.000Z'],
      ['breach', 1, '2026-11-09T08:00:00.000Z'],
    ]);
    expect(plannedDeadlines(clock, makassar, [0.5]).map((d) => d.threshold)).toEqual([0.8, 1]);
  });

  it('skips Idul Fitri and its cuti bersama', () => {
    // Friday 13 March 2026 10:00 WITA; Idul Fitri 1447 H falls on 20–21 March, cuti bersama around it.
    const clock = start('2026-03-13T02:00:00Z');
    const naive = new BusinessCalendar({ timeZone: 'Asia/Makassar' }).addDuration(
      new Date('2026-03-13T02:00:00Z'),
      'P5D',
    );
    expect(clock.dueAt.getTime()).toBeGreaterThan(naive.getTime());
  });

  it('pauses while waiting for the reporter and moves the deadline by the pause on resume', () => {
    const clock = start('2026-11-02T02:00:00Z');
    // Paused Tuesday 10:00 WITA after 6 + 2 = 8 h of work; resumed Thursday 08:00 WITA.
    const paused = pauseClock(clock, new Date('2026-11-03T02:00:00Z'), makassar);
    expect(paused).toMatchObject({
      status: 'paused',
      consumedMs: 8 * HOUR,
      segmentStartedAt: null,
    });
    expect(plannedDeadlines(paused, makassar)).toEqual([]);
    expect(remainingMs(paused, new Date('2026-11-04T00:00:00Z'), makassar)).toBe(38 * HOUR);
    const resumed = resumeClock(paused, new Date('2026-11-05T00:00:00Z'), makassar);
    expect(resumed.status).toBe('running');
    // 38 h from Thursday 08:00: Thu 8, Fri 8, Mon 8, Tue 8, Wed 6 → Wednesday 11 Nov 14:00 WITA.
    expect(resumed.dueAt.toISOString()).toBe('2026-11-11T06:00:00.000Z');
    // The 50% warning (23 h) is still 15 h away: Thursday 8 h, Friday 7 h → Friday 15:00.
    expect(plannedDeadlines(resumed, makassar)[0].fireAt.toISOString()).toBe(
      '2026-11-06T07:00:00.000Z',
    );
    expect(() => resumeClock(resumed, new Date(), makassar)).toThrow(/running clock/);
    expect(() => pauseClock(paused, new Date(), makassar)).toThrow(/paused clock/);
  });

  it('is met within the SLA before its deadline, and not after a breach', () => {
    const clock = start('2026-11-02T02:00:00Z');
    expect(endClock(clock, new Date('2026-11-04T02:00:00Z'), 'met')).toMatchObject({
      withinSla: true,
      clock: { status: 'met', endedAt: new Date('2026-11-04T02:00:00Z') },
    });
    const breached = fireDeadline(clock, { threshold: 1, kind: 'breach' });
    expect(breached).toMatchObject({ status: 'breached', breachedAt: clock.dueAt });
    if (!breached) throw new Error('unreachable');
    expect(endClock(breached, new Date('2026-11-10T02:00:00Z'), 'met').withinSla).toBe(false);
    const { clock: ended } = endClock(breached, new Date('2026-11-10T02:00:00Z'), 'stopped');
    expect(() => endClock(ended, new Date(), 'met')).toThrow(/already ended/);
  });

  it('fires nothing on a clock that is no longer running', () => {
    const clock = start('2026-11-02T02:00:00Z');
    const paused = pauseClock(clock, new Date('2026-11-03T02:00:00Z'), makassar);
    expect(fireDeadline(paused, { threshold: 0.5, kind: 'warning' })).toBeNull();
    expect(fireDeadline(clock, { threshold: 0.8, kind: 'warning' })?.warnedAt).toBe(0.8);
  });

  it('runs a 24×7 policy in plain elapsed time, and auto-close falls due without warnings', () => {
    const roundTheClock = BusinessCalendar.roundTheClock('Asia/Makassar');
    const autoClose = start(
      '2026-11-07T02:00:00Z',
      {
        stage: 'auto_close',
        duration: 'PT30S',
        calendar: '24x7',
        version: 1,
        warnings: [0.5],
        extension: null,
      },
      roundTheClock,
    );
    expect(autoClose.dueAt.toISOString()).toBe('2026-11-07T02:00:30.000Z');
    expect(plannedDeadlines(autoClose, roundTheClock)).toEqual([
      expect.objectContaining({ kind: 'auto_close_due', threshold: 1 }),
    ]);
    expect(fireDeadline(autoClose, { threshold: 1, kind: 'auto_close_due' })?.status).toBe('due');
  });

  it('extends once by the policy extension in working days, moving the warnings not yet fired', () => {
    const clock = start('2026-11-02T02:00:00Z');
    expect(clock.extension).toBe('P7D');
    const warned = fireDeadline(clock, { threshold: 0.5, kind: 'warning' })!;
    const at = new Date('2026-11-06T02:00:00Z');
    const extended = extendClock(warned, at, makassar);
    // Due Monday 9 Nov 16:00 WITA + 7 working days → Wednesday 18 Nov 16:00 WITA.
    expect(extended.dueAt.toISOString()).toBe('2026-11-18T08:00:00.000Z');
    expect(extended.budgetMs).toBe(clock.budgetMs + 7 * 8 * HOUR);
    expect(extended.extendedAt).toEqual(at);
    // The 50% warning fired already; the 80% one and the breach are planned from the new budget.
    const planned = plannedDeadlines(extended, makassar, [0.5]);
    expect(planned.map((d) => [d.threshold, d.fireAt.toISOString()])).toEqual([
      [0.8, makassar.addWorkingTime(clock.startedAt, Math.round(0.8 * 102 * HOUR)).toISOString()],
      [1, '2026-11-18T08:00:00.000Z'],
    ]);
    expect(() => extendClock(extended, at, makassar)).toThrow(ClockTransitionRefused);
  });

  it('refuses to extend a paused, breached or ended clock, or one whose policy has no extension', () => {
    const clock = start('2026-11-02T02:00:00Z');
    const at = new Date('2026-11-03T02:00:00Z');
    expect(() => extendClock(pauseClock(clock, at, makassar), at, makassar)).toThrow(
      'a paused clock cannot be extended',
    );
    const breached = fireDeadline(clock, { threshold: 1, kind: 'breach' })!;
    expect(() => extendClock(breached, at, makassar)).toThrow('a breached clock');
    expect(() => extendClock(endClock(clock, at, 'met').clock, at, makassar)).toThrow(
      'a met clock',
    );
    const none = start('2026-11-02T02:00:00Z', { ...followUp, extension: null });
    expect(() => extendClock(none, at, makassar)).toThrow('allows no extension');
  });

  it('plans a running deadline again in an edited calendar, keeping the working time left', () => {
    const clock = start('2026-11-02T02:00:00Z');
    // Wednesday 4 Nov 2026 declared a holiday: the deadline moves one working day later.
    const edited = new BusinessCalendar({
      timeZone: 'Asia/Makassar',
      holidays: [...holidaysFor(2026).entries, '2026-11-04'],
    });
    const replanned = replanClock(clock, edited);
    expect(replanned.dueAt.toISOString()).toBe('2026-11-10T08:00:00.000Z');
    expect(replanned.budgetMs).toBe(clock.budgetMs);
    // A paused clock has no deadline to move: it is planned again when it resumes.
    const paused = pauseClock(clock, new Date('2026-11-03T02:00:00Z'), makassar);
    expect(replanClock(paused, edited)).toBe(paused);
  });

  it('checks warning fractions and writes durations in ISO 8601', () => {
    expect(validWarnings([0.5, 0.8])).toBe(true);
    expect(validWarnings([0.8, 0.5])).toBe(false);
    expect(validWarnings([0, 0.5])).toBe(false);
    expect(validWarnings([1])).toBe(false);
    expect(msToIsoDuration(7 * HOUR + 12 * 60_000)).toBe('PT7H12M');
    expect(msToIsoDuration(0)).toBe('PT0S');
    expect(msToIsoDuration(1500)).toBe('PT2S');
  });
});
