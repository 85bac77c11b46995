import { KafkaJsBroker } from '@salur/messaging';
import { testBrokers, waitFor, type TopicProbe } from '@salur/testing';
import { Client } from 'pg';
import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { RoutingStack } from './support/routing-stack';

const COMPLAINTS = 300;
const BATCH = 6;

/**
 * SIGTERM while routing is consuming a steady flow of submissions: the events in hand finish and
 * their offsets are committed before the exit, and after a restart every submission has been
 * applied exactly once: no case lost, no transition published twice.
 */
describe('routing shutdown while events flow', () => {
  let stack: RoutingStack;
  let probe: TopicProbe | undefined;

  beforeAll(async () => {
    stack = await RoutingStack.start({
      ROUTING_AUTO_VERIFY_CHANNELS: 'web',
      ROUTING_DUPLICATE_WINDOW_HOURS: '0',
      SHUTDOWN_GRACE_MS: '20000',
      LOG_LEVEL: 'info',
    });
  });

  afterAll(async () => {
    await probe?.stop();
    await stack.stop();
  });

  async function count(sql: string): Promise<number> {
    const client = new Client({ connectionString: stack.env.DATABASE_URL });
    await client.connect();
    try {
      const { rows } = await client.query<{ n: number }>(sql);
      return rows[0]?.n ?? 0;
    } finally {
      await client.end();
    }
  }

  function submitted(id: string, n: number) {
    return RoutingStack.event(
      '/salur/intake',
      'salur.complaint.submitted.v1',
      id,
      {
        complaintId: id,
        trackingId: `SLR-SHUT-${String(n).padStart(4, '0')}-2B8D`,
        type: 'complaint',
        channel: 'web',
        title: `Lampu jalan mati nomor ${n}`,
        body: `Lampu jalan nomor ${n} di Jl. Jenderal Sudirman mati sejak minggu lalu`,
        category: 'infrastruktur',
        location: { regionCode: '64.71' },
        privacy: 'public',
        language: 'id',
        reporter: { name: `Pelapor ${n}`, email: `pelapor-${n}@example.test` },
        attachments: [],
        submittedAt: new Date().toISOString(),
      },
      { region: '64.71' },
    );
  }

  it('finishes the events in hand, exits 0, and after a restart has applied each exactly once', async () => {
    // Routing creates the topic it publishes to in the background after it starts; the probe
    // needs it now.
    const admin = new KafkaJsBroker({
      brokers: testBrokers(),
      clientId: 'routing-shutdown-e2e',
      topicPrefix: stack.topicPrefix,
      logger: pino({ level: 'warn' }),
    });
    try {
      await admin.ensureTopics([{ topic: 'salur.complaints.v1', partitions: 6 }]);
    } finally {
      await admin.close();
    }
    probe = await stack.probe(['salur.complaints.v1', 'salur.intake.v1.dlq.salur-routing']);
    const ids = Array.from({ length: COMPLAINTS }, () => randomUUID());

    // A steady flow of submissions that goes on while routing stops and starts again.
    let published = 0;
    const flow = (async () => {
      for (let i = 0; i < ids.length; i += BATCH) {
        const batch = ids.slice(i, i + BATCH);
        await stack.publish(
          'salur.intake.v1',
          batch.map((id, k) => submitted(id, i + k)),
        );
        published += batch.length;
        await new Promise((resolve) => setTimeout(resolve, 40));
      }
    })();

    const cases = (): Promise<number> =>
      count('SELECT count(*)::int AS n FROM routing.complaint_cases');
    await waitFor(async () => (await cases()) >= 30, {
      timeoutMs: 60_000,
      description: 'routing to be applying submissions',
    });
    const exit = await stack.routing.stop();
    expect(exit).toEqual({ code: 0, signal: null });
    const appliedBeforeRestart = await cases();
    // Stopped mid-flow: submissions were still arriving and waiting.
    expect(appliedBeforeRestart).toBeLessThan(COMPLAINTS);
    expect(stack.routing.output).toMatch(/"clean":true[^\n]*"msg":"stopped"/);

    await stack.routing.start();
    await flow;
    expect(published).toBe(COMPLAINTS);
    await waitFor(async () => (await cases()) === COMPLAINTS, {
      timeoutMs: 120_000,
      description: `all ${COMPLAINTS} submissions applied after the restart`,
    });

    // Each submission was applied once: one inbox entry, a case at version 3 (verified, routed).
    expect(
      await count(
        `SELECT count(*)::int AS n FROM routing.inbox WHERE consumer_group LIKE '%salur-routing'`,
      ),
    ).toBe(COMPLAINTS);
    expect(
      await count('SELECT count(*)::int AS n FROM routing.complaint_cases WHERE version <> 3'),
    ).toBe(0);

    // Its transitions reached Kafka once each: nothing lost, nothing published twice.
    const topic = stack.topic('salur.complaints.v1');
    const transitions = (): string[] =>
      (probe?.on(topic) ?? []).map((m) => `${m.key} ${m.headers.ce_type}`);
    await waitFor(() => transitions().length >= COMPLAINTS * 2, {
      timeoutMs: 60_000,
      description: `${COMPLAINTS * 2} transitions on ${topic}`,
    });
    expect(transitions().sort()).toEqual(
      ids
        .flatMap((id) => [`${id} salur.complaint.verified.v1`, `${id} salur.complaint.routed.v1`])
        .sort(),
    );
    expect(probe.on(stack.topic('salur.intake.v1.dlq.salur-routing'))).toEqual([]);
    console.log(
      `routing shutdown while events flow: ${appliedBeforeRestart} of ${COMPLAINTS} applied before the restart, the rest after`,
    );
  });
});
