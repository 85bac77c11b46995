import { waitFor, type TopicProbe } from '@salur/testing';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { RoutingStack } from './support/routing-stack';

/**
 * Routing's Kafka handlers against a real broker and Postgres: submissions and reporter actions
 * from intake, escalation and auto-close requests from the SLA service, each applied once however
 * often it is delivered; and the agency directory's admin API re-routing a deactivated agency's
 * open complaints.
 */
describe('routing handlers over Kafka', () => {
  let stack: RoutingStack;
  let probe: TopicProbe;
  const cleanups: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    stack = await RoutingStack.start({ ROUTING_AUTO_VERIFY_CHANNELS: 'web' });
    cleanups.push(() => stack.stop());
    probe = await stack.probe(['salur.complaints.v1', 'salur.intake.v1.dlq.salur-routing']);
    cleanups.push(() => probe.stop());
  });

  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  function submitted(
    id: string,
    channel: string,
    text = { title: 'Jalan berlubang', body: 'Lubang besar di depan pasar' },
  ) {
    return RoutingStack.event(
      '/salur/intake',
      'salur.complaint.submitted.v1',
      id,
      {
        complaintId: id,
        trackingId: 'SLR-7K3M-Q9TX-2B8D',
        type: 'complaint',
        channel,
        title: text.title,
        body: text.body,
        category: 'infrastruktur',
        location: { regionCode: '64.71' },
        privacy: 'anonymous',
        language: 'id',
        reporter: { name: 'Siti Rahmawati', email: 'siti@example.test' },
        attachments: [],
        submittedAt: new Date().toISOString(),
      },
      { region: '64.71' },
    );
  }

  function slaRequest(
    type: 'salur.sla.escalation-requested.v1' | 'salur.sla.auto-close-due.v1',
    id: string,
    agency: string,
    level: string,
    eventId?: string,
  ) {
    const clock = {
      clockId: randomUUID(),
      complaintId: id,
      stage: type === 'salur.sla.auto-close-due.v1' ? 'auto_close' : 'follow_up',
      agency,
      agencyLevel: level,
      regionCode: '64.71',
      policyVersion: 1,
      startedAt: new Date(Date.now() - 60_000).toISOString(),
      dueAt: new Date().toISOString(),
      late: false,
    };
    const data =
      type === 'salur.sla.escalation-requested.v1'
        ? { ...clock, fromAgency: agency, breachedAt: clock.dueAt, reason: 'follow-up breached' }
        : clock;
    return RoutingStack.event('/salur/sla', type, id, data, {
      agency,
      region: '64.71',
      ...(eventId ? { id: eventId } : {}),
    });
  }

  async function get(id: string, roles = ['verifier'], agency?: string) {
    const token = await stack.token({ roles, ...(agency ? { agency } : {}) });
    const res = await fetch(stack.url(`/v1/complaints/${id}`), {
      headers: { authorization: `Bearer ${token}` },
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  }

  async function until(
    id: string,
    predicate: (c: Record<string, unknown>) => boolean,
    what: string,
  ) {
    await waitFor(
      async () => {
        const res = await get(id);
        return res.status === 200 && predicate(res.body);
      },
      { timeoutMs: 60_000, description: what },
    );
  }

  async function send(
    method: 'POST' | 'PATCH',
    path: string,
    body: unknown,
    roles: string[],
    agency?: string,
  ) {
    const token = await stack.token({ roles, ...(agency ? { agency } : {}) });
    const res = await fetch(stack.url(path), {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  }

  const eventsOf = (id: string) =>
    probe
      .on(stack.topic('salur.complaints.v1'))
      .filter((m) => m.key === id)
      .map((m) => ({
        type: m.headers.ce_type,
        agency: m.headers.ce_agency,
        data: JSON.parse(m.value) as Record<string, unknown> & {
          complaint: Record<string, unknown>;
        },
        raw: m.value,
      }));

  it('applies intake and SLA events once each, however often they arrive', async () => {
    const id = randomUUID();
    const first = submitted(id, 'sms');
    // The same submission twice (a redelivery, and intake publishing it again).
    await stack.publish('salur.intake.v1', [
      first,
      first,
      { ...submitted(id, 'sms'), id: randomUUID() },
    ]);
    await until(id, (c) => c.status === 'pending_verification', 'the case to open');
    const verifierView = await get(id);
    expect(verifierView.body.reporter).toMatchObject({ name: 'Siti Rahmawati' });

    const verified = await send(
      'POST',
      `/v1/complaints/${id}/verify`,
      { category: 'infrastruktur', type: 'complaint' },
      ['verifier'],
    );
    expect(verified.body).toMatchObject({ agency: 'pemda-64.71', privacy: 'anonymous' });

    // An escalation request delivered twice, then repeated by a second SLA event for the same
    // agency: one escalation.
    const escalation = slaRequest(
      'salur.sla.escalation-requested.v1',
      id,
      'pemda-64.71',
      'regency',
    );
    await stack.publish('salur.sla.v1', [
      escalation,
      escalation,
      slaRequest('salur.sla.escalation-requested.v1', id, 'pemda-64.71', 'regency'),
    ]);
    await until(id, (c) => c.agency === 'pemda-64', 'the SLA escalation');

    const responded = await send(
      'POST',
      `/v1/complaints/${id}/respond`,
      { response: 'Sudah ditambal' },
      ['agency_operator'],
      'pemda-64',
    );
    expect(responded.status).toBe(200);

    await stack.publish('salur.sla.v1', [
      slaRequest('salur.sla.auto-close-due.v1', id, 'pemda-64', 'province'),
    ]);
    await until(id, (c) => c.status === 'closed' && c.closedBy === 'auto_close', 'auto-close');

    const reopened = RoutingStack.event(
      '/salur/intake',
      'salur.complaint.reporter-reopened.v1',
      id,
      {
        complaintId: id,
        reason: 'Lubangnya muncul lagi',
        reopenedAt: new Date().toISOString(),
      },
    );
    await stack.publish('salur.intake.v1', [reopened, reopened]);
    await until(id, (c) => c.status === 'in_progress', 'the reopening');

    // A confirmation the state does not allow is dead-lettered, not retried forever.
    const confirm = RoutingStack.event(
      '/salur/intake',
      'salur.complaint.reporter-confirmed.v1',
      id,
      {
        complaintId: id,
        rating: 5,
        confirmedAt: new Date().toISOString(),
      },
    );
    await stack.publish('salur.intake.v1', [confirm]);
    await waitFor(
      () =>
        probe
          .on(stack.topic('salur.intake.v1.dlq.salur-routing'))
          .some((m) => m.headers.ce_id === confirm.id),
      { timeoutMs: 30_000, description: 'the illegal confirmation to be dead-lettered' },
    );

    const events = eventsOf(id);
    expect(events.map((e) => [e.type, e.data.complaint.version])).toEqual([
      ['salur.complaint.verified.v1', 2],
      ['salur.complaint.routed.v1', 3],
      ['salur.complaint.escalated.v1', 4],
      ['salur.complaint.responded.v1', 5],
      ['salur.complaint.closed.v1', 6],
      ['salur.complaint.reopened.v1', 7],
    ]);
    expect(events[2].data).toMatchObject({
      trigger: 'sla',
      fromAgency: 'pemda-64.71',
      toAgency: 'pemda-64',
      clockId: escalation.data.clockId,
      by: { role: 'system', id: 'sla' },
    });
    // Anonymous: the reporter appears in no event and in no agency's view.
    for (const e of events) expect(e.raw).not.toContain('Siti');
    const agencyView = await get(id, ['agency_operator'], 'pemda-64');
    expect(agencyView.body.reporter).toBeUndefined();
  });

  it('re-routes a deactivated agency’s open complaints and routes new ones past it', async () => {
    const id = randomUUID();
    const lamp = { title: 'Lampu jalan mati', body: 'Sudah seminggu lampu di Jl. Sudirman mati' };
    await stack.publish('salur.intake.v1', [submitted(id, 'web', lamp)]);
    await until(id, (c) => c.status === 'awaiting_follow_up', 'the case to be routed');
    expect((await get(id)).body.agency).toBe('pemda-64.71');

    const refused = await send('PATCH', '/v1/agencies/pemda-64.71', { active: false }, [
      'verifier',
    ]);
    expect(refused.status).toBe(403);
    const deactivated = await send('PATCH', '/v1/agencies/pemda-64.71', { active: false }, [
      'admin',
    ]);
    expect(deactivated.status).toBe(200);
    expect(deactivated.body).toMatchObject({
      agency: { code: 'pemda-64.71', active: false },
      rerouted: [{ complaintId: id, toAgency: 'pemda-64' }],
    });
    await waitFor(() => eventsOf(id).some((e) => e.type === 'salur.complaint.forwarded.v1'), {
      timeoutMs: 30_000,
      description: 'the forwarded event',
    });
    expect(eventsOf(id).at(-1)).toMatchObject({
      agency: 'pemda-64',
      data: { fromAgency: 'pemda-64.71', toAgency: 'pemda-64', by: { role: 'admin' } },
    });

    const next = randomUUID();
    const drain = {
      title: 'Saluran air tersumbat',
      body: 'Got di Jl. Ahmad Yani meluap saat hujan',
    };
    await stack.publish('salur.intake.v1', [submitted(next, 'web', drain)]);
    await until(next, (c) => c.agency === 'pemda-64', 'a new complaint to go past the city');

    const reactivated = await send('PATCH', '/v1/agencies/pemda-64.71', { active: true }, [
      'admin',
    ]);
    expect(reactivated.body).toMatchObject({ agency: { active: true }, rerouted: [] });
  });

  it('rejects the same reporter’s repeat as a duplicate instead of routing it twice', async () => {
    const text = {
      title: 'Sampah menumpuk di pasar',
      body: 'Sampah tidak diangkut selama sepekan',
    };
    const first = randomUUID();
    await stack.publish('salur.intake.v1', [submitted(first, 'web', text)]);
    await until(first, (c) => c.status === 'awaiting_follow_up', 'the first report to be routed');
    const repeat = randomUUID();
    await stack.publish('salur.intake.v1', [submitted(repeat, 'web', text)]);
    await until(repeat, (c) => c.status === 'rejected', 'the repeat to be rejected');
    expect((await get(repeat)).body).toMatchObject({ duplicateOf: first, agency: null });
    await waitFor(() => eventsOf(repeat).length === 1, {
      timeoutMs: 30_000,
      description: 'the rejected event',
    });
    expect(eventsOf(repeat)[0]).toMatchObject({
      type: 'salur.complaint.rejected.v1',
      data: { reason: 'duplicate', by: { role: 'system', id: 'routing' } },
    });
  });

  it('publishes info-received once when the reporter answers the agency, nothing for an unasked reply', async () => {
    const id = randomUUID();
    // Texts of their own: the same reporter's repeat would be rejected as a duplicate.
    await stack.publish('salur.intake.v1', [
      submitted(id, 'web', {
        title: 'Trotoar amblas di Gunung Sari',
        body: 'Trotoar dekat sekolah amblas setengah meter',
      }),
    ]);
    await until(id, (c) => c.agency === 'pemda-64.71', 'routing to the city');
    const asked = await send(
      'POST',
      `/v1/complaints/${id}/request-info`,
      { question: 'Di ruas mana tepatnya?' },
      ['agency_operator'],
      'pemda-64.71',
    );
    expect(asked.body).toMatchObject({ awaitingReporter: true, version: 4 });

    const reply = (repliedAt: string) =>
      RoutingStack.event('/salur/intake', 'salur.complaint.reporter-replied.v1', id, {
        complaintId: id,
        message: 'Depan pasar Klandasan',
        attachments: [],
        repliedAt,
      });
    const answer = reply(new Date().toISOString());
    // The reply redelivered, then a second reply nobody asked for; then a reopening the state
    // does not allow, dead-lettered: once it is, everything before it on the partition was handled.
    const reopen = RoutingStack.event('/salur/intake', 'salur.complaint.reporter-reopened.v1', id, {
      complaintId: id,
      reason: 'x',
      reopenedAt: new Date().toISOString(),
    });
    await stack.publish('salur.intake.v1', [
      answer,
      answer,
      reply(new Date().toISOString()),
      reopen,
    ]);
    await waitFor(
      () =>
        probe
          .on(stack.topic('salur.intake.v1.dlq.salur-routing'))
          .some((m) => m.headers.ce_id === reopen.id),
      { timeoutMs: 30_000, description: 'the reopening to be dead-lettered' },
    );
    await waitFor(() => eventsOf(id).length === 4, {
      timeoutMs: 30_000,
      description: 'the info-received event',
    });
    const events = eventsOf(id);
    expect(events.map((e) => [e.type, e.data.complaint.version])).toEqual([
      ['salur.complaint.verified.v1', 2],
      ['salur.complaint.routed.v1', 3],
      ['salur.complaint.info-requested.v1', 4],
      ['salur.complaint.info-received.v1', 5],
    ]);
    expect(events[3]).toMatchObject({
      agency: 'pemda-64.71',
      data: {
        repliedAt: answer.data.repliedAt,
        complaint: { status: 'in_progress', agency: 'pemda-64.71' },
      },
    });
    // The reply's text may identify the reporter: it stays off the agency-facing topic.
    expect(events[3].raw).not.toContain('Klandasan');
    expect((await get(id)).body).toMatchObject({ awaitingReporter: false, version: 5 });
  });

  it('lets the holding agency extend an information request once: 409 again or for a complaint, 404 for another agency', async () => {
    const request = randomUUID();
    const complaint = randomUUID();
    const event = submitted(request, 'web', {
      title: 'Permohonan salinan kontrak pengerukan drainase',
      body: 'Mohon salinan kontrak dan nilai pekerjaan tahun anggaran berjalan',
    });
    await stack.publish('salur.intake.v1', [
      { ...event, data: { ...event.data, type: 'information_request' } },
      submitted(complaint, 'web', {
        title: 'Pohon tumbang menutup jalan Manggar',
        body: 'Batang besar melintang sejak badai kemarin',
      }),
    ]);
    await until(request, (c) => c.agency === 'pemda-64.71', 'routing the request');
    await until(complaint, (c) => c.agency === 'pemda-64.71', 'routing the complaint');
    const reason = { reason: 'Dokumen tersebar di tiga bidang' };
    const extend = (id: string, agency = 'pemda-64.71', body: unknown = reason) =>
      send('POST', `/v1/complaints/${id}/extend`, body, ['agency_operator'], agency);

    const granted = await extend(request);
    expect(granted.status).toBe(200);
    expect(granted.body).toMatchObject({ extensionGranted: true, version: 4 });

    const again = await extend(request);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'ExtensionRefused', rule: 'once_per_assignment' });

    const wrongType = await extend(complaint);
    expect(wrongType.status).toBe(409);
    expect(wrongType.body).toMatchObject({
      code: 'ExtensionRefused',
      rule: 'information_request_only',
    });

    const otherAgency = await extend(request, 'pemda-64.72');
    expect(otherAgency.status).toBe(404);

    const blank = await extend(request, 'pemda-64.71', { reason: '   ' });
    expect(blank.status).toBe(400);
    expect(JSON.stringify(blank.body)).toContain('reason');

    // A verifier is not the agency: the action is the agency's own.
    const verifierTry = await send('POST', `/v1/complaints/${request}/extend`, reason, [
      'verifier',
    ]);
    expect(verifierTry.status).toBe(403);

    await waitFor(() => eventsOf(request).length === 3, {
      timeoutMs: 30_000,
      description: 'the extension-granted event',
    });
    const events = eventsOf(request);
    expect(events.map((e) => e.type)).toEqual([
      'salur.complaint.verified.v1',
      'salur.complaint.routed.v1',
      'salur.complaint.extension-granted.v1',
    ]);
    expect(events[2]).toMatchObject({
      agency: 'pemda-64.71',
      data: {
        reason: reason.reason,
        by: { role: 'agency_operator', agency: 'pemda-64.71' },
        complaint: { version: 4, type: 'information_request', status: 'awaiting_follow_up' },
      },
    });
  });

  it('keeps the follow-up deadlines from salur.sla.v1 for the queue: sorted by due date, filtered by state', async () => {
    const region = '64.02';
    const matters = [
      { title: 'Jembatan rusak di Tenggarong', body: 'Papan jembatan lepas dan membahayakan' },
      { title: 'Pungutan liar di kantor desa', body: 'Warga dimintai uang untuk surat keterangan' },
    ];
    const ids = [randomUUID(), randomUUID()];
    for (const [i, id] of ids.entries()) {
      const event = submitted(id, 'web', matters[i]);
      await stack.publish('salur.intake.v1', [
        { ...event, region, data: { ...event.data, location: { regionCode: region } } },
      ]);
      await until(id, (c) => c.agency === 'pemda-64.02', 'routing to the regency');
    }
    const clock = (id: string, dueAt: string, type = 'salur.sla.started.v1') =>
      RoutingStack.event(
        '/salur/sla',
        type,
        id,
        {
          clockId: `${id.slice(0, 24)}000000000000`,
          complaintId: id,
          stage: 'follow_up',
          agency: 'pemda-64.02',
          agencyLevel: 'regency',
          regionCode: region,
          policyVersion: 1,
          startedAt: new Date(Date.now() - 60_000).toISOString(),
          dueAt,
          ...(type === 'salur.sla.breached.v1' ? { late: false, breachedAt: dueAt } : {}),
        },
        { agency: 'pemda-64.02', region },
      );
    await stack.publish('salur.sla.v1', [
      clock(ids[0], '2026-12-20T08:00:00.000Z'),
      clock(ids[1], '2026-12-10T08:00:00.000Z'),
      clock(ids[1], '2026-12-10T08:00:00.000Z', 'salur.sla.breached.v1'),
    ]);
    const token = await stack.token({ roles: ['agency_operator'], agency: 'pemda-64.02' });
    const queue = async (query: string) => {
      const res = await fetch(stack.url(`/v1/agencies/pemda-64.02/complaints${query}`), {
        headers: { authorization: `Bearer ${token}` },
      });
      return (await res.json()) as {
        items: { complaintId: string; followUp: { dueAt: string; state: string } | null }[];
        next: string | null;
      };
    };
    await waitFor(async () => (await queue('?slaState=breached')).items.length === 1, {
      timeoutMs: 30_000,
      description: 'the breach to reach the queue',
    });
    const page = await queue('?limit=1');
    expect(page.items.map((c) => [c.complaintId, c.followUp])).toEqual([
      [ids[1], { dueAt: '2026-12-10T08:00:00.000Z', state: 'breached' }],
    ]);
    const rest = await queue(`?limit=1&cursor=${page.next!}`);
    expect(rest.items.map((c) => [c.complaintId, c.followUp?.state])).toEqual([
      [ids[0], 'running'],
    ]);
  });

  it('feeds the example agency consumer its own events, including those that left it', async () => {
    const example = join(__dirname, '..', 'examples', 'agency-consumer.mjs');
    const child = spawn(
      process.execPath,
      [
        example,
        '--agency',
        'pemda-64.71',
        '--brokers',
        process.env.KAFKA_BROKERS ?? '',
        '--prefix',
        stack.topicPrefix,
        '--group',
        `example-${randomUUID()}`,
        '--from-beginning',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });
    try {
      await waitFor(
        () =>
          output.includes('salur.complaint.routed.v1') &&
          output.includes('salur.complaint.escalated.v1') &&
          output.includes('(moved to pemda-64)'),
        { timeoutMs: 60_000, description: 'the example consumer to print pemda-64.71’s events' },
      );
      // Events of complaints only ever held by other agencies are not shown.
      expect(output).not.toContain('salur.complaint.responded.v1');
    } finally {
      child.kill('SIGTERM');
    }
  });
});
