import type { ComplaintSnapshot, ComplaintSubmittedData } from '@salur/contracts';
import { AgencyDirectory } from '@salur/directory';
import type { Officer } from '../domain/case-access';
import { IllegalTransition, TransitionRefused } from '../domain/complaint-case';
import {
  ComplaintNotFound,
  NotAssignedToYou,
  UnknownAgency,
  VersionMismatch,
} from '../domain/errors';
import { LiveAgencyDirectory } from './live-agency-directory';
import { ActOnCase } from './act-on-case/act-on-case.use-case';
import { InMemoryRouting } from './in-memory-routing';
import { ManageRules } from './manage-rules/manage-rules.use-case';
import { ReadCases } from './read-cases/read-cases.use-case';
import { RecordDeadline } from './record-deadline/record-deadline.use-case';
import { ReceiveSubmission } from './receive-submission/receive-submission.use-case';
import { ApplyReporterEvent } from './reporter-events/reporter-events.use-case';
import { LatestRuleIndexCache } from './rule-index-cache';
import { ApplySlaRequest } from './sla-requests/sla-requests.use-case';

const directory = new LiveAgencyDirectory(AgencyDirectory.standard());
const clock = { now: () => new Date('2026-11-02T03:00:00Z') };
const id = '0b4e2f8e-7f5e-4b53-9a39-5d3f8c1d2a10';

const submission: ComplaintSubmittedData = {
  complaintId: id,
  trackingId: 'SLR-7K3M-Q9TX-2B8D',
  type: 'complaint',
  channel: 'sms',
  title: 'Jalan berlubang',
  body: 'Lubang besar di depan pasar',
  category: 'infrastruktur',
  location: { regionCode: '64.71' },
  privacy: 'public',
  language: 'id',
  reporter: { name: 'Siti', phone: '+6281234567890' },
  attachments: [],
  submittedAt: '2026-11-02T01:00:00Z',
};

const verifier: Officer = { subject: 'v-1', roles: ['verifier'] };
const operator = (agency: string): Officer => ({
  subject: `op-${agency}`,
  roles: ['agency_operator'],
  agency,
});
const supervisor = (agency: string): Officer => ({
  subject: `sup-${agency}`,
  roles: ['agency_supervisor'],
  agency,
});

function setup(
  trustedChannels: ('web' | 'mobile')[] = ['web', 'mobile'],
  duplicateWindowMs = 7 * 24 * 3_600_000,
) {
  const store = new InMemoryRouting();
  const rules = new LatestRuleIndexCache();
  const deps = { directory, rules };
  return {
    store,
    receive: new ReceiveSubmission(deps, { trustedChannels, duplicateWindowMs }, clock),
    act: new ActOnCase(store, deps, clock),
    reporter: new ApplyReporterEvent(),
    sla: new ApplySlaRequest(directory, clock),
    manageRules: new ManageRules(store, deps, clock),
    /** Types and snapshots of what was published, in order. */
    events: () =>
      store.published.map((e) => ({
        type: e.type,
        agency: e.agency,
        data: e.data as { complaint: ComplaintSnapshot } & Record<string, unknown>,
      })),
  };
}

