import { printCounts, runChaos, type ChaosPlan } from './chaos-scenario';

/**
 * The full fault-injection run (`npm run test:chaos`, docs/chaos.md): complaints at 20/s for
 * several minutes while each service in turn is killed with SIGKILL and restarted, the stack's own
 * Kafka broker is stopped for 15 s, its own Postgres is restarted, and poison is injected.
 */
const plan: ChaosPlan = {
  name: 'full',
  ratePerSecond: 20,
  cluster: 'salur_chaos',
  // the backlog of several minutes at 20/s drains at the pace of the machine
  settleTimeoutMs: 900_000,
  steps: [
    { kind: 'run', ms: 20_000 },
    { kind: 'poison' },
    { kind: 'run', ms: 10_000 },
    { kind: 'kill', service: 'intake', downMs: 3_000 },
    { kind: 'run', ms: 20_000 },
    { kind: 'kill', service: 'routing', downMs: 3_000 },
    { kind: 'run', ms: 20_000 },
    { kind: 'kill', service: 'sla', downMs: 3_000 },
    { kind: 'run', ms: 20_000 },
    { kind: 'kill', service: 'notification', downMs: 3_000 },
    { kind: 'run', ms: 20_000 },
    { kind: 'kafka-outage', downMs: 15_000 },
    { kind: 'run', ms: 20_000 },
    { kind: 'postgres-restart' },
    { kind: 'run', ms: 30_000 },
  ],
};

describe('fault injection (full)', () => {
  it('keeps every accepted complaint routed, clocked and delivered exactly once', async () => {
    const result = await runChaos(plan);
    printCounts(result);
    expect(result.counts.submissions.distinctComplaints).toBeGreaterThan(1_000);
    expect(result.problems).toEqual([]);
  }, 1_800_000);
});
