import type { ComplaintSubmittedData } from '@salur/contracts';
import { AgencyDirectory, standardAgencySeeds } from '@salur/directory';
import { AgencyChangeRefused } from '../../domain/agency-changes';
import { ActOnCase } from '../act-on-case/act-on-case.use-case';
import { InMemoryRouting } from '../in-memory-routing';
import { LiveAgencyDirectory } from '../live-agency-directory';
import { ReceiveSubmission } from '../receive-submission/receive-submission.use-case';
import { LatestRuleIndexCache } from '../rule-index-cache';
import { ManageAgencies } from './manage-agencies.use-case';

const clock = { now: () => new Date('2026-11-02T03:00:00Z') };
const admin = { role: 'admin' as const, id: 'admin-1' };

function submission(n: number): ComplaintSubmittedData {
  return {
    complaintId: `0b4e2f8e-7f5e-4b53-9a39-5d3f8c1d2a1${n}`,
    trackingId: 'SLR-7K3M-Q9TX-2B8D',
    type: 'complaint',
    channel: 'web',
    title: 'Jalan berlubang',
    body: 'Lubang besar',
    category: 'infrastruktur',
    location: { regionCode: '64.71' },
    privacy: 'public',
    language: 'id',
    reporter: { name: 'Siti', email: 'siti@example.test' },
    attachments: [],
    submittedAt: '2026-11-02T01:00:00Z',
  };
}

async function setup() {
  const store = new InMemoryRouting();
  const live = new LiveAgencyDirectory(AgencyDirectory.standard());
  const rules = new LatestRuleIndexCache();
  const manage = new ManageAgencies(store, live, rules, clock);
  await manage.seed(standardAgencySeeds());
  return { store, live, rules, manage };
}

describe('managing agencies', () => {
  it('seeds idempotently and reloads what is stored', async () => {
    const { store, manage } = await setup();
    expect(store.agencies.length).toBe(standardAgencySeeds().length);
    expect(await manage.seed(standardAgencySeeds())).toEqual({ added: 0, updated: 0 });
    expect(await manage.reload()).toBe(true);
  });

  it('re-routes a deactivated agency’s open complaints instead of stranding them', async () => {
    const { store, live, rules, manage } = await setup();
    const receive = new ReceiveSubmission(
      { directory: live, rules },
      { trustedChannels: ['web'], duplicateWindowMs: 0 },
      clock,
    );
    const act = new ActOnCase(store, { directory: live, rules }, clock);
    for (const n of [1, 2, 3]) await store.run((tx) => receive.execute(tx, submission(n)));
    // One is responded: it is no longer open for the agency and stays.
    await act.execute({
      officer: { subject: 'op', roles: ['agency_operator'], agency: 'pemda-64.71' },
      complaintId: submission(3).complaintId,
      action: { kind: 'respond', response: 'Selesai', attachments: [] },
    });
    store.published.length = 0;

    const result = await manage.update('pemda-64.71', { active: false }, admin);
    expect(result.rerouted).toEqual([
      { complaintId: submission(1).complaintId, toAgency: 'pemda-64' },
      { complaintId: submission(2).complaintId, toAgency: 'pemda-64' },
    ]);
    expect(store.published.map((e) => [e.type, e.agency])).toEqual([
      ['salur.complaint.forwarded.v1', 'pemda-64'],
      ['salur.complaint.forwarded.v1', 'pemda-64'],
    ]);
    expect(store.published[0].data).toMatchObject({
      fromAgency: 'pemda-64.71',
      toAgency: 'pemda-64',
      by: admin,
    });
    expect(live.find('pemda-64.71')).toBeUndefined();

    // New complaints for the city now go to the province.
    await store.run((tx) => receive.execute(tx, submission(4)));
    expect(store.cases.get(submission(4).complaintId)?.agency).toBe('pemda-64');
  });

  it('adds an agency and refuses one that breaks the directory', async () => {
    const { manage, live } = await setup();
    const agency = {
      code: 'kl-badan-contoh',
      name: 'Badan Contoh',
      shortName: 'Badan Contoh',
      level: 'national' as const,
      parentCode: 'lapor-pusat',
      regionCode: null,
      timeZone: 'Asia/Jakarta' as const,
      hasPpid: true,
      active: true,
    };
    await manage.create(agency);
    expect(live.find('kl-badan-contoh')).toEqual({
      code: 'kl-badan-contoh',
      level: 'national',
    });
    await expect(manage.create(agency)).rejects.toThrow('exists already');
    await expect(
      manage.create({ ...agency, code: 'kl-orphan', parentCode: 'kl-nowhere' }),
    ).rejects.toThrow(AgencyChangeRefused);
    expect(live.has('kl-orphan')).toBe(false);
  });
});