describe('receiving a submission', () => {
  it('auto-verifies a complete web submission and routes it: verified v2, routed v3', async () => {
    const s = setup();
    await s.store.run((tx) => s.receive.execute(tx, { ...submission, channel: 'web' }));
    expect(s.events().map((e) => [e.type, e.data.complaint.version])).toEqual([
      ['salur.complaint.verified.v1', 2],
      ['salur.complaint.routed.v1', 3],
    ]);
    expect(s.events()[0].data.by).toEqual({ role: 'system', id: 'routing' });
    expect(s.events()[1]).toMatchObject({
      agency: 'pemda-64.71',
      data: { agency: 'pemda-64.71', reason: 'region_default' },
    });
    expect(JSON.stringify(s.store.published)).not.toContain('+6281234567890');
  });

  it('leaves an SMS submission, or any when auto-verification is off, to a verifier', async () => {
    for (const s of [setup(), setup([])]) {
      await s.store.run((tx) => s.receive.execute(tx, { ...submission, channel: 'sms' }));
      expect(s.events()).toEqual([]);
      expect(s.store.cases.get(id)?.status).toBe('pending_verification');
    }
    const off = setup([]);
    await off.store.run((tx) => off.receive.execute(tx, { ...submission, channel: 'web' }));
    expect(off.events()).toEqual([]);
  });

  it('leaves one addressed to a chosen agency to a verifier, who may honour it', async () => {
    const s = setup();
    await s.store.run((tx) =>
      s.receive.execute(tx, { ...submission, channel: 'web', targetAgency: 'kl-kemenpu' }),
    );
    expect(s.store.cases.get(id)).toMatchObject({
      status: 'pending_verification',
      targetAgency: 'kl-kemenpu',
    });
    await s.act.execute({
      officer: verifier,
      complaintId: id,
      action: {
        kind: 'verify',
        category: 'infrastruktur',
        type: 'complaint',
        agency: 'kl-kemenpu',
      },
    });
    expect(s.events()[1].data).toMatchObject({ agency: 'kl-kemenpu', reason: 'verifier' });
  });

  it('handles the same submission only once', async () => {
    const s = setup();
    const web = { ...submission, channel: 'web' as const };
    await s.store.run((tx) => s.receive.execute(tx, web));
    await s.store.run((tx) => s.receive.execute(tx, web));
    expect(s.events()).toHaveLength(2);
  });

  it('routes by the current rule set once one exists', async () => {
    const s = setup();
    await s.manageRules.replace({
      expectedVersion: 0,
      by: 'admin-1',
      rules: [
        {
          id: 'jalan-provinsi',
          when: { keywords: ['pasar'] },
          target: { kind: 'province_government' },
        },
      ],
    });
    await s.store.run((tx) => s.receive.execute(tx, { ...submission, channel: 'web' }));
    expect(s.events()[1].data).toMatchObject({
      agency: 'pemda-64',
      reason: 'rule',
      ruleId: 'jalan-provinsi',
    });
  });
});

describe('duplicate detection on submission', () => {
  const second = '7d1c3a7e-2b4f-4c8d-9e0a-1f2b3c4d5e6f';

  it('rejects the same reporter’s repeat as a duplicate, naming the original', async () => {
    const s = setup();
    await s.store.run((tx) => s.receive.execute(tx, { ...submission, channel: 'web' }));
    await s.store.run((tx) =>
      s.receive.execute(tx, {
        ...submission,
        complaintId: second,
        trackingId: 'SLR-AAAA-BBBB-CCCC',
        channel: 'web',
      }),
    );
    expect(s.store.cases.get(second)).toMatchObject({ status: 'rejected', duplicateOf: id });
    expect(s.events().at(-1)).toMatchObject({
      type: 'salur.complaint.rejected.v1',
      data: { reason: 'duplicate', note: expect.stringContaining('SLR-7K3M-Q9TX-2B8D') },
    });
  });

  it('links someone else’s identical report for a verifier instead of routing it twice', async () => {
    const s = setup();
    await s.store.run((tx) => s.receive.execute(tx, { ...submission, channel: 'web' }));
    await s.store.run((tx) =>
      s.receive.execute(tx, {
        ...submission,
        complaintId: second,
        channel: 'web',
        reporter: { name: 'Budi', email: 'budi@example.test' },
      }),
    );
    expect(s.store.cases.get(second)).toMatchObject({
      status: 'pending_verification',
      duplicateOf: id,
    });
    expect(s.events()).toHaveLength(2);
  });

  it('routes a different matter from the same reporter', async () => {
    const s = setup();
    await s.store.run((tx) => s.receive.execute(tx, { ...submission, channel: 'web' }));
    const other = { title: 'Lampu jalan mati', body: 'Sudah seminggu lampu di Jl. Sudirman mati.' };
    await s.store.run((tx) =>
      s.receive.execute(tx, { ...submission, ...other, complaintId: second, channel: 'web' }),
    );
    expect(s.store.cases.get(second)).toMatchObject({
      status: 'awaiting_follow_up',
      duplicateOf: null,
    });
  });

  it('routes everything when detection is off', async () => {
    const s = setup(['web', 'mobile'], 0);
    await s.store.run((tx) => s.receive.execute(tx, { ...submission, channel: 'web' }));
    await s.store.run((tx) =>
      s.receive.execute(tx, { ...submission, complaintId: second, channel: 'web' }),
    );
    expect(s.store.cases.get(second)?.status).toBe('awaiting_follow_up');
  });
});

