import { decideReporterAction, type ComplaintStanding } from './reporter-actions';

const DAY = 86_400_000;
const respondedAt = new Date('2026-11-02T03:00:00Z');
const responded: ComplaintStanding = {
  status: 'responded',
  respondedAt,
  closedAt: null,
  stateVersion: 5,
  decisionPendingAt: null,
};
const at = (ms: number) => new Date(respondedAt.getTime() + ms);

describe('decideReporterAction', () => {
  it('lets the reporter reply while the complaint is open, not once it is closed or rejected', () => {
    for (const status of ['pending_verification', 'awaiting_follow_up', 'in_progress'] as const) {
      expect(decideReporterAction('reply', { ...responded, status }, at(0), 10 * DAY)).toEqual({
        allowed: true,
      });
    }
    const closed = decideReporterAction('reply', { ...responded, status: 'closed' }, at(0), DAY);
    expect(closed).toEqual({ allowed: false, reason: expect.stringContaining('closed') });
    expect(
      decideReporterAction('reply', { ...responded, status: 'rejected' }, at(0), DAY).allowed,
    ).toBe(false);
  });

  it('allows confirmation only once the agency has responded', () => {
    expect(decideReporterAction('confirm', responded, at(DAY), 10 * DAY).allowed).toBe(true);
    const early = decideReporterAction(
      'confirm',
      { ...responded, status: 'in_progress' },
      at(DAY),
      10 * DAY,
    );
    expect(early).toEqual({ allowed: false, reason: expect.stringContaining('in_progress') });
  });

  it('allows reopening within the window after the response, and not after it', () => {
    expect(decideReporterAction('reopen', responded, at(10 * DAY), 10 * DAY).allowed).toBe(true);
    const late = decideReporterAction('reopen', responded, at(10 * DAY + 1), 10 * DAY);
    expect(late).toEqual({
      allowed: false,
      reason: expect.stringContaining('2026-11-12T03:00:00.000Z'),
    });
  });

  it('counts the window of a closed complaint from its closure', () => {
    const closed: ComplaintStanding = {
      ...responded,
      status: 'closed',
      closedAt: at(9 * DAY),
    };
    expect(decideReporterAction('reopen', closed, at(18 * DAY), 10 * DAY).allowed).toBe(true);
    expect(decideReporterAction('reopen', closed, at(20 * DAY), 10 * DAY).allowed).toBe(false);
    expect(decideReporterAction('confirm', closed, at(DAY), 10 * DAY).allowed).toBe(false);
  });

  it('refuses reopening what was never responded to', () => {
    for (const status of ['pending_verification', 'awaiting_follow_up', 'rejected'] as const) {
      expect(decideReporterAction('reopen', { ...responded, status }, at(0), DAY).allowed).toBe(
        false,
      );
    }
  });

  it('refuses a second confirmation or reopening until routing has answered the first', () => {
    const pending = { ...responded, decisionPendingAt: 5 };
    expect(decideReporterAction('confirm', pending, at(0), DAY).allowed).toBe(false);
    expect(decideReporterAction('reopen', pending, at(0), DAY).allowed).toBe(false);
    expect(decideReporterAction('reply', pending, at(0), DAY).allowed).toBe(true);
    // Routing answered (a newer snapshot): the reporter may act again.
    expect(
      decideReporterAction('confirm', { ...pending, stateVersion: 6 }, at(0), DAY).allowed,
    ).toBe(true);
  });
});
