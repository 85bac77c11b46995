import { waitFor, type TopicProbe } from '@salur/testing';
import { HttpReceiver } from '../apps/notification/test/support/receivers';
import { SalurStack } from './support/salur-stack';

/**
 * A complaint submitted to intake travels through all four running services over real Kafka and
 * Postgres: stored with its outbox event, routed to the regency/city government of its location,
 * a follow-up clock started for that agency (and the verification clock started at submission
 * met by the auto-verification), a webhook delivery recorded for the agency's
 * subscription. Every step is checked from the outside: HTTP answers and what is on the topics.
 */
describe('walking skeleton', () => {
  let stack: SalurStack;
  let probe: TopicProbe;
  const cleanups: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    const agencyHook = await HttpReceiver.start();
    cleanups.push(() => agencyHook.close());
    stack = await SalurStack.start({ WEBHOOK_ALLOWED_HOSTS: '127.0.0.1' });
    cleanups.push(() => stack.stop());
    probe = await stack.probe(['salur.intake.v1', 'salur.complaints.v1', 'salur.sla.v1']);
    cleanups.push(() => probe.stop());
    // The city government receives its complaints through a webhook subscription.
    const subscribed = await fetch(stack.url('notification', '/v1/subscriptions'), {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await stack.token({ roles: ['admin'] })}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        agency: 'pemda-64.71',
        url: agencyHook.url(),
        eventTypes: ['salur.complaint.routed.v1'],
      }),
    });
    expect(subscribed.status).toBe(201);
  });

  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  const complaint = {
    type: 'complaint',
    channel: 'web',
    title: 'Jalan berlubang di Jl. Jenderal Sudirman',
    body: 'Lubang besar di depan pasar, sudah dua minggu belum diperbaiki dan membahayakan pengendara.',
    category: 'infrastruktur',
    location: { regionCode: '64.71', address: 'Jl. Jenderal Sudirman, Balikpapan' },
    privacy: 'public',
    reporter: { name: 'Siti Rahmawati', email: 'siti@example.test', phone: '+6281234567890' },
  };

  function submit(body: unknown, idempotencyKey: string): Promise<Response> {
    return fetch(stack.url('intake', '/v1/complaints'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
      body: JSON.stringify(body),
    });
  }

  it('routes a submission to the regency government, starts its clock and records its delivery', async () => {
    const first = await submit(complaint, 'walking-skeleton-1');
    expect(first.status).toBe(202);
    const accepted = (await first.json()) as Record<string, string>;
    expect(accepted).toEqual({
      complaintId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      trackingId: expect.stringMatching(/^SLR-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/),
      trackingToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      status: 'pending_verification',
      submittedAt: expect.any(String),
    });

    // The same request again (a client retrying after a timeout) gets the first answer.
    const retry = await submit(complaint, 'walking-skeleton-1');
    expect(retry.status).toBe(202);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(await retry.json()).toEqual(accepted);

    // The same key with another body is refused, naming the problem.
    const reused = await submit({ ...complaint, title: 'Something else' }, 'walking-skeleton-1');
    expect(reused.status).toBe(422);
    expect(reused.headers.get('content-type')).toContain('application/problem+json');

    const id = accepted.complaintId;
    const onTopic = (topic: string, type: string) =>
      probe.on(stack.topic(topic)).filter((m) => m.key === id && m.headers.ce_type === type);

    const ofStage = (type: string, stage: string) =>
      onTopic('salur.sla.v1', type).filter(
        (m) => (JSON.parse(m.value) as { stage: string }).stage === stage,
      );
    await waitFor(() => ofStage('salur.sla.started.v1', 'follow_up').length === 1, {
      timeoutMs: 60_000,
      description: 'the follow-up clock to start',
    });
    // The submission started verification and resolution; the auto-verification met the first.
    await waitFor(() => ofStage('salur.sla.met.v1', 'verification').length === 1, {
      timeoutMs: 30_000,
      description: 'the verification clock to be met',
    });
    expect(JSON.parse(ofStage('salur.sla.met.v1', 'verification')[0].value)).toMatchObject({
      stage: 'verification',
      agency: null,
      withinSla: true,
    });

    const [submitted] = onTopic('salur.intake.v1', 'salur.complaint.submitted.v1');
    expect(submitted.headers).toMatchObject({
      ce_specversion: '1.0',
      ce_source: '/salur/intake',
      ce_subject: id,
      ce_region: '64.71',
      'content-type': 'application/json',
    });

    const [routed] = onTopic('salur.complaints.v1', 'salur.complaint.routed.v1');
    expect(routed.headers).toMatchObject({
      ce_agency: 'pemda-64.71',
      ce_source: '/salur/routing',
    });
    const routedData = JSON.parse(routed.value) as {
      agency: string;
      reason: string;
      complaint: Record<string, unknown>;
    };
    expect(routedData.agency).toBe('pemda-64.71');
    expect(routedData.reason).toBe('region_default');
    expect(routedData.complaint).toMatchObject({
      complaintId: id,
      status: 'awaiting_follow_up',
      agency: 'pemda-64.71',
      agencyLevel: 'regency',
      regionCode: '64.71',
      // Auto-verified (a complete web submission, docs/routing.md): verified is version 2.
      version: 3,
    });
    const [verified] = onTopic('salur.complaints.v1', 'salur.complaint.verified.v1');
    expect(JSON.parse(verified.value)).toMatchObject({
      by: { role: 'system', id: 'routing' },
      category: 'infrastruktur',
      complaint: { status: 'pending_verification', version: 2 },
    });
    // Agency-facing topics never carry the reporter.
    expect(routed.value).not.toContain('siti@example.test');
    expect(routed.value).not.toContain('Siti Rahmawati');

    const oncall = await stack.token({ roles: ['oncall'] });
    const clocks = await fetch(stack.url('sla', `/v1/sla/clocks?complaintId=${id}`), {
      headers: { authorization: `Bearer ${oncall}` },
    });
    expect(clocks.status).toBe(200);
    const { items: clockItems } = (await clocks.json()) as { items: Record<string, string>[] };
    const byStage = new Map(clockItems.map((c) => [c.stage, c]));
    expect(clockItems).toHaveLength(3);
    expect(byStage.get('follow_up')).toMatchObject({ agency: 'pemda-64.71', status: 'running' });
    expect(byStage.get('verification')).toMatchObject({ agency: null, status: 'met' });
    expect(byStage.get('resolution')).toMatchObject({ agency: null, status: 'running' });
    const followUp = byStage.get('follow_up')!;
    expect(new Date(followUp.dueAt).getTime()).toBeGreaterThan(
      new Date(followUp.startedAt).getTime(),
    );
    // Resolution runs 60 days, 24×7, from the submission.
    const resolution = byStage.get('resolution')!;
    expect(new Date(resolution.startedAt).getTime()).toBe(new Date(accepted.submittedAt).getTime());
    expect(new Date(resolution.dueAt).getTime() - new Date(resolution.startedAt).getTime()).toBe(
      60 * 24 * 3_600_000,
    );

    const admin = await stack.token({ roles: ['admin'] });
    await waitFor(
      async () => {
        const res = await fetch(stack.url('notification', `/v1/deliveries?complaintId=${id}`), {
          headers: { authorization: `Bearer ${admin}` },
        });
        const body = (await res.json()) as { items: unknown[] };
        return body.items.length === 1;
      },
      { timeoutMs: 30_000, description: 'the agency webhook delivery to be recorded' },
    );
    const deliveries = await fetch(stack.url('notification', `/v1/deliveries?complaintId=${id}`), {
      headers: { authorization: `Bearer ${admin}` },
    });
    const { items: deliveryItems } = (await deliveries.json()) as {
      items: Record<string, string>[];
    };
    expect(deliveryItems[0]).toMatchObject({
      recipientKind: 'agency',
      recipient: 'pemda-64.71',
      channel: 'webhook',
      sourceEventId: routed.headers.ce_id,
    });

    // The reporter's view follows routing's decision.
    await waitFor(
      async () => {
        const res = await fetch(stack.url('intake', `/v1/complaints/${accepted.trackingId}`));
        const view = (await res.json()) as { status: string; agency: string | null };
        return view.status === 'awaiting_follow_up' && view.agency === 'pemda-64.71';
      },
      { timeoutMs: 30_000, description: 'the reporter-facing status to be projected' },
    );

    // Exactly one complaint, one routing, one clock per stage for the twice-submitted request.
    expect(onTopic('salur.intake.v1', 'salur.complaint.submitted.v1')).toHaveLength(1);
    expect(onTopic('salur.complaints.v1', 'salur.complaint.routed.v1')).toHaveLength(1);
    expect(
      onTopic('salur.sla.v1', 'salur.sla.started.v1')
        .map((m) => (JSON.parse(m.value) as { stage: string }).stage)
        .sort(),
    ).toEqual(['follow_up', 'resolution', 'verification']);
    expect(
      probe
        .on(stack.topic('salur.intake.v1'))
        .filter((m) => m.headers.ce_type === 'salur.complaint.submitted.v1'),
    ).toHaveLength(1);
  });

  it('refuses on-call endpoints without a token, as problem+json', async () => {
    const res = await fetch(
      stack.url('sla', '/v1/sla/clocks?complaintId=0b4e2f8e-7f5e-4b53-9a39-5d3f8c1d2a10'),
    );
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });

  it('answers an unknown region with a 400 naming the field', async () => {
    const res = await submit(
      { ...complaint, location: { regionCode: '64.99' } },
      'walking-skeleton-2',
    );
    expect(res.status).toBe(400);
    const problem = (await res.json()) as { errors: { field: string; message: string }[] };
    expect(problem.errors).toEqual([
      { field: 'location.regionCode', message: expect.stringContaining('64.99') },
    ]);
  });
});
