import { printCounts, runChaos, type ChaosPlan } from './chaos-scenario';

/**
 * The short fault-injection run inside `npm test` (the full one is `npm run test:chaos`, see
 * docs/chaos.md). While complaints arrive at 4/s and the agency acknowledges them: routing is
 * killed with SIGKILL and restarted, the stack's own Kafka broker is stopped for 15 s, its own
 * Postgres is restarted, and poison is injected (a handler failing for one complaint, a garbage
 * message, an invalid event). Then every accepted complaint must be routed once, have each clock
 * once, be delivered once per event to the agency's webhook, and the dead-letter topics must hold
 * exactly the poison.
 */
const plan: ChaosPlan = {
  name: 'short',
  ratePerSecond: 4,
  cluster: 'salur_chaos_e2e',
  // Settles in under a minute on an idle machine; the margin is for a busy one.
  settleTimeoutMs: 300_000,
  steps: [
    // first, so its retries run out while the other faults happen
    { kind: 'poison' },
    { kind: 'run', ms: 4_000 },
    { kind: 'kill', service: 'routing', downMs: 1_000 },
    { kind: 'postgres-restart' },
    { kind: 'kafka-outage', downMs: 15_000 },
    { kind: 'run', ms: 3_000 },
  ],
};

describe('fault injection (short)', () => {
  it('keeps every accepted complaint routed, clocked and delivered exactly once', async () => {
    const result = await runChaos(plan);
    printCounts(result);
    expect(result.counts.submissions.distinctComplaints).toBeGreaterThan(50);
    expect(result.problems).toEqual([]);
  }, 600_000);
});
