import { KafkaJsBroker } from '@salur/messaging';
import { KeepAliveLoad, TopicProbe, waitFor, type LoadOutcome } from '@salur/testing';
import pino from 'pino';
import { brokers, IntakeStack, validComplaint } from './support/intake-stack';

const CLIENTS = 16;
const SUBMITTED = 'salur.complaint.submitted.v1';
// Connection-level failures a client may meet on a connection it opened after the listener closed.
const NEW_CONNECTION_FAILURES = ['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'socket hang up'];

/**
 * SIGTERM while clients are submitting steadily over keep-alive connections: nobody who was
 * already connected gets an error, every accepted complaint is stored and its event reaches Kafka
 * exactly once before the process exits, and the exit is clean. Twice: with a drain delay (the
 * Kubernetes setting: keep serving while endpoints let go, so clients reconnect and keep being
 * served) and without one (the default: the listener closes at once, and requests already on
 * kept-alive connections must still be answered, not reset).
 */
describe.each([
  { delayMs: 300, servedAfterSigterm: true },
  { delayMs: 0, servedAfterSigterm: false },
])('intake shutdown under load, SHUTDOWN_DELAY_MS=$delayMs', ({ delayMs, servedAfterSigterm }) => {
  let stack: IntakeStack;
  let probe: TopicProbe | undefined;

  beforeAll(async () => {
    stack = await IntakeStack.start({
      RATE_LIMIT_PER_CLIENT: '1000000',
      RATE_LIMIT_PER_REPORTER: '1000000',
      SHUTDOWN_DELAY_MS: String(delayMs),
      SHUTDOWN_GRACE_MS: '20000',
      LOG_LEVEL: 'info',
    });
  });

  afterAll(async () => {
    await probe?.stop();
    await stack.stop();
  });

  it('answers every request already sent, publishes every accepted complaint once and exits 0', async () => {
    const topic = stack.topic('salur.intake.v1');
    // Intake creates its topic in the background after it starts; the probe needs it now.
    const admin = new KafkaJsBroker({
      brokers: brokers(),
      clientId: 'intake-shutdown-e2e',
      topicPrefix: stack.topicPrefix,
      logger: pino({ level: 'warn' }),
    });
    try {
      await admin.ensureTopics([{ topic: 'salur.intake.v1', partitions: 6 }]);
    } finally {
      await admin.close();
    }
    probe = await TopicProbe.start(brokers(), [topic]);
    const load = KeepAliveLoad.start({
      url: stack.url('/v1/complaints'),
      clients: CLIENTS,
      headers: { 'content-type': 'application/json' },
      body: (client, n) =>
        JSON.stringify(
          validComplaint({ title: `Shutdown load ${client}-${n}: jalan berlubang di pasar` }),
        ),
    });
    let sigtermAt = 0;
    try {
      await waitFor(() => load.answered >= CLIENTS * 5, {
        timeoutMs: 60_000,
        description: 'the load to be running on every connection',
      });
      sigtermAt = Date.now();
      const exit = await stack.intake.stop();
      expect(exit).toEqual({ code: 0, signal: null });
    } finally {
      await load.stop();
    }

    const outcomes = load.outcomes;
    const answered = outcomes.filter((o) => o.status !== undefined);
    const failed = outcomes.filter((o) => o.status === undefined);
    const inFlightAtSigterm = (o: LoadOutcome): boolean => o.startedAt < sigtermAt;
    const onConnectionFromBefore = (o: LoadOutcome): boolean =>
      o.connectedAt !== undefined && o.connectedAt < sigtermAt;

    // Whatever was answered was accepted: no 5xx (nor anything else) during the drain.
    expect(answered.filter((o) => o.status !== 202)).toEqual([]);
    // The load overlapped the shutdown: requests in flight at SIGTERM (one per connection) and,
    // with a drain delay, requests served after it.
    expect(outcomes.filter(inFlightAtSigterm).length).toBeGreaterThanOrEqual(CLIENTS);
    if (servedAfterSigterm) {
      expect(answered.filter((o) => !inFlightAtSigterm(o)).length).toBeGreaterThan(0);
    }
    // No request that was already sent, or that went out on a connection established before
    // SIGTERM, failed; only new connections after the listener closed may be refused or cut.
    expect(failed.filter((o) => inFlightAtSigterm(o) || onConnectionFromBefore(o))).toEqual([]);
    expect(failed.filter((o) => o.reusedSocket)).toEqual([]);
    expect(failed.filter((o) => !NEW_CONNECTION_FAILURES.includes(o.error ?? ''))).toEqual([]);
    // Every client ends up refused: the listener is closed for good.
    expect(
      new Set(failed.filter((o) => o.error === 'ECONNREFUSED').map((o) => o.client)).size,
    ).toBe(CLIENTS);

    const accepted = answered.map(
      (o) => (JSON.parse(o.body ?? '{}') as { complaintId: string }).complaintId,
    );
    expect(new Set(accepted).size).toBe(accepted.length);

    // Stored: exactly the accepted complaints.
    const stored = await stack.query<{ complaint_id: string }>(
      'SELECT complaint_id FROM intake.submissions',
    );
    expect(stored.map((r) => r.complaint_id).sort()).toEqual([...accepted].sort());
    // Flushed before the exit: nothing was left in the outbox for a later relay.
    expect(await stack.query('SELECT position FROM intake.outbox')).toEqual([]);

    // On Kafka: each accepted complaint's submitted event, exactly once.
    const submittedKeys = (): string[] =>
      (probe?.on(topic) ?? []).filter((m) => m.headers.ce_type === SUBMITTED).map((m) => m.key);
    await waitFor(() => submittedKeys().length >= accepted.length, {
      timeoutMs: 60_000,
      description: `${accepted.length} submitted events on ${topic}`,
    });
    expect(submittedKeys().sort()).toEqual([...accepted].sort());

    const log = stack.intake.output;
    expect(log).toContain('shutting down: readiness now answers 503');
    expect(log).toContain('listener closed; finishing in-flight requests');
    expect(log).toMatch(/"clean":true[^\n]*"msg":"stopped"/);
    expect(log).not.toContain('exiting with status 1');
    console.log(
      `shutdown under load (SHUTDOWN_DELAY_MS=${delayMs}): ${answered.length} accepted (${answered.filter((o) => !inFlightAtSigterm(o)).length} after SIGTERM), ` +
        `${failed.length} new connections refused or cut after the listener closed`,
    );
  });
});

/**
 * The grace period bounds the whole shutdown: when it runs out, the process says so and exits 1
 * rather than lingering until the orchestrator kills it. A grace period of 1 ms runs out at once.
 */
describe('intake shutdown past SHUTDOWN_GRACE_MS', () => {
  let stack: IntakeStack;

  beforeAll(async () => {
    stack = await IntakeStack.start({ SHUTDOWN_GRACE_MS: '1', LOG_LEVEL: 'info' });
  });

  afterAll(async () => {
    await stack.stop();
  });

  it('logs that the grace period ran out and exits 1', async () => {
    const exit = await stack.intake.stop();
    expect(exit).toEqual({ code: 1, signal: null });
    expect(stack.intake.output).toMatch(
      /"level":"error"[^\n]*"msg":"shutdown did not finish within SHUTDOWN_GRACE_MS; exiting with status 1"/,
    );
  });
});
