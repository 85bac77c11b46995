import type { SlaStage } from '@salur/contracts';
import { planClockActions, type ComplaintTransition } from './clock-transitions';
import type { ClockStatus, SlaClock } from './sla-clock';

const at = new Date('2026-11-02T02:00:00Z');

function clock(id: string, stage: SlaStage, status: ClockStatus, agency = 'pemda-64.71'): SlaClock {
  return {
    clockId: id,
    complaintId: 'c',
    stage,
    agency,
    agencyLevel: 'regency',
    regionCode: '64.71',
    category: null,
    complaintType: 'complaint',
    policyVersion: 1,
    calendar: 'business',
    warnings: [0.5, 0.8],
    startedAt: at,
    dueAt: at,
    budgetMs: 0,
    consumedMs: 0,
    segmentStartedAt: status === 'running' ? at : null,
    pausedAt: status === 'paused' ? at : null,
    breachedAt: status === 'breached' ? at : null,
    warnedAt: null,
    endedAt: null,
    status,
  };
}

function plan(
  transition: ComplaintTransition,
  clocks: SlaClock[],
  agency: string | null = 'pemda-64',
) {
  return planClockActions({
    transition,
    at,
    agency,
    agencyLevel: agency ? 'province' : null,
    clocks,
  });
}

const resolution = clock('r', 'resolution', 'running');

describe('clock transitions from complaint events', () => {
  it('routed: starts a follow-up clock for the agency', () => {
    expect(plan('routed', [])).toEqual([
      {
        kind: 'start',
        stage: 'follow_up',
        agency: 'pemda-64',
        agencyLevel: 'province',
        startedAt: at,
      },
    ]);
  });

  it.each(['forwarded', 'escalated'] as const)(
    '%s: stops the previous agency clock (breached or not) and starts one for the new agency',
    (transition) => {
      const previous = clock('f1', 'follow_up', 'breached');
      expect(plan(transition, [resolution, previous])).toEqual([
        { kind: 'end', clockId: 'f1', outcome: 'stopped' },
        {
          kind: 'start',
          stage: 'follow_up',
          agency: 'pemda-64',
          agencyLevel: 'province',
          startedAt: at,
        },
      ]);
    },
  );

  it('info-requested pauses follow-up; the next agency event resumes it first', () => {
    const running = clock('f1', 'follow_up', 'running');
    expect(plan('info_requested', [resolution, running])).toEqual([
      { kind: 'pause', clockId: 'f1' },
    ]);
    const paused = clock('f1', 'follow_up', 'paused');
    expect(plan('info_requested', [resolution, paused])).toEqual([]);
    expect(plan('acknowledged', [resolution, paused])).toEqual([{ kind: 'resume', clockId: 'f1' }]);
    expect(plan('responded', [resolution, paused])).toEqual([
      { kind: 'resume', clockId: 'f1' },
      { kind: 'end', clockId: 'f1', outcome: 'met' },
      {
        kind: 'start',
        stage: 'auto_close',
        agency: 'pemda-64',
        agencyLevel: 'province',
        startedAt: at,
      },
    ]);
  });

  it('closed ends every clock: auto-close and resolution met, follow-up stopped', () => {
    expect(
      plan('closed', [
        resolution,
        clock('a', 'auto_close', 'running'),
        clock('f', 'follow_up', 'met'),
      ]),
    ).toEqual([
      { kind: 'end', clockId: 'a', outcome: 'met' },
      { kind: 'end', clockId: 'r', outcome: 'met' },
    ]);
  });

  it('reopened stops auto-close and restarts follow-up', () => {
    expect(plan('reopened', [clock('a', 'auto_close', 'running')])).toEqual([
      { kind: 'end', clockId: 'a', outcome: 'stopped' },
      {
        kind: 'start',
        stage: 'follow_up',
        agency: 'pemda-64',
        agencyLevel: 'province',
        startedAt: at,
      },
    ]);
  });

  it('rejected stops everything and starts nothing; no follow-up without an agency', () => {
    expect(plan('rejected', [resolution], null)).toEqual([
      { kind: 'end', clockId: 'r', outcome: 'stopped' },
    ]);
    expect(plan('verified', [], null)).toEqual([]);
    expect(plan('routed', [], null)).toEqual([]);
  });
});