describe('postponing a submission ("tunda")', () => {
  const until = new Date('2026-11-03T01:00:00Z');

  it('lets a verifier set it aside without an event or a version, and verify it later', async () => {
    const s = setup();
    await s.store.run((tx) => s.receive.execute(tx, submission));
    const postponed = await s.act.execute({
      officer: verifier,
      complaintId: id,
      action: { kind: 'postpone', until, reason: 'awaiting_clarification' },
      expectedVersion: 1,
    });
    expect(postponed).toMatchObject({
      status: 'pending_verification',
      version: 1,
      postponement: { until, reason: 'awaiting_clarification', note: null, by: 'v-1' },
    });
    expect(s.events()).toEqual([]);
    // An agency cannot see a pending submission, so for it there is nothing to postpone.
    await expect(
      s.act.execute({
        officer: operator('pemda-64.71'),
        complaintId: id,
        action: { kind: 'postpone', until, reason: 'needs_coordination' },
      }),
    ).rejects.toThrow(ComplaintNotFound);

    const routed = await s.act.execute({
      officer: verifier,
      complaintId: id,
      action: { kind: 'verify', category: 'infrastruktur', type: 'complaint' },
      expectedVersion: 1,
    });
    expect(routed).toMatchObject({ status: 'awaiting_follow_up', postponement: null, version: 3 });
    await expect(
      s.act.execute({
        officer: verifier,
        complaintId: id,
        action: { kind: 'postpone', until, reason: 'needs_coordination' },
      }),
    ).rejects.toThrow(new IllegalTransition('postpone', 'awaiting_follow_up'));
  });

  it('is cleared when a verifier rejects the postponed submission', async () => {
    const s = setup();
    await s.store.run((tx) => s.receive.execute(tx, submission));
    await s.act.execute({
      officer: verifier,
      complaintId: id,
      action: { kind: 'postpone', until, reason: 'other', note: 'cek ke kelurahan' },
    });
    const rejected = await s.act.execute({
      officer: verifier,
      complaintId: id,
      action: { kind: 'reject', reason: 'incomplete' },
    });
    expect(rejected).toMatchObject({ status: 'rejected', postponement: null, version: 2 });
    expect(s.events().map((e) => e.type)).toEqual(['salur.complaint.rejected.v1']);
  });
});

