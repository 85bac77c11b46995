import { waitFor, type TopicProbe } from '@salur/testing';
import { SalurStack } from '../../../test/support/salur-stack';

/**
 * Routing through the running services: a complaint submitted to intake is verified, routed,
 * acknowledged, forwarded, escalated, responded to and confirmed by its reporter through intake;
 * every step is an HTTP answer and an event on `salur.complaints.v1` with the full snapshot.
 * Then the access matrix: every routing endpoint × role × own/other agency.
 */
describe('routing', () => {
  let stack: SalurStack;
  let probe: TopicProbe;
  const cleanups: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    stack = await SalurStack.start();
    cleanups.push(() => stack.stop());
    probe = await stack.probe(['salur.complaints.v1']);
    cleanups.push(() => probe.stop());
  });

  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  const complaint = {
    type: 'complaint',
    title: 'Jalan berlubang di Jl. Jenderal Sudirman',
    body: 'Lubang besar di depan pasar, sudah dua minggu belum diperbaiki.',
    category: 'infrastruktur',
    location: { regionCode: '64.71' },
    privacy: 'public',
  };

  const MATTERS = [
    { title: 'Jalan berlubang di Jl. Jenderal Sudirman', body: 'Lubang besar di depan pasar.' },
    { title: 'Lampu penerangan jalan mati', body: 'Sudah seminggu gelap di Jl. Ahmad Yani.' },
    { title: 'Antrean puskesmas terlalu panjang', body: 'Pasien menunggu lebih dari lima jam.' },
    { title: 'Sampah tidak diangkut', body: 'Tumpukan sampah di TPS Gunung Sari berbau.' },
    { title: 'Air PDAM keruh', body: 'Air berwarna cokelat sejak tiga hari terakhir.' },
    { title: 'Rumah Sakit Umum Daerah menolak pasien', body: 'Pasien BPJS diminta pulang.' },
    { title: 'Drainase tersumbat', body: 'Saluran meluap setiap hujan di Klandasan Ilir.' },
    { title: 'Trotoar dipakai parkir', body: 'Pejalan kaki terpaksa turun ke jalan raya.' },
  ];
  let submissions = 0;
  async function submit(
    overrides: Record<string, unknown>,
  ): Promise<{ complaintId: string; trackingId: string; trackingToken: string }> {
    submissions++;
    const res = await fetch(stack.url('intake', '/v1/complaints'), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'idempotency-key': `routing-e2e-${submissions}`,
      },
      // A reporter and a matter of their own each: intake limits submissions per reporter, and
      // routing links a repeat of an open complaint instead of routing it.
      body: JSON.stringify({
        ...complaint,
        ...MATTERS[(submissions - 1) % MATTERS.length],
        reporter: {
          name: 'Siti Rahmawati',
          email: `siti.${submissions}@example.test`,
          phone: `+628123456${String(submissions).padStart(4, '0')}`,
        },
        ...overrides,
      }),
    });
    expect(res.status).toBe(202);
    return (await res.json()) as { complaintId: string; trackingId: string; trackingToken: string };
  }

  const tokens = new Map<string, string>();
  async function token(roles: string[], agency?: string): Promise<string> {
    const key = `${roles.join('+')}@${agency ?? ''}`;
    let t = tokens.get(key);
    if (!t) {
      t = await stack.token({ roles, ...(agency ? { agency } : {}), sub: key });
      tokens.set(key, t);
    }
    return t;
  }

  async function call(
    method: 'GET' | 'POST' | 'PUT',
    path: string,
    bearer: string | null,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; body: Record<string, unknown>; contentType: string | null }> {
    const res = await fetch(stack.url('routing', path), {
      method,
      headers: {
        ...headers,
        ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    return {
      status: res.status,
      body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
      contentType: res.headers.get('content-type'),
    };
  }

  async function caseWhen(
    id: string,
    predicate: (c: Record<string, unknown>) => boolean,
    description: string,
  ): Promise<Record<string, unknown>> {
    const verifier = await token(['verifier']);
    let last: Record<string, unknown> = {};
    await waitFor(
      async () => {
        const res = await call('GET', `/v1/complaints/${id}`, verifier);
        last = res.body;
        return res.status === 200 && predicate(res.body);
      },
      { timeoutMs: 60_000, description },
    );
    return last;
  }

  const eventsOf = (id: string) =>
    probe
      .on(stack.topic('salur.complaints.v1'))
      .filter((m) => m.key === id)
      .map((m) => ({
        type: m.headers.ce_type,
        agency: m.headers.ce_agency,
        data: JSON.parse(m.value) as { complaint: Record<string, unknown> } & Record<
          string,
          unknown
        >,
        raw: m.value,
      }));

  it('takes a complaint from submission through forward and escalation to the reporter’s confirmation', async () => {
    const accepted = await submit({ channel: 'sms' });
    const id = accepted.complaintId;
    const pending = await caseWhen(id, () => true, 'routing to open the case');
    // An SMS submission is not auto-verified: it waits for a verifier, who sees the reporter.
    expect(pending).toMatchObject({ status: 'pending_verification', agency: null, version: 1 });
    expect(pending.reporter).toMatchObject({ name: 'Siti Rahmawati' });

    const city = await token(['agency_operator'], 'pemda-64.71');
    const province = await token(['agency_operator'], 'pemda-64');
    const national = await token(['agency_operator'], 'lapor-pusat');
    const verifier = await token(['verifier']);

    expect((await call('GET', `/v1/complaints/${id}`, city)).status).toBe(404);

    // The verifier postpones it ("tunda"): still pending, same version, no event.
    const until = new Date(Date.now() + 2 * 86_400_000).toISOString();
    const postponeTo = (body: unknown, ifMatch = '"1"', bearer = verifier) =>
      call('POST', `/v1/complaints/${id}/postpone`, bearer, body, { 'if-match': ifMatch });
    const invalid = await postponeTo({ until: 'besok', reason: 'later' });
    expect(invalid.status).toBe(400);
    expect(invalid.contentType).toContain('application/problem+json');
    const fieldsOf = (res: { body: Record<string, unknown> }) =>
      [...new Set((res.body.errors as { field: string }[]).map((e) => e.field))].sort();
    expect(fieldsOf(invalid)).toEqual(['reason', 'until']);
    const noNote = await postponeTo({ until, reason: 'other' });
    expect(noNote.status).toBe(400);
    expect(fieldsOf(noNote)).toEqual(['note']);
    const tooFar = await postponeTo({
      until: new Date(Date.now() + 31 * 86_400_000).toISOString(),
      reason: 'needs_coordination',
    });
    expect(tooFar.status).toBe(422);
    expect(fieldsOf(tooFar)).toEqual(['until']);
    expect((await postponeTo({ until, reason: 'needs_coordination' }, '"1"', city)).status).toBe(
      403,
    );
    const stale = await postponeTo({ until, reason: 'needs_coordination' }, '"2"');
    expect(stale.status).toBe(412);
    expect(stale.body).toMatchObject({ currentVersion: 1 });
    const missing = await call(
      'POST',
      '/v1/complaints/00000000-0000-4000-8000-000000000000/postpone',
      verifier,
      { until, reason: 'needs_coordination' },
    );
    expect(missing.status).toBe(404);
    const postponed = await postponeTo({ until, reason: 'awaiting_clarification' });
    expect(postponed.status).toBe(200);
    expect(postponed.body).toMatchObject({
      status: 'pending_verification',
      version: 1,
      postponedUntil: until,
      postponement: { until, reason: 'awaiting_clarification', note: null },
    });
    expect((await call('GET', `/v1/complaints/${id}`, verifier)).body).toMatchObject({
      postponedUntil: until,
    });

    // Verifying a postponed complaint works and clears the postponement.
    const verified = await call('POST', `/v1/complaints/${id}/verify`, verifier, {
      category: 'infrastruktur',
      type: 'complaint',
    });
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({
      status: 'awaiting_follow_up',
      agency: 'pemda-64.71',
      version: 3,
      postponement: null,
      postponedUntil: null,
    });
    const late = await call('POST', `/v1/complaints/${id}/postpone`, verifier, {
      until,
      reason: 'needs_coordination',
    });
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({
      detail: 'cannot postpone a complaint that is awaiting_follow_up',
      currentStatus: 'awaiting_follow_up',
    });

    const seenByCity = await call('GET', `/v1/complaints/${id}`, city);
    expect(seenByCity.status).toBe(200);
    expect(seenByCity.body.reporter).toBeUndefined();
    expect(JSON.stringify(seenByCity.body)).not.toContain('@example.test');

    expect((await call('POST', `/v1/complaints/${id}/acknowledge`, city)).status).toBe(200);
    const again = await call('POST', `/v1/complaints/${id}/acknowledge`, city);
    expect(again.status).toBe(409);
    expect(again.contentType).toContain('application/problem+json');
    expect(again.body).toMatchObject({
      detail: 'cannot acknowledge a complaint that is in_progress',
      currentStatus: 'in_progress',
      status: 409,
    });

    const forwarded = await call('POST', `/v1/complaints/${id}/forward`, city, {
      toAgency: 'pemda-64',
      reason: 'Jalan provinsi, bukan wewenang kota',
    });
    expect(forwarded.body).toMatchObject({ status: 'awaiting_follow_up', agency: 'pemda-64' });

    // No ping-pong back to the city, and the city may still read but no longer act.
    const back = await call('POST', `/v1/complaints/${id}/forward`, province, {
      toAgency: 'pemda-64.71',
      reason: 'bukan wewenang',
    });
    expect(back.status).toBe(409);
    expect((await call('GET', `/v1/complaints/${id}`, city)).status).toBe(200);
    expect((await call('POST', `/v1/complaints/${id}/escalate`, city, {})).status).toBe(403);

    const escalated = await call(
      'POST',
      `/v1/complaints/${id}/escalate`,
      province,
      { reason: 'Perlu koordinasi nasional' },
      { 'if-match': '"5"' },
    );
    // A retry of the same request (the version has moved) does not escalate again.
    const retried = await call(
      'POST',
      `/v1/complaints/${id}/escalate`,
      await token(['agency_supervisor'], 'lapor-pusat'),
      { reason: 'Perlu koordinasi nasional' },
      { 'if-match': '"5"' },
    );
    expect(retried.status).toBe(412);
    expect(retried.body).toMatchObject({ currentVersion: 6 });
    expect(escalated.body).toMatchObject({ agency: 'lapor-pusat', agencyLevel: 'national' });

    const responded = await call('POST', `/v1/complaints/${id}/respond`, national, {
      response: 'Jalan sudah ditambal oleh Balai Jalan Nasional',
      attachments: [
        {
          url: 'https://files.example.test/foto.jpg',
          contentType: 'image/jpeg',
          size: 2048,
          sha256: 'a'.repeat(64),
        },
      ],
    });
    expect(responded.body).toMatchObject({ status: 'responded' });

    // The reporter confirms through intake once intake's view shows the response.
    await waitFor(
      async () => {
        const res = await fetch(stack.url('intake', `/v1/complaints/${accepted.trackingId}`));
        return ((await res.json()) as { status: string }).status === 'responded';
      },
      { timeoutMs: 30_000, description: 'intake to project the response' },
    );
    const confirmation = await fetch(
      stack.url('intake', `/v1/complaints/${accepted.trackingId}/confirmation`),
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-tracking-token': accepted.trackingToken,
        },
        body: JSON.stringify({ rating: 5, comment: 'Terima kasih' }),
      },
    );
    expect(confirmation.status).toBe(202);
    const closed = await caseWhen(id, (c) => c.status === 'closed', 'the case to close');
    expect(closed).toMatchObject({ closedBy: 'reporter', rating: 5 });

    await waitFor(() => eventsOf(id).length === 7, {
      timeoutMs: 30_000,
      description: 'seven events on salur.complaints.v1',
    });
    const events = eventsOf(id);
    expect(
      events.map((e) => [e.type, e.agency, e.data.complaint.status, e.data.complaint.version]),
    ).toEqual([
      ['salur.complaint.verified.v1', undefined, 'pending_verification', 2],
      ['salur.complaint.routed.v1', 'pemda-64.71', 'awaiting_follow_up', 3],
      ['salur.complaint.acknowledged.v1', 'pemda-64.71', 'in_progress', 4],
      ['salur.complaint.forwarded.v1', 'pemda-64', 'awaiting_follow_up', 5],
      ['salur.complaint.escalated.v1', 'lapor-pusat', 'awaiting_follow_up', 6],
      ['salur.complaint.responded.v1', 'lapor-pusat', 'responded', 7],
      ['salur.complaint.closed.v1', 'lapor-pusat', 'closed', 8],
    ]);
    expect(events[3].data).toMatchObject({ fromAgency: 'pemda-64.71', toAgency: 'pemda-64' });
    expect(events[4].data).toMatchObject({ trigger: 'agency', fromAgency: 'pemda-64' });
    expect(events[6].data).toMatchObject({ closedBy: 'reporter', rating: 5 });
    expect(events[6].data.complaint.previousAgencies).toEqual(['pemda-64.71', 'pemda-64']);
    for (const e of events) {
      expect(e.raw).not.toContain('@example.test');
      expect(e.raw).not.toContain('Siti Rahmawati');
    }
  });

  it('answers every endpoint by role and agency: own 200/409, other agency 404, wrong role 403, no token 401', async () => {
    const { complaintId: id } = await submit({ channel: 'web' });
    await caseWhen(id, (c) => c.agency === 'pemda-64.71', 'auto-verification to route the case');
    const city = await token(['agency_operator'], 'pemda-64.71');
    expect(
      (await call('POST', `/v1/complaints/${id}/respond`, city, { response: 'Selesai' })).status,
    ).toBe(200);
    // Responded: every action is refused by the state machine (409) once access is granted,
    // so the matrix changes nothing while it runs.

    const who: Record<string, [string[], string?]> = {
      verifier: [['verifier']],
      admin: [['admin']],
      oncall: [['oncall']],
      'operator own': [['agency_operator'], 'pemda-64.71'],
      'supervisor own': [['agency_supervisor'], 'pemda-64.71'],
      'supervisor parent': [['agency_supervisor'], 'pemda-64'],
      'operator parent': [['agency_operator'], 'pemda-64'],
      'operator other': [['agency_operator'], 'pemda-31.71'],
      'supervisor other': [['agency_supervisor'], 'pemda-31'],
    };
    const agencyOwn = { 'operator own': 1, 'supervisor own': 1, 'supervisor parent': 1 };
    const agencyOther = { 'operator parent': 1, 'operator other': 1, 'supervisor other': 1 };
    const readers = (ok: number) => ({
      verifier: ok,
      admin: ok,
      oncall: ok,
      ...Object.fromEntries(Object.keys(agencyOwn).map((k) => [k, ok])),
      ...Object.fromEntries(Object.keys(agencyOther).map((k) => [k, 404])),
    });
    const agencyAction = {
      verifier: 403,
      admin: 403,
      oncall: 403,
      ...Object.fromEntries(Object.keys(agencyOwn).map((k) => [k, 409])),
      ...Object.fromEntries(Object.keys(agencyOther).map((k) => [k, 404])),
    };
    const verifierAction = Object.fromEntries(
      Object.keys(who).map((k) => [k, k === 'verifier' || k === 'admin' ? 409 : 403]),
    );
    const verifierOrAgencyAction = { ...agencyAction, verifier: 409, admin: 409 };

    const endpoints: [string, 'GET' | 'POST', string, unknown, Record<string, number>][] = [
      ['read', 'GET', `/v1/complaints/${id}`, undefined, readers(200)],
      ['queue', 'GET', '/v1/agencies/pemda-64.71/complaints', undefined, readers(200)],
      [
        'verify',
        'POST',
        `/v1/complaints/${id}/verify`,
        { category: 'infrastruktur', type: 'complaint' },
        verifierAction,
      ],
      ['reject', 'POST', `/v1/complaints/${id}/reject`, { reason: 'spam' }, verifierAction],
      [
        'postpone',
        'POST',
        `/v1/complaints/${id}/postpone`,
        { until: new Date(Date.now() + 86_400_000).toISOString(), reason: 'needs_coordination' },
        verifierAction,
      ],
      ['acknowledge', 'POST', `/v1/complaints/${id}/acknowledge`, {}, agencyAction],
      [
        'request-info',
        'POST',
        `/v1/complaints/${id}/request-info`,
        { question: 'Di mana?' },
        agencyAction,
      ],
      ['respond', 'POST', `/v1/complaints/${id}/respond`, { response: 'Lagi' }, agencyAction],
      [
        'forward',
        'POST',
        `/v1/complaints/${id}/forward`,
        { toAgency: 'pemda-64', reason: 'x' },
        verifierOrAgencyAction,
      ],
      ['escalate', 'POST', `/v1/complaints/${id}/escalate`, {}, verifierOrAgencyAction],
    ];

    const outcomes: string[] = [];
    const expected: string[] = [];
    for (const [name, method, path, body, statuses] of endpoints) {
      for (const [role, [roles, agency]] of Object.entries(who)) {
        const res = await call(method, path, await token(roles, agency), body);
        outcomes.push(`${name} × ${role}: ${res.status}`);
        expected.push(`${name} × ${role}: ${statuses[role]}`);
      }
      const anonymous = await call(method, path, null, body);
      outcomes.push(`${name} × no token: ${anonymous.status}`);
      expected.push(`${name} × no token: 401`);
    }
    expect(outcomes).toEqual(expected);
    const after = await call('GET', `/v1/complaints/${id}`, await token(['verifier']));
    expect(after.body).toMatchObject({ status: 'responded', agency: 'pemda-64.71' });
  });

  it('lists an agency’s queue with filters and cursor pagination', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++)
      ids.push((await submit({ channel: 'web', category: 'kesehatan' })).complaintId);
    for (const id of ids) await caseWhen(id, (c) => c.agency === 'pemda-64.71', 'routing');
    const city = await token(['agency_operator'], 'pemda-64.71');
    const seen: string[] = [];
    let cursor: string | null = null;
    // By submission: a stable key. (By due date the SLA service may start a clock mid-paging,
    // which moves a complaint; routing-handlers.e2e-spec.ts pages by due date with fixed clocks.)
    do {
      const page = await call(
        'GET',
        `/v1/agencies/pemda-64.71/complaints?category=kesehatan&status=awaiting_follow_up&sort=submitted&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        city,
      );
      expect(page.status).toBe(200);
      const items = page.body.items as { complaintId: string; category: string }[];
      expect(items.length).toBeLessThanOrEqual(2);
      seen.push(...items.map((c) => c.complaintId));
      cursor = page.body.next as string | null;
    } while (cursor);
    expect(seen.sort()).toEqual([...ids].sort());
    const bad = await call('GET', '/v1/agencies/pemda-64.71/complaints?status=nope', city);
    expect(bad.status).toBe(400);
  });

  it('routes by a new version of the rule set, and simulates without side effects', async () => {
    const admin = await token(['admin']);
    const current = await call('GET', '/v1/rules', admin);
    const rules = [
      {
        id: 'kesehatan-ke-provinsi',
        when: { categories: ['kesehatan'], keywords: ['rumah sakit umum daerah'] },
        target: { kind: 'province_government' },
      },
    ];
    expect(
      (await call('PUT', '/v1/rules', await token(['verifier']), { expectedVersion: 0, rules }))
        .status,
    ).toBe(403);
    const saved = await call('PUT', '/v1/rules', admin, {
      expectedVersion: current.body.version,
      rules,
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ version: (current.body.version as number) + 1 });
    const stale = await call('PUT', '/v1/rules', admin, {
      expectedVersion: current.body.version,
      rules,
    });
    expect(stale.status).toBe(409);

    const simulated = await call('POST', '/v1/rules/simulate', await token(['verifier']), {
      category: 'kesehatan',
      type: 'complaint',
      regionCode: '64.71',
      title: 'Antrean di Rumah Sakit Umum Daerah',
      channel: 'web',
    });
    expect(simulated.body).toEqual({
      agency: 'pemda-64',
      reason: 'rule',
      ruleId: 'kesehatan-ke-provinsi',
      ruleSetVersion: saved.body.version,
    });

    const { complaintId } = await submit({
      channel: 'web',
      category: 'kesehatan',
      title: 'Antrean panjang di Rumah Sakit Umum Daerah',
    });
    await caseWhen(complaintId, (c) => c.agency === 'pemda-64', 'the rule to route the case');
    await waitFor(() => eventsOf(complaintId).length === 2, {
      timeoutMs: 30_000,
      description: 'verified and routed',
    });
    expect(eventsOf(complaintId)[1].data).toMatchObject({
      agency: 'pemda-64',
      reason: 'rule',
      ruleId: 'kesehatan-ke-provinsi',
    });
  });
});
