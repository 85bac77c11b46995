import { clockStateAfter, reporterDueDate, type SlaClockView } from './sla-due';

const clock = (over: Partial<SlaClockView>): SlaClockView => ({
  clockId: 'c',
  stage: 'follow_up',
  agency: 'pemda-64.71',
  dueAt: new Date('2026-11-10T08:00:00Z'),
  state: 'running',
  ...over,
});

describe('reporter due date', () => {
  it("prefers the current agency's open follow-up clock", () => {
    const due = reporterDueDate(
      [
        clock({ clockId: 'v', stage: 'verification', agency: null }),
        clock({ clockId: 'old', agency: 'pemda-64.02', state: 'ended' }),
        clock({ clockId: 'f' }),
        clock({ clockId: 'r', stage: 'resolution' }),
      ],
      'pemda-64.71',
    );
    expect(due?.clockId).toBe('f');
  });

  it('falls back to other open stages, and to nothing when all ended', () => {
    expect(
      reporterDueDate(
        [clock({ clockId: 'f', state: 'ended' }), clock({ clockId: 'r', stage: 'resolution' })],
        'pemda-64.71',
      )?.clockId,
    ).toBe('r');
    expect(reporterDueDate([clock({ state: 'ended' })], 'pemda-64.71')).toBeNull();
  });

  it('maps SLA event types to clock states', () => {
    expect(clockStateAfter('salur.sla.started.v1')).toBe('running');
    expect(clockStateAfter('salur.sla.paused.v1')).toBe('paused');
    expect(clockStateAfter('salur.sla.resumed.v1')).toBe('running');
    expect(clockStateAfter('salur.sla.breached.v1')).toBe('breached');
    expect(clockStateAfter('salur.sla.met.v1')).toBe('ended');
    expect(clockStateAfter('salur.sla.warning.v1')).toBeNull();
  });
});
