import { EventTypes, type ComplaintSnapshot } from '@salur/contracts';
import { TopicProbe, waitFor } from '@salur/testing';
import { randomUUID } from 'node:crypto';
import { complaintEvent, slaEvent } from './support/events';
import { brokers, IntakeStack, post, validComplaint } from './support/intake-stack';

interface Accepted {
  complaintId: string;
  trackingId: string;
  trackingToken: string;
}

/**
 * The reporter's side against the running service: the status projection built from routing's and
 * the SLA service's events (played here by publishing them), the reporter view, and replies,
 * confirmation and reopening with their events and 409s.
 */
describe('intake reporter view and actions', () => {
  let stack: IntakeStack;
  let probe: TopicProbe;

  beforeAll(async () => {
    stack = await IntakeStack.start({
      RATE_LIMIT_PER_CLIENT: '10000',
      RATE_LIMIT_PER_REPORTER: '10000',
      REOPEN_WINDOW_DAYS: '10',
    });
    probe = await TopicProbe.start(brokers(), [stack.topic('salur.intake.v1')]);
  });

  afterAll(async () => {
    await probe.stop();
    await stack.stop();
  });

  async function submit(overrides: Record<string, unknown> = {}): Promise<Accepted> {
    const accepted = await post(stack.url('/v1/complaints'), validComplaint(overrides));
    expect(accepted.status).toBe(202);
    return accepted.json as unknown as Accepted;
  }

  async function view(trackingId: string, token?: string) {
    const response = await fetch(stack.url(`/v1/complaints/${trackingId}`), {
      headers: token ? { 'x-tracking-token': token } : {},
    });
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
  }

  const act = (c: Accepted, action: string, body: unknown, token = c.trackingToken) =>
    post(stack.url(`/v1/complaints/${c.trackingId}/${action}`), body, {
      'x-tracking-token': token,
    });

  function snapshot(c: Accepted, over: Partial<ComplaintSnapshot>): ComplaintSnapshot {
    const now = new Date().toISOString();
    return {
      complaintId: c.complaintId,
      trackingId: c.trackingId,
      status: 'awaiting_follow_up',
      agency: 'pemda-64.71',
      agencyLevel: 'regency',
      regionCode: '64.71',
      category: 'infrastruktur',
      type: 'complaint',
      privacy: 'public',
      channel: 'web',
      title: 'Jalan berlubang',
      body: null,
      submittedAt: now,
      updatedAt: now,
      verifiedAt: now,
      respondedAt: null,
      closedAt: null,
      version: 2,
      previousAgencies: [],
      ...over,
    };
  }

  const intakeEvents = (id: string, type: string) =>
    probe
      .on(stack.topic('salur.intake.v1'))
      .filter((m) => m.key === id && m.headers.ce_type === type);

  it('projects routing and SLA events into the reporter view, idempotently', async () => {
    const c = await submit();
    const routed = complaintEvent(EventTypes.ComplaintRouted, snapshot(c, { version: 2 }), {
      agency: 'pemda-64.71',
      reason: 'region_default',
    });
    const dueAt = '2026-12-08T08:00:00.000Z';
    await stack.publish('salur.complaints.v1', [routed, routed]);
    await stack.publish('salur.sla.v1', [
      slaEvent(
        EventTypes.SlaStarted,
        {
          complaintId: c.complaintId,
          clockId: randomUUID(),
          dueAt,
          agency: 'pemda-64.71',
          stage: 'follow_up',
        },
        new Date().toISOString(),
      ),
    ]);

    await waitFor(
      async () => {
        const v = await view(c.trackingId, c.trackingToken);
        return v.json.status === 'awaiting_follow_up' && v.json.sla !== null;
      },
      { timeoutMs: 60_000, description: 'the projection to show the routed complaint and its SLA' },
    );
    const reporter = await view(c.trackingId, c.trackingToken);
    expect(reporter.json).toMatchObject({
      view: 'reporter',
      status: 'awaiting_follow_up',
      agency: 'pemda-64.71',
      sla: { stage: 'follow_up', dueAt, agency: 'pemda-64.71', state: 'running' },
      responses: [],
    });
    // The routed event arrived twice; the timeline has it once.
    expect((reporter.json.timeline as { kind: string }[]).map((e) => e.kind)).toEqual([
      'submitted',
      'routed',
    ]);

    // The public sees the status but no body, no identity, no timeline.
    const publicView = await view(c.trackingId);
    expect(publicView.status).toBe(200);
    expect(publicView.json.view).toBe('public');
    expect(publicView.json).not.toHaveProperty('body');
    expect(publicView.json).not.toHaveProperty('timeline');
    expect(JSON.stringify(publicView.json)).not.toContain('Siti');
  });

  it('hides a confidential complaint from anyone without its token', async () => {
    const c = await submit({ privacy: 'confidential' });
    expect((await view(c.trackingId)).status).toBe(404);
    expect((await view(c.trackingId, 'x'.repeat(43))).status).toBe(404);
    expect((await view(c.trackingId, c.trackingToken)).json.view).toBe('reporter');
  });

  it('accepts a reply while open and publishes it; refuses confirmation before a response with 409', async () => {
    const c = await submit();
    const reply = await act(c, 'replies', {
      message: 'Lubangnya sekarang\nsemakin besar.',
      attachments: [
        {
          url: 'https://files.example.test/a/2.jpg',
          contentType: 'image/png',
          size: 1000,
          sha256: 'c'.repeat(64),
        },
      ],
    });
    expect(reply.status).toBe(202);
    expect(reply.json).toMatchObject({ action: 'reply', status: 'pending_verification' });
    await waitFor(() => intakeEvents(c.complaintId, EventTypes.ReporterReplied).length === 1, {
      timeoutMs: 30_000,
      description: 'the reporter-replied event',
    });

    const early = await act(c, 'confirmation', { rating: 5 });
    expect(early.status).toBe(409);
    expect(early.headers.get('content-type')).toContain('application/problem+json');
    expect(early.json).toMatchObject({ currentStatus: 'pending_verification' });
    expect(early.json.detail).toContain('pending_verification');

    const wrongToken = await act(c, 'replies', { message: 'hi' }, 'y'.repeat(43));
    expect(wrongToken.status).toBe(404);
    const noToken = await post(stack.url(`/v1/complaints/${c.trackingId}/replies`), {
      message: 'hi',
    });
    expect(noToken.status).toBe(400);
    expect(noToken.json.errors).toEqual([
      { field: 'X-Tracking-Token', message: expect.any(String) },
    ]);
    const badRating = await act(c, 'confirmation', { rating: 6, extra: true });
    expect(badRating.status).toBe(400);
    expect((badRating.json.errors as { field: string }[]).map((e) => e.field).sort()).toEqual([
      'extra',
      'rating',
    ]);
  });

  it('confirms once the agency responded, shows the response, and refuses a second confirmation', async () => {
    const c = await submit();
    const respondedAt = new Date().toISOString();
    await stack.publish('salur.complaints.v1', [
      complaintEvent(
        EventTypes.ComplaintResponded,
        snapshot(c, { status: 'responded', respondedAt, updatedAt: respondedAt, version: 4 }),
        { response: 'Sudah ditambal pada 28 November.', attachments: [] },
      ),
      // An older snapshot arriving late (a retried event) does not move the status back.
      complaintEvent(
        EventTypes.ComplaintAcknowledged,
        snapshot(c, { status: 'in_progress', version: 3 }),
      ),
    ]);
    await waitFor(
      async () => (await view(c.trackingId, c.trackingToken)).json.status === 'responded',
      { timeoutMs: 60_000, description: 'the response to be projected' },
    );
    await waitFor(
      async () =>
        ((await view(c.trackingId, c.trackingToken)).json.timeline as unknown[]).length === 3,
      { timeoutMs: 30_000, description: 'the late acknowledgement in the timeline' },
    );
    const reporter = await view(c.trackingId, c.trackingToken);
    expect(reporter.json).toMatchObject({
      status: 'responded',
      respondedAt,
      responses: [
        { agency: 'pemda-64.71', response: 'Sudah ditambal pada 28 November.', attachments: [] },
      ],
    });

    const confirmed = await act(c, 'confirmation', { rating: 4, comment: 'Terima kasih' });
    expect(confirmed.status).toBe(202);
    await waitFor(() => intakeEvents(c.complaintId, EventTypes.ReporterConfirmed).length === 1, {
      timeoutMs: 30_000,
      description: 'the reporter-confirmed event',
    });
    const event = intakeEvents(c.complaintId, EventTypes.ReporterConfirmed)[0];
    expect(JSON.parse(event.value)).toMatchObject({
      complaintId: c.complaintId,
      rating: 4,
      comment: 'Terima kasih',
    });

    const twice = await act(c, 'confirmation', { rating: 4 });
    expect(twice.status).toBe(409);
    expect(twice.json.currentStatus).toBe('responded');
  });

  it('reopens within the window after closure and refuses once the window has passed', async () => {
    const inside = await submit();
    const closedAt = new Date(Date.now() - 3 * 86_400_000).toISOString();
    const outside = await submit();
    const longAgo = new Date(Date.now() - 11 * 86_400_000).toISOString();
    await stack.publish('salur.complaints.v1', [
      complaintEvent(
        EventTypes.ComplaintClosed,
        snapshot(inside, {
          status: 'closed',
          respondedAt: closedAt,
          closedAt,
          updatedAt: closedAt,
          version: 5,
        }),
        { closedBy: 'auto_close' },
      ),
      complaintEvent(
        EventTypes.ComplaintClosed,
        snapshot(outside, {
          status: 'closed',
          respondedAt: longAgo,
          closedAt: longAgo,
          updatedAt: longAgo,
          version: 5,
        }),
        { closedBy: 'auto_close' },
      ),
    ]);
    for (const c of [inside, outside]) {
      await waitFor(
        async () => (await view(c.trackingId, c.trackingToken)).json.status === 'closed',
        {
          timeoutMs: 60_000,
          description: 'the closure to be projected',
        },
      );
    }
    const reopened = await act(inside, 'reopen', { reason: 'Lubangnya muncul lagi.' });
    expect(reopened.status).toBe(202);
    await waitFor(
      () => intakeEvents(inside.complaintId, EventTypes.ReporterReopened).length === 1,
      {
        timeoutMs: 30_000,
        description: 'the reporter-reopened event',
      },
    );

    const late = await act(outside, 'reopen', { reason: 'Masih rusak.' });
    expect(late.status).toBe(409);
    expect(late.json.currentStatus).toBe('closed');
    expect(late.json.detail).toContain('window');
    const replyClosed = await act(outside, 'replies', { message: 'Halo?' });
    expect(replyClosed.status).toBe(409);
  });
});
