import { kafkaControl, TopicProbe, waitFor } from '@salur/testing';
import { brokers, IntakeStack, post, validComplaint } from './support/intake-stack';
import { TcpProxy } from './support/tcp-proxy';

/**
 * Intake's dependencies failing under the running service: Postgres gone answers 503 with
 * Retry-After at once (no hanging request); Kafka gone changes nothing for the reporter, and what
 * was accepted meanwhile reaches Kafka once it is back.
 */
describe('intake when a dependency fails', () => {
  let stack: IntakeStack;
  let proxy: TcpProxy | undefined;

  beforeAll(async () => {
    stack = await IntakeStack.start(
      { RATE_LIMIT_PER_CLIENT: '10000', RATE_LIMIT_PER_REPORTER: '10000' },
      {
        databaseUrl: async (url) => {
          const target = new URL(url);
          proxy = new TcpProxy(target.hostname, Number(target.port || 5432));
          await proxy.start();
          target.hostname = '127.0.0.1';
          target.port = String(proxy.port);
          return target.toString();
        },
      },
    );
  });

  afterAll(async () => {
    await proxy?.restore().catch(() => undefined);
    await stack.stop();
    await proxy?.refuse();
  });

  function cut(): TcpProxy {
    if (!proxy) throw new Error('the proxy did not start');
    return proxy;
  }

  async function timedSubmit(): Promise<{ ms: number; result: Awaited<ReturnType<typeof post>> }> {
    const started = Date.now();
    const result = await post(stack.url('/v1/complaints'), validComplaint());
    return { ms: Date.now() - started, result };
  }

  it('answers 503 with Retry-After quickly while Postgres is unreachable, and recovers', async () => {
    expect((await timedSubmit()).result.status).toBe(202);

    await cut().refuse();
    const refused = await timedSubmit();
    expect(refused.result.status).toBe(503);
    expect(refused.result.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(refused.result.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.ms).toBeLessThan(3_000);

    // A server that accepts connections and never answers is cut off by the connect timeout.
    await cut().blackhole();
    const hanging = await timedSubmit();
    expect(hanging.result.status).toBe(503);
    expect(hanging.result.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(hanging.ms).toBeLessThan(10_000);

    await cut().restore();
    await waitFor(async () => (await timedSubmit()).result.status === 202, {
      timeoutMs: 30_000,
      description: 'submissions to succeed again once Postgres is back',
    });
  });

  it('accepts submissions while Kafka is down and publishes them when it is back', async () => {
    const kafka = kafkaControl();
    if (!kafka.controllable) {
      console.warn(`Kafka from ${kafka.source} cannot be stopped by a test; skipping`);
      return;
    }
    await kafka.stop();
    let accepted: string[] = [];
    try {
      for (let i = 0; i < 3; i++) {
        const { result } = await timedSubmit();
        expect(result.status).toBe(202);
        accepted = [...accepted, result.json.complaintId as string];
      }
      const ready = await fetch(stack.url('/health/ready'));
      expect(ready.status).toBe(200);
    } finally {
      await kafka.start();
    }
    const probe = await TopicProbe.start(brokers(), [stack.topic('salur.intake.v1')]);
    try {
      await waitFor(
        () =>
          accepted.every((id) =>
            probe.on(stack.topic('salur.intake.v1')).some((m) => m.key === id),
          ),
        { timeoutMs: 120_000, description: 'the submissions accepted during the outage on Kafka' },
      );
    } finally {
      await probe.stop();
    }
  });
});