describe('the case lifecycle', () => {
  it('goes submit → verify → acknowledge → forward → escalate → respond → confirm → reopen → auto-close', async () => {
    const s = setup();
    await s.store.run((tx) => s.receive.execute(tx, submission));

    await s.act.execute({
      officer: verifier,
      complaintId: id,
      action: {
        kind: 'verify',
        category: 'infrastruktur',
        type: 'complaint',
        privacy: 'anonymous',
      },
    });
    await s.act.execute({
      officer: operator('pemda-64.71'),
      complaintId: id,
      action: { kind: 'acknowledge' },
    });
    await s.act.execute({
      officer: operator('pemda-64.71'),
      complaintId: id,
      action: { kind: 'forward', toAgency: 'pemda-64', reason: 'jalan provinsi' },
    });
    // No ping-pong: the province cannot send it back to the city that forwarded it.
    await expect(
      s.act.execute({
        officer: operator('pemda-64'),
        complaintId: id,
        action: { kind: 'forward', toAgency: 'pemda-64.71', reason: 'bukan' },
      }),
    ).rejects.toThrow(TransitionRefused);
    await s.act.execute({
      officer: operator('pemda-64'),
      complaintId: id,
      action: { kind: 'escalate', reason: 'perlu koordinasi nasional' },
    });
    await s.act.execute({
      officer: supervisor('lapor-pusat'),
      complaintId: id,
      action: { kind: 'request_info', question: 'Di mana tepatnya?' },
    });
    await s.store.run((tx) =>
      s.reporter.replied(tx, {
        complaintId: id,
        message: 'Depan pasar',
        attachments: [],
        repliedAt: '2026-11-02T04:00:00Z',
      }),
    );
    expect(s.store.cases.get(id)?.awaitingReporter).toBe(false);
    await s.act.execute({
      officer: supervisor('lapor-pusat'),
      complaintId: id,
      action: { kind: 'respond', response: 'Sudah diperbaiki', attachments: [] },
    });
    await s.store.run((tx) =>
      s.reporter.confirmed(tx, { complaintId: id, rating: 4, confirmedAt: '2026-11-03T01:00:00Z' }),
    );
    // The same confirmation again changes nothing.
    await s.store.run((tx) =>
      s.reporter.confirmed(tx, { complaintId: id, rating: 4, confirmedAt: '2026-11-03T01:00:00Z' }),
    );
    await s.store.run((tx) =>
      s.reporter.reopened(tx, {
        complaintId: id,
        reason: 'Belum',
        reopenedAt: '2026-11-03T02:00:00Z',
      }),
    );
    await s.act.execute({
      officer: operator('lapor-pusat'),
      complaintId: id,
      action: { kind: 'respond', response: 'Kedua kali', attachments: [] },
    });
    expect(
      await s.store.run((tx) =>
        s.sla.autoCloseDue(tx, {
          clockId: '5d1c3a7e-2b4f-4c8d-9e0a-1f2b3c4d5e6f',
          complaintId: id,
          stage: 'auto_close',
          agency: 'lapor-pusat',
          agencyLevel: 'national',
          regionCode: '64.71',
          policyVersion: 1,
          startedAt: '2026-11-03T02:00:00Z',
          dueAt: '2026-11-17T02:00:00Z',
          late: false,
        }),
      ),
    ).toBe('applied');

    const events = s.events();
    expect(events.map((e) => [e.type, e.data.complaint.status, e.data.complaint.agency])).toEqual([
      ['salur.complaint.verified.v1', 'pending_verification', null],
      ['salur.complaint.routed.v1', 'awaiting_follow_up', 'pemda-64.71'],
      ['salur.complaint.acknowledged.v1', 'in_progress', 'pemda-64.71'],
      ['salur.complaint.forwarded.v1', 'awaiting_follow_up', 'pemda-64'],
      ['salur.complaint.escalated.v1', 'awaiting_follow_up', 'lapor-pusat'],
      ['salur.complaint.info-requested.v1', 'in_progress', 'lapor-pusat'],
      ['salur.complaint.info-received.v1', 'in_progress', 'lapor-pusat'],
      ['salur.complaint.responded.v1', 'responded', 'lapor-pusat'],
      ['salur.complaint.closed.v1', 'closed', 'lapor-pusat'],
      ['salur.complaint.reopened.v1', 'in_progress', 'lapor-pusat'],
      ['salur.complaint.responded.v1', 'responded', 'lapor-pusat'],
      ['salur.complaint.closed.v1', 'closed', 'lapor-pusat'],
    ]);
    // Each event carries the next version of the full snapshot.
    expect(events.map((e) => e.data.complaint.version)).toEqual([
      2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13,
    ]);
    expect(events[3].data).toMatchObject({
      fromAgency: 'pemda-64.71',
      toAgency: 'pemda-64',
      reason: 'jalan provinsi',
      by: { role: 'agency_operator', id: 'op-pemda-64.71', agency: 'pemda-64.71' },
    });
    expect(events[4].data).toMatchObject({ trigger: 'agency', fromAgency: 'pemda-64' });
    expect(events[4].data.complaint.previousAgencies).toEqual(['pemda-64.71', 'pemda-64']);
    expect(events[6].data).toEqual({
      complaint: expect.objectContaining({ updatedAt: '2026-11-02T04:00:00.000Z' }),
      repliedAt: '2026-11-02T04:00:00Z',
    });
    expect(events[8].data).toMatchObject({ closedBy: 'reporter', rating: 4 });
    expect(events[11].data).toMatchObject({ closedBy: 'auto_close' });
    expect(events[0].data).toMatchObject({ privacy: 'anonymous', by: { role: 'verifier' } });
  });

  it('refuses an illegal transition naming the current status, and changes nothing', async () => {
    const s = setup();
    await s.store.run((tx) => s.receive.execute(tx, { ...submission, channel: 'web' }));
    const before = s.store.published.length;
    await expect(
      s.act.execute({
        officer: operator('pemda-64.71'),
        complaintId: id,
        action: { kind: 'respond', response: 'x', attachments: [] },
      }),
    ).resolves.toMatchObject({ status: 'responded' });
    const error = await s.act
      .execute({
        officer: operator('pemda-64.71'),
        complaintId: id,
        action: { kind: 'acknowledge' },
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IllegalTransition);
    expect((error as Error).message).toBe('cannot acknowledge a complaint that is responded');
    expect(s.store.published).toHaveLength(before + 1);
  });

  it('rejects a pending submission with a reason', async () => {
    const s = setup();
    await s.store.run((tx) => s.receive.execute(tx, submission));
    await s.act.execute({
      officer: verifier,
      complaintId: id,
      action: { kind: 'reject', reason: 'spam', note: 'iklan' },
    });
    expect(s.events()).toEqual([
      expect.objectContaining({
        type: 'salur.complaint.rejected.v1',
        data: expect.objectContaining({ reason: 'spam', note: 'iklan' }),
      }),
    ]);
  });

  it('lets a verifier send it to a named agency, and refuses an unknown one', async () => {
    const s = setup();
    await s.store.run((tx) => s.receive.execute(tx, submission));
    await expect(
      s.act.execute({
        officer: verifier,
        complaintId: id,
        action: { kind: 'verify', category: 'kesehatan', type: 'complaint', agency: 'kl-nope' },
      }),
    ).rejects.toThrow(UnknownAgency);
    await s.act.execute({
      officer: verifier,
      complaintId: id,
      action: { kind: 'verify', category: 'kesehatan', type: 'complaint', agency: 'kl-kemenkes' },
    });
    expect(s.events()[1].data).toMatchObject({ agency: 'kl-kemenkes', reason: 'verifier' });
  });
});

describe('access to actions', () => {
  async function routedToBalikpapan() {
    const s = setup();
    await s.store.run((tx) => s.receive.execute(tx, { ...submission, channel: 'web' }));
    return s;
  }

  it.each([
    ['an operator of another city', operator('pemda-31.71'), ComplaintNotFound],
    ['a supervisor of another province', supervisor('pemda-31'), ComplaintNotFound],
    ['an operator of the parent province', operator('pemda-64'), ComplaintNotFound],
  ])('hides the case from %s', async (_name, officer, error) => {
    const s = await routedToBalikpapan();
    await expect(
      s.act.execute({ officer, complaintId: id, action: { kind: 'acknowledge' } }),
    ).rejects.toThrow(error);
  });

  it('lets a supervisor of the parent province act, and a former holder only read', async () => {
    const s = await routedToBalikpapan();
    await s.act.execute({
      officer: supervisor('pemda-64'),
      complaintId: id,
      action: { kind: 'forward', toAgency: 'kl-kemenpu', reason: 'jalan nasional' },
    });
    await expect(
      s.act.execute({
        officer: operator('pemda-64.71'),
        complaintId: id,
        action: { kind: 'acknowledge' },
      }),
    ).rejects.toThrow(NotAssignedToYou);
  });

  it('refuses an action on a version the case has moved past (If-Match)', async () => {
    const s = await routedToBalikpapan();
    const escalate = (expectedVersion: number) =>
      s.act.execute({
        officer: supervisor('pemda-64'),
        complaintId: id,
        action: { kind: 'escalate' },
        expectedVersion,
      });
    await expect(escalate(3)).resolves.toMatchObject({ agency: 'pemda-64', version: 4 });
    // The same request retried does not escalate a second time.
    await expect(escalate(3)).rejects.toThrow(VersionMismatch);
  });

  it('reports an unknown complaint as not found', async () => {
    const s = setup();
    await expect(
      s.act.execute({ officer: verifier, complaintId: id, action: { kind: 'acknowledge' } }),
    ).rejects.toThrow(ComplaintNotFound);
  });
});

describe('SLA requests', () => {
  const request = {
    clockId: '5d1c3a7e-2b4f-4c8d-9e0a-1f2b3c4d5e6f',
    complaintId: id,
    stage: 'follow_up' as const,
    agency: 'pemda-64.71',
    agencyLevel: 'regency' as const,
    regionCode: '64.71',
    policyVersion: 1,
    startedAt: '2026-11-02T01:00:00Z',
    dueAt: '2026-11-09T08:00:00Z',
    late: false,
    fromAgency: 'pemda-64.71',
    breachedAt: '2026-11-09T08:00:00Z',
    reason: 'follow-up deadline passed',
  };

  it('escalates to the parent once per breached agency; a stale request changes nothing', async () => {
    const s = setup();
    await s.store.run((tx) => s.receive.execute(tx, { ...submission, channel: 'web' }));
    expect(await s.store.run((tx) => s.sla.escalationRequested(tx, request))).toBe('applied');
    expect(await s.store.run((tx) => s.sla.escalationRequested(tx, request))).toBe('stale');
    expect(s.events()[2]).toMatchObject({
      type: 'salur.complaint.escalated.v1',
      agency: 'pemda-64',
      data: {
        trigger: 'sla',
        clockId: request.clockId,
        fromAgency: 'pemda-64.71',
        toAgency: 'pemda-64',
        by: { role: 'system', id: 'sla' },
      },
    });
    expect(
      await s.store.run((tx) =>
        s.sla.escalationRequested(tx, { ...request, fromAgency: 'pemda-64' }),
      ),
    ).toBe('applied');
    expect(
      await s.store.run((tx) =>
        s.sla.escalationRequested(tx, { ...request, fromAgency: 'lapor-pusat' }),
      ),
    ).toBe('stale');
    expect(s.store.cases.get(id)?.agency).toBe('lapor-pusat');
  });

  it('does not auto-close a case that is not waiting on the reporter', async () => {
    const s = setup();
    await s.store.run((tx) => s.receive.execute(tx, { ...submission, channel: 'web' }));
    const due = { ...request, stage: 'auto_close' as const };
    expect(await s.store.run((tx) => s.sla.autoCloseDue(tx, due))).toBe('stale');
    expect(
      await s.store.run((tx) =>
        s.sla.autoCloseDue(tx, { ...due, complaintId: '7d1c3a7e-2b4f-4c8d-9e0a-1f2b3c4d5e6f' }),
      ),
    ).toBe('unknown_case');
  });
});

describe('rule set versions', () => {
  it('adds a version per change, refuses a stale one, and simulates without side effects', async () => {
    const s = setup();
    const v1 = await s.manageRules.replace({
      expectedVersion: 0,
      by: 'admin-1',
      rules: [
        {
          id: 'kesehatan',
          when: { categories: ['kesehatan'] },
          target: { kind: 'category_ministry' },
        },
      ],
    });
    expect(v1).toMatchObject({ version: 1, createdBy: 'admin-1' });
    await expect(
      s.manageRules.replace({ expectedVersion: 0, by: 'admin-2', rules: [] }),
    ).rejects.toThrow('the rule set is at version 1, not 0');
    await expect(
      s.manageRules.replace({
        expectedVersion: 1,
        by: 'admin-2',
        rules: [{ id: 'x', when: {}, target: { kind: 'agency', agency: 'kl-nope' } }],
      }),
    ).rejects.toThrow('kl-nope');
    expect(
      await s.manageRules.simulate({
        category: 'kesehatan',
        type: 'complaint',
        regionCode: '64.71',
        title: 'Puskesmas',
        body: '',
        channel: 'web',
      }),
    ).toMatchObject({
      agency: { code: 'kl-kemenkes' },
      reason: 'rule',
      ruleId: 'kesehatan',
      ruleSetVersion: 1,
    });
    expect(s.store.published).toEqual([]);
    expect(s.store.cases.size).toBe(0);
  });
});

describe('the information-request extension', () => {
  async function routedRequest() {
    const s = setup();
    await s.store.run((tx) =>
      s.receive.execute(tx, { ...submission, channel: 'web', type: 'information_request' }),
    );
    return s;
  }
  const city = operator('pemda-64.71');
  const extend = { kind: 'extend', reason: 'Dokumen tersebar di tiga bidang' } as const;

  it('publishes extension-granted once per assignment, with the snapshot and the reason', async () => {
    const s = await routedRequest();
    const extended = await s.act.execute({ officer: city, complaintId: id, action: extend });
    expect(extended).toMatchObject({ extensionGranted: true, version: 4 });
    const last = s.events().at(-1)!;
    expect(last).toMatchObject({
      type: 'salur.complaint.extension-granted.v1',
      agency: 'pemda-64.71',
      data: {
        reason: 'Dokumen tersebar di tiga bidang',
        by: { role: 'agency_operator', agency: 'pemda-64.71' },
        complaint: { version: 4, status: 'awaiting_follow_up', type: 'information_request' },
      },
    });
    const published = s.store.published.length;
    await expect(
      s.act.execute({ officer: city, complaintId: id, action: extend }),
    ).rejects.toMatchObject({ code: 'ExtensionRefused', rule: 'once_per_assignment' });
    expect(s.store.published).toHaveLength(published);
  });

  it('refuses while the follow-up clock is breached or paused, as routing last heard', async () => {
    const s = await routedRequest();
    const clockEvent = (kind: 'started' | 'breached') =>
      s.store.run((tx) =>
        new RecordDeadline().execute(tx, {
          kind,
          complaintId: id,
          clockId: '5d1c3a7e-2b4f-4c8d-9e0a-0b4e2f8e7f5e',
          agency: 'pemda-64.71',
          startedAt: new Date('2026-11-02T01:00:00Z'),
          dueAt: new Date('2026-11-16T09:00:00Z'),
        }),
      );
    await clockEvent('started');
    await clockEvent('breached');
    await expect(
      s.act.execute({ officer: city, complaintId: id, action: extend }),
    ).rejects.toMatchObject({ code: 'ExtensionRefused', rule: 'clock_running' });
    const t = await routedRequest();
    await t.act.execute({
      officer: city,
      complaintId: id,
      action: { kind: 'request_info', question: 'Ruas jalan mana?' },
    });
    await expect(
      t.act.execute({ officer: city, complaintId: id, action: extend }),
    ).rejects.toMatchObject({ code: 'ExtensionRefused', rule: 'clock_running' });
  });

  it('refuses a complaint that is not an information request', async () => {
    const s = setup();
    await s.store.run((tx) => s.receive.execute(tx, { ...submission, channel: 'web' }));
    await expect(
      s.act.execute({ officer: city, complaintId: id, action: extend }),
    ).rejects.toMatchObject({ code: 'ExtensionRefused', rule: 'information_request_only' });
  });
});

describe('the agency queue', () => {
  const ids = [
    '1b4e2f8e-7f5e-4b53-9a39-5d3f8c1d2a10',
    '2b4e2f8e-7f5e-4b53-9a39-5d3f8c1d2a10',
    '3b4e2f8e-7f5e-4b53-9a39-5d3f8c1d2a10',
  ];
  const matters = ['Jalan berlubang', 'Lampu jalan mati', 'Sampah menumpuk'];

  async function queueWithDeadlines() {
    const s = setup();
    for (const [i, complaintId] of ids.entries()) {
      await s.store.run((tx) =>
        s.receive.execute(tx, {
          ...submission,
          complaintId,
          channel: 'web',
          title: matters[i],
          body: matters[i],
        }),
      );
    }
    const record = new RecordDeadline();
    // The second is due first and breached; the third has no clock yet.
    for (const [complaintId, due, kind] of [
      [ids[0], '2026-11-20T08:00:00Z', 'started'],
      [ids[1], '2026-11-10T08:00:00Z', 'started'],
      [ids[1], '2026-11-10T08:00:00Z', 'breached'],
    ] as const) {
      await s.store.run((tx) =>
        record.execute(tx, {
          kind,
          complaintId,
          clockId: `5d1c3a7e-2b4f-4c8d-9e0a-${complaintId.slice(0, 12)}`,
          agency: 'pemda-64.71',
          startedAt: new Date('2026-11-02T01:00:00Z'),
          dueAt: new Date(due),
        }),
      );
    }
    return new ReadCases(() => s.store.reader(), directory);
  }

  const city = operator('pemda-64.71');

  it('sorts by due date by default, those without a deadline last, and pages with a cursor', async () => {
    const read = await queueWithDeadlines();
    const first = await read.queue(city, 'pemda-64.71', { sort: 'due', limit: 2 });
    expect(first.items.map((r) => [r.case.complaintId, r.deadline?.state ?? null])).toEqual([
      [ids[1], 'breached'],
      [ids[0], 'running'],
    ]);
    const second = await read.queue(city, 'pemda-64.71', {
      sort: 'due',
      limit: 2,
      after: first.next!,
    });
    expect(second.items.map((r) => r.case.complaintId)).toEqual([ids[2]]);
    expect(second.next).toBeNull();
  });

  it('filters by SLA state and sorts by submission on request', async () => {
    const read = await queueWithDeadlines();
    const breached = await read.queue(city, 'pemda-64.71', {
      sort: 'due',
      slaStates: ['breached'],
      limit: 10,
    });
    expect(breached.items.map((r) => r.case.complaintId)).toEqual([ids[1]]);
    const bySubmission = await read.queue(city, 'pemda-64.71', { sort: 'submitted', limit: 10 });
    expect(bySubmission.items).toHaveLength(3);
  });

  it('hides another agency’s queue as if it did not exist', async () => {
    const read = await queueWithDeadlines();
    await expect(
      read.queue(operator('pemda-31.71'), 'pemda-64.71', { sort: 'due', limit: 10 }),
    ).rejects.toThrow('no agency pemda-64.71 is visible to you');
  });
});
