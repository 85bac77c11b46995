import { AgencyDirectory } from '@salur/directory';
import { AgencyCalendars } from './agency-calendars';

const start = new Date('2026-11-02T02:00:00Z'); // Monday 10:00 WITA

describe('AgencyCalendars', () => {
  it('counts in each agency province time zone, the national zone for none', () => {
    const provisional: number[] = [];
    const calendars = new AgencyCalendars(
      AgencyDirectory.standard(),
      (year) => provisional.push(year),
      () => start,
    );
    expect(calendars.timeZoneOf('pemda-64.71')).toBe('Asia/Makassar');
    expect(calendars.timeZoneOf('pemda-91')).toBe('Asia/Jayapura');
    expect(calendars.timeZoneOf(null)).toBe('Asia/Jakarta');
    expect(
      calendars.forAgency('pemda-64.71', 'business').addDuration(start, 'P5D').toISOString(),
    ).toBe('2026-11-09T08:00:00.000Z');
    expect(
      calendars.forAgency('pemda-91', 'business').addDuration(start, 'P5D').toISOString(),
    ).toBe('2026-11-09T07:00:00.000Z');
    expect(
      calendars.forAgency('pemda-64.71', '24x7').addDuration(start, 'PT30S').toISOString(),
    ).toBe('2026-11-02T02:00:30.000Z');
    // Years without a decree are reported once each.
    expect(provisional).toEqual([2027, 2028, 2029]);
    calendars.forAgency('pemda-91', 'business');
    expect(provisional).toHaveLength(3);
  });

  it('applies regional holidays to the region and the regencies inside it, and national edits to all', () => {
    const calendars = new AgencyCalendars(AgencyDirectory.standard(), undefined, () => start);
    calendars.useEdits({
      added: [],
      removed: [],
      regional: [{ date: '2026-11-04', name: 'Hari jadi', regionCode: '64', source: 'Pergub' }],
    });
    expect(
      calendars.forAgency('pemda-64.71', 'business').addDuration(start, 'P5D').toISOString(),
    ).toBe('2026-11-10T08:00:00.000Z');
    expect(
      calendars.forAgency('pemda-63.71', 'business').addDuration(start, 'P5D').toISOString(),
    ).toBe('2026-11-09T08:00:00.000Z');
    calendars.useEdits({
      added: [
        { date: '2026-11-03', name: 'Cuti bersama (uji)', kind: 'cuti_bersama', source: 'SKB' },
      ],
      removed: [],
      regional: [],
    });
    expect(
      calendars.forAgency('pemda-63.71', 'business').addDuration(start, 'P5D').toISOString(),
    ).toBe('2026-11-10T08:00:00.000Z');
  });
});
