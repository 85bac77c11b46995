import { IllegalTransition, openCase, routeCase, snapshotOf } from './complaint-case';

const submittedAt = new Date('2026-11-02T01:00:00Z');
const opened = openCase({
  complaintId: '0b4e2f8e-7f5e-4b53-9a39-5d3f8c1d2a10',
  trackingId: 'SLR-7K3M-Q9TX-2B8D',
  regionCode: '64.71',
  category: 'infrastruktur',
  type: 'complaint',
  privacy: 'public',
  channel: 'web',
  title: 'Jalan berlubang',
  body: 'Lubang besar di depan pasar',
  submittedAt,
});

describe('complaint case', () => {
  it('opens pending verification at version 1 with no agency', () => {
    expect(opened).toMatchObject({ status: 'pending_verification', agency: null, version: 1 });
  });

  it('is routed to an agency, awaiting its follow-up, one version later', () => {
    const at = new Date('2026-11-02T01:00:05Z');
    const routed = routeCase(opened, { code: 'pemda-64.71', level: 'regency' }, at);
    expect(routed).toMatchObject({
      status: 'awaiting_follow_up',
      agency: 'pemda-64.71',
      agencyLevel: 'regency',
      updatedAt: at,
      version: 2,
    });
  });

  it('refuses to route twice, naming the current status', () => {
    const routed = routeCase(opened, { code: 'pemda-64.71', level: 'regency' }, submittedAt);
    expect(() => routeCase(routed, { code: 'pemda-64', level: 'province' }, submittedAt)).toThrow(
      new IllegalTransition('route', 'awaiting_follow_up'),
    );
    expect(() => routeCase(routed, { code: 'pemda-64', level: 'province' }, submittedAt)).toThrow(
      'cannot route a complaint that is awaiting_follow_up',
    );
  });

  it('keeps a confidential body off the snapshot', () => {
    expect(snapshotOf(opened).body).toBe('Lubang besar di depan pasar');
    expect(snapshotOf({ ...opened, privacy: 'confidential' }).body).toBeNull();
  });
});
