import type { SlaStage } from '@salur/contracts';
import {
  planClockActions,
  planSubmissionClocks,
  verificationEndedAt,
  type ComplaintTransition,
} from './clock-transitions';
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
    extension: stage === 'follow_up' ? 'P7D' : null,
    extendedAt: null,
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

  it('info-received (the reporter replied) resumes the paused follow-up clock and does nothing else', () => {
    const paused = clock('f1', 'follow_up', 'paused', 'pemda-64');
    expect(plan('info_received', [resolution, paused])).toEqual([
      { kind: 'resume', clockId: 'f1' },
    ]);
    // Redelivered after the resume, or with nothing paused: nothing to do.
    expect(plan('info_received', [resolution, clock('f1', 'follow_up', 'running')])).toEqual([]);
  });

  it('extension-granted extends the agency running follow-up clock, once', () => {
    const running = clock('f1', 'follow_up', 'running', 'pemda-64');
    expect(plan('extension_granted', [resolution, running])).toEqual([
      { kind: 'extend', clockId: 'f1' },
    ]);
    const extended = { ...running, extendedAt: at };
    expect(plan('extension_granted', [resolution, extended])).toEqual([]);
    // Not a breached clock, not another agency's, not one whose policy has no extension.
    expect(plan('extension_granted', [clock('f1', 'follow_up', 'breached', 'pemda-64')])).toEqual(
      [],
    );
    expect(plan('extension_granted', [clock('f1', 'follow_up', 'running', 'pemda-64.71')])).toEqual(
      [],
    );
    expect(plan('extension_granted', [{ ...running, extension: null }])).toEqual([]);
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

  it('reopened stops auto-close and restarts follow-up and resolution', () => {
    const met = { ...clock('r0', 'resolution', 'met', ''), agency: null, endedAt: at };
    expect(plan('reopened', [clock('a', 'auto_close', 'running'), met])).toEqual([
      { kind: 'end', clockId: 'a', outcome: 'stopped' },
      {
        kind: 'start',
        stage: 'follow_up',
        agency: 'pemda-64',
        agencyLevel: 'province',
        startedAt: at,
      },
      { kind: 'start', stage: 'resolution', agency: null, agencyLevel: null, startedAt: at },
    ]);
  });

  it('reopened continues a resolution clock that is still running', () => {
    expect(plan('reopened', [resolution]).filter((a) => a.kind === 'start')).toEqual([
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

describe('a follow-up start overtaken by a newer event', () => {
  const overtaken = (
    transition: ComplaintTransition,
    clocks: SlaClock[],
    status: 'awaiting_follow_up' | 'in_progress' | 'responded' = 'in_progress',
  ) =>
    planClockActions({
      transition,
      at,
      agency: 'pemda-64',
      agencyLevel: 'province',
      clocks,
      status,
    });
  const startFollowUp = {
    kind: 'start',
    stage: 'follow_up',
    agency: 'pemda-64',
    agencyLevel: 'province',
    startedAt: at,
  };

  it('acknowledged with no follow-up clock for the agency starts one at its own instant', () => {
    expect(overtaken('acknowledged', [resolution])).toEqual([startFollowUp]);
  });

  it('info-requested with no follow-up clock starts one already paused', () => {
    expect(overtaken('info_requested', [resolution])).toEqual([
      { ...startFollowUp, pausedFromStart: true },
    ]);
  });

  it("an overtaken forward: the previous agency's clock stops and the new agency's starts", () => {
    const previous = clock('f0', 'follow_up', 'running', 'pemda-64.71');
    expect(overtaken('acknowledged', [previous])).toEqual([
      { kind: 'end', clockId: 'f0', outcome: 'stopped' },
      startFollowUp,
    ]);
  });

  it("starts nothing when the agency's clock runs, nor after a response, nor without a status", () => {
    const running = clock('f1', 'follow_up', 'running', 'pemda-64');
    expect(overtaken('acknowledged', [running])).toEqual([]);
    expect(overtaken('responded', [], 'responded')).toEqual([
      {
        kind: 'start',
        stage: 'auto_close',
        agency: 'pemda-64',
        agencyLevel: 'province',
        startedAt: at,
      },
    ]);
    expect(plan('acknowledged', [])).toEqual([]);
  });
});

describe('submission stages', () => {
  const submittedAt = new Date('2026-11-01T01:00:00Z');
  const verifiedAt = new Date('2026-11-01T05:00:00Z');
  const verification = { ...clock('v', 'verification', 'running'), agency: null };
  const startOf = (stage: SlaStage, endWith?: { at: Date; outcome: 'met' | 'stopped' }) => ({
    kind: 'start',
    stage,
    agency: null,
    agencyLevel: null,
    startedAt: submittedAt,
    ...(endWith ? { endWith } : {}),
  });

  function planWith(
    transition: ComplaintTransition,
    clocks: SlaClock[],
    verified: Date | null = null,
    agency: string | null = 'pemda-64',
  ) {
    return planClockActions({
      transition,
      at,
      agency,
      agencyLevel: agency ? 'province' : null,
      clocks,
      submission: { submittedAt, verifiedAt: verified },
    });
  }

  it('a submission starts verification and resolution, without an agency', () => {
    expect(planSubmissionClocks({ submittedAt, clocks: [] })).toEqual([
      startOf('verification'),
      startOf('resolution'),
    ]);
  });

  it('a redelivered submission starts nothing', () => {
    expect(planSubmissionClocks({ submittedAt, clocks: [verification, resolution] })).toEqual([]);
    const met = { ...verification, status: 'met' as const, endedAt: at };
    expect(planSubmissionClocks({ submittedAt, clocks: [met, resolution] })).toEqual([]);
  });

  it('verified meets verification and leaves resolution running', () => {
    expect(planWith('verified', [verification, resolution], at, null)).toEqual([
      { kind: 'end', clockId: 'v', outcome: 'met' },
    ]);
  });

  it('rejected meets verification and stops resolution', () => {
    expect(planWith('rejected', [verification, resolution], null, null)).toEqual([
      { kind: 'end', clockId: 'v', outcome: 'met' },
      { kind: 'end', clockId: 'r', outcome: 'stopped' },
    ]);
  });

  it('closed meets resolution; follow-up and auto-close behave as before', () => {
    const autoClose = clock('a', 'auto_close', 'running');
    const verified = { ...verification, status: 'met' as const, endedAt: at };
    expect(planWith('closed', [verified, resolution, autoClose], verifiedAt)).toEqual([
      { kind: 'end', clockId: 'a', outcome: 'met' },
      { kind: 'end', clockId: 'r', outcome: 'met' },
    ]);
  });

  it('routed before submitted: both stages start from the snapshot, verification already met', () => {
    expect(planWith('routed', [], verifiedAt)).toEqual([
      startOf('verification', { at: verifiedAt, outcome: 'met' }),
      startOf('resolution'),
      {
        kind: 'start',
        stage: 'follow_up',
        agency: 'pemda-64',
        agencyLevel: 'province',
        startedAt: at,
      },
    ]);
    // The late submission then finds both stages and starts nothing.
    const ended = { ...verification, status: 'met' as const, endedAt: verifiedAt };
    expect(planSubmissionClocks({ submittedAt, clocks: [ended, resolution] })).toEqual([]);
  });

  it('verified or rejected before submitted: verification starts and ends at once', () => {
    expect(planWith('verified', [], at, null)).toEqual([
      startOf('verification', { at, outcome: 'met' }),
      startOf('resolution'),
    ]);
    expect(planWith('rejected', [], null, null)).toEqual([
      startOf('verification', { at, outcome: 'met' }),
      startOf('resolution', { at, outcome: 'stopped' }),
    ]);
  });

  it('closed before submitted: resolution starts at submission and is met at closing', () => {
    expect(
      planWith('closed', [clock('f', 'follow_up', 'running')], verifiedAt).filter(
        (a) => a.kind === 'start',
      ),
    ).toEqual([
      startOf('verification', { at: verifiedAt, outcome: 'met' }),
      startOf('resolution', { at, outcome: 'met' }),
    ]);
  });

  it('a complaint event for a complaint not yet verified starts a running verification clock', () => {
    expect(planWith('acknowledged', [resolution], null)).toEqual([startOf('verification')]);
  });

  it('verification ends at verifiedAt, or when the complaint left pending_verification', () => {
    const updatedAt = '2026-11-02T02:00:00.000Z';
    expect(
      verificationEndedAt({ status: 'pending_verification', verifiedAt: null, updatedAt }),
    ).toBeNull();
    expect(
      verificationEndedAt({
        status: 'pending_verification',
        verifiedAt: verifiedAt.toISOString(),
        updatedAt,
      }),
    ).toEqual(verifiedAt);
    expect(verificationEndedAt({ status: 'rejected', verifiedAt: null, updatedAt })).toEqual(
      new Date(updatedAt),
    );
  });
});
