import {
  actsForCurrentAgency,
  canRead,
  canReadQueue,
  seesReporter,
  type Officer,
} from './case-access';
import { openCase, type ComplaintCase } from './complaint-case';

const parents: Record<string, string> = {
  'pemda-64.71': 'pemda-64',
  'pemda-64.02': 'pemda-64',
  'pemda-64': 'lapor-pusat',
  'pemda-31': 'lapor-pusat',
  'pemda-31.71': 'pemda-31',
};
const hierarchy = {
  isDescendantOf(code: string, ancestor: string): boolean {
    for (let p = parents[code]; p; p = parents[p]) if (p === ancestor) return true;
    return false;
  },
};

const base = openCase({
  complaintId: '0b4e2f8e-7f5e-4b53-9a39-5d3f8c1d2a10',
  trackingId: 'SLR-7K3M-Q9TX-2B8D',
  regionCode: '64.71',
  category: 'infrastruktur',
  type: 'complaint',
  privacy: 'public',
  channel: 'web',
  title: 't',
  body: 'b',
  submittedAt: new Date('2026-11-02T01:00:00Z'),
});
/** Now with pemda-64, forwarded there by pemda-64.71. */
const forwarded: ComplaintCase = {
  ...base,
  status: 'awaiting_follow_up',
  agency: 'pemda-64',
  agencyLevel: 'province',
  previousAgencies: ['pemda-64.71'],
};
/** Now with pemda-64.02, never anywhere else. */
const atKukar: ComplaintCase = {
  ...base,
  status: 'awaiting_follow_up',
  agency: 'pemda-64.02',
  agencyLevel: 'regency',
};

const officer = (roles: string[], agency?: string): Officer => ({
  subject: 's',
  roles,
  ...(agency ? { agency } : {}),
});

describe('case access', () => {
  it.each([
    ['verifier', officer(['verifier']), true],
    ['admin', officer(['admin']), true],
    ['oncall', officer(['oncall']), true],
    ['operator of the current agency', officer(['agency_operator'], 'pemda-64'), true],
    ['operator of a previous agency', officer(['agency_operator'], 'pemda-64.71'), true],
    ['operator of an unrelated agency', officer(['agency_operator'], 'pemda-31'), false],
    ['operator without an agency', officer(['agency_operator']), false],
    ['supervisor above the current agency', officer(['agency_supervisor'], 'lapor-pusat'), true],
    ['supervisor of an unrelated province', officer(['agency_supervisor'], 'pemda-31'), false],
  ])('%s may read a forwarded case: %s', (_name, who, expected) => {
    expect(canRead(who, forwarded, hierarchy)).toBe(expected);
  });

  it('lets a supervisor read the cases of agencies below it, and an operator not', () => {
    expect(canRead(officer(['agency_supervisor'], 'pemda-64'), atKukar, hierarchy)).toBe(true);
    expect(canRead(officer(['agency_operator'], 'pemda-64'), atKukar, hierarchy)).toBe(false);
    expect(canRead(officer(['agency_supervisor'], 'pemda-64.71'), atKukar, hierarchy)).toBe(false);
  });

  it('lets only the current agency (or a supervisor above it) act', () => {
    expect(
      actsForCurrentAgency(officer(['agency_operator'], 'pemda-64'), forwarded, hierarchy),
    ).toBe(true);
    expect(
      actsForCurrentAgency(officer(['agency_operator'], 'pemda-64.71'), forwarded, hierarchy),
    ).toBe(false);
    expect(
      actsForCurrentAgency(officer(['agency_supervisor'], 'pemda-64'), atKukar, hierarchy),
    ).toBe(true);
    expect(actsForCurrentAgency(officer(['verifier']), forwarded, hierarchy)).toBe(false);
    expect(actsForCurrentAgency(officer(['agency_operator'], 'pemda-64'), base, hierarchy)).toBe(
      false,
    );
  });

  it.each([
    ['oncall', officer(['oncall']), true],
    ['its own operator', officer(['agency_operator'], 'pemda-64.02'), true],
    ['the parent’s supervisor', officer(['agency_supervisor'], 'pemda-64'), true],
    ['the parent’s operator', officer(['agency_operator'], 'pemda-64'), false],
    ['a sibling’s supervisor', officer(['agency_supervisor'], 'pemda-64.71'), false],
  ])('lets %s read pemda-64.02’s queue: %s', (_name, who, expected) => {
    expect(canReadQueue(who, 'pemda-64.02', hierarchy)).toBe(expected);
  });

  it('shows the reporter to verifiers only', () => {
    expect(seesReporter(officer(['verifier']))).toBe(true);
    expect(seesReporter(officer(['admin']))).toBe(false);
    expect(seesReporter(officer(['agency_supervisor'], 'pemda-64'))).toBe(false);
  });
});
