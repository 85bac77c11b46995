import { waitFor } from '@salur/testing';
import { HttpReceiver } from '../apps/notification/test/support/receivers';
import { SalurStack, SERVICES } from './support/salur-stack';

type LogLine = Record<string, unknown>;

/** `81234567890` matched also as `0812-3456-7890`, `+62 812 3456 7890` or `0812.3456.7890`. */
function digitsPattern(digits: string): RegExp {
  return new RegExp(digits.split('').join('[\\s.()-]*'));
}

/**
 * What the four services log while a complaint travels from submission to its agency, read from
 * their stdout and stderr: JSON, one object per line; no trace of the reporter's phone or email,
 * of the tracking token or of a bearer token; and one line per handled event, each with the
 * trace id and the complaint id (tracing exports nothing here, the default, and still the
 * services share one trace id per complaint).
 */
describe('service logs', () => {
  let stack: SalurStack;
  let agencyHook: HttpReceiver;
  const cleanups: (() => Promise<void>)[] = [];

  const phone = '+6281234567890';
  const email = 'dewi.lestari@example.test';

  beforeAll(async () => {
    agencyHook = await HttpReceiver.start();
    cleanups.push(() => agencyHook.close());
    stack = await SalurStack.start({ WEBHOOK_ALLOWED_HOSTS: '127.0.0.1' });
    cleanups.push(() => stack.stop());
  });

  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it('keep reporter identity and tokens out, and tie each event line to its trace and complaint', async () => {
    const admin = await stack.token({ roles: ['admin'] });
    const subscribed = await fetch(stack.url('notification', '/v1/subscriptions'), {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        agency: 'pemda-64.71',
        url: agencyHook.url(),
        eventTypes: ['salur.complaint.routed.v1'],
      }),
    });
    expect(subscribed.status).toBe(201);

    const submitted = await fetch(stack.url('intake', '/v1/complaints'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'logs-e2e-1' },
      body: JSON.stringify({
        type: 'complaint',
        channel: 'web',
        title: 'Saluran air tersumbat di Jl. Ahmad Yani',
        body: 'Saluran air di depan rumah warga tersumbat sampah sehingga jalan tergenang setiap hujan.',
        category: 'infrastruktur',
        location: { regionCode: '64.71', address: 'Jl. Ahmad Yani, Balikpapan' },
        privacy: 'public',
        reporter: { name: 'Dewi Lestari', email, phone },
      }),
    });
    expect(submitted.status).toBe(202);
    const { complaintId, trackingId, trackingToken } = (await submitted.json()) as Record<
      string,
      string
    >;

    // The reporter follows the complaint with the token, until routing's decision shows.
    await waitFor(
      async () => {
        const res = await fetch(stack.url('intake', `/v1/complaints/${trackingId}`), {
          headers: { 'x-tracking-token': trackingToken },
        });
        return ((await res.json()) as { status: string }).status === 'awaiting_follow_up';
      },
      { timeoutMs: 60_000, description: 'the complaint to be routed' },
    );
    await waitFor(() => agencyHook.requests.length === 1, {
      timeoutMs: 30_000,
      description: 'the agency webhook to be delivered',
    });
    // Officers' requests, with their bearer tokens.
    const oncall = await stack.token({ roles: ['oncall'] });
    const clocks = await fetch(stack.url('sla', `/v1/sla/clocks?complaintId=${complaintId}`), {
      headers: { authorization: `Bearer ${oncall}` },
    });
    expect(clocks.status).toBe(200);
    const deliveries = await fetch(
      stack.url('notification', `/v1/deliveries?complaintId=${complaintId}`),
      { headers: { authorization: `Bearer ${admin}` } },
    );
    expect(deliveries.status).toBe(200);
    const eventLines = (): LogLine[] =>
      SERVICES.flatMap((s) => parse(stack.services[s].output)).filter(
        (l) => l.msg === 'event handled' && l.complaintId === complaintId,
      );
    // Each service consumes some of the complaint's events (intake: for the reporter's view).
    await waitFor(() => new Set(eventLines().map((l) => l.service)).size === 4, {
      timeoutMs: 30_000,
      description: 'every service to log the events of the complaint',
    });

    const output = SERVICES.map((s) => stack.services[s].output).join('\n');
    expect(output).not.toMatch(digitsPattern('81234567890'));
    expect(output.toLowerCase()).not.toContain(email);
    expect(output).not.toContain(trackingToken);
    for (const token of [admin, oncall]) {
      expect(output).not.toContain(token);
      // Not even the signature part alone.
      expect(output).not.toContain(token.split('.')[2]);
    }

    const lines = SERVICES.flatMap((s) => parse(stack.services[s].output));
    // Every line is one JSON object (parse() throws on anything else).
    expect(lines.length).toBeGreaterThan(0);
    const handled = lines.filter((l) => l.msg === 'event handled');
    expect(handled.length).toBeGreaterThan(0);
    for (const line of handled) {
      expect(line).toMatchObject({
        trace_id: expect.stringMatching(/^[0-9a-f]{32}$/),
        complaintId: expect.stringMatching(/^[0-9a-f-]{36}$/),
        eventId: expect.any(String),
        eventType: expect.any(String),
      });
    }
    // The complaint's events, in whichever service, belong to the trace of its submission.
    const ofComplaint = eventLines();
    const submission = parse(stack.services.intake.output).find(
      (l) => l.msg === 'request completed' && (l.req as { method?: string }).method === 'POST',
    );
    expect(submission?.trace_id).toEqual(expect.stringMatching(/^[0-9a-f]{32}$/));
    expect(new Set(ofComplaint.map((l) => l.trace_id))).toEqual(new Set([submission?.trace_id]));
  });
});

/**
 * The JSON lines of a service's output. Skipped: the test harness's own `--- starting`/`--- exited`
 * markers, and a last line still being written.
 */
function parse(output: string): LogLine[] {
  const lines = output.split('\n');
  lines.pop();
  return lines
    .filter((line) => line.trim() !== '' && !line.startsWith('--- '))
    .map((line) => {
      try {
        return JSON.parse(line) as LogLine;
      } catch {
        throw new Error(`a log line is not JSON: ${line}`);
      }
    });
}
