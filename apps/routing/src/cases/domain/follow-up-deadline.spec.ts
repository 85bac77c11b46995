import { applySlaEvent, type FollowUpDeadline, type SlaClockEvent } from './follow-up-deadline';

const clock = (overrides: Partial<SlaClockEvent> = {}): SlaClockEvent => ({
  kind: 'started',
  complaintId: '0b4e2f8e-7f5e-4b53-9a39-5d3f8c1d2a10',
  clockId: '5d1c3a7e-2b4f-4c8d-9e0a-1f2b3c4d5e6f',
  agency: 'pemda-64.71',
  startedAt: new Date('2026-11-02T01:00:00Z'),
  dueAt: new Date('2026-11-09T08:00:00Z'),
  ...overrides,
});

function run(events: SlaClockEvent[]): FollowUpDeadline | null {
  let state: FollowUpDeadline | null = null;
  for (const e of events) state = applySlaEvent(state, e) ?? state;
  return state;
}

describe('follow-up deadline projection', () => {
  it('follows a clock through pause, resume, warning and breach', () => {
    expect(run([clock()])?.state).toBe('running');
    const moved = new Date('2026-11-10T08:00:00Z');
    expect(run([clock(), clock({ kind: 'paused' })])?.state).toBe('paused');
    expect(
      run([clock(), clock({ kind: 'paused' }), clock({ kind: 'resumed', dueAt: moved })]),
    ).toMatchObject({
      state: 'running',
      dueAt: moved,
    });
    expect(run([clock(), clock({ kind: 'warning' })])?.state).toBe('at_risk');
    expect(run([clock(), clock({ kind: 'breached' }), clock({ kind: 'warning' })])?.state).toBe(
      'breached',
    );
    expect(run([clock(), clock({ kind: 'met' }), clock({ kind: 'breached' })])?.state).toBe('met');
  });

  it('replaces the clock when a newer one starts for the next agency, and ignores the older', () => {
    const next = clock({
      clockId: '7d1c3a7e-2b4f-4c8d-9e0a-1f2b3c4d5e6f',
      agency: 'pemda-64',
      startedAt: new Date('2026-11-03T01:00:00Z'),
      dueAt: new Date('2026-11-10T08:00:00Z'),
    });
    const state = run([clock(), next, clock({ kind: 'breached' })]);
    expect(state).toMatchObject({ agency: 'pemda-64', state: 'running' });
  });

  it('reports no change when nothing changed', () => {
    const first = applySlaEvent(null, clock());
    expect(applySlaEvent(first, clock())).toBeNull();
  });
});
