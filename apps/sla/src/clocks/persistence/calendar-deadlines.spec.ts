import { AgencyDirectory } from '@salur/directory';
import { followUpPolicy } from '../domain/sla-clock';
import { CalendarDeadlines } from './calendar-deadlines';

describe('CalendarDeadlines', () => {
  const deadlines = new CalendarDeadlines(AgencyDirectory.standard());

  it('gives 5 working days in the agency time zone, closing at 16:00 local', () => {
    // Monday 2 Nov 2026 10:00 WITA (Balikpapan) → Monday 9 Nov 16:00 WITA = 08:00 UTC.
    const start = new Date('2026-11-02T02:00:00Z');
    expect(deadlines.dueAt('pemda-64.71', start, followUpPolicy('complaint')).toISOString()).toBe(
      '2026-11-09T08:00:00.000Z',
    );
    // The same local rule in Jayapura (WIT) closes an hour earlier in UTC.
    expect(deadlines.dueAt('pemda-91', start, followUpPolicy('complaint')).toISOString()).toBe(
      '2026-11-09T07:00:00.000Z',
    );
  });

  it('gives information requests 10 working days, skipping Christmas and cuti bersama', () => {
    const start = new Date('2026-12-14T02:00:00Z'); // Monday 10:00 WITA
    const due = deadlines.dueAt('pemda-64.71', start, followUpPolicy('information_request'));
    expect(due.getTime()).toBeGreaterThan(new Date('2026-12-28T08:00:00Z').getTime());
  });

  it('uses the national zone for an unknown agency', () => {
    const start = new Date('2026-11-02T03:00:00Z');
    expect(deadlines.dueAt(null, start, followUpPolicy('complaint')).toISOString()).toBe(
      '2026-11-09T09:00:00.000Z',
    );
  });
});
