import { join } from 'node:path';
import type { BenchContext, Scenario, ScenarioResult } from '../support/bench-context';
import { runScript } from '../support/child-script';

interface WebhookReport {
  deliveries: number;
  deadEndpoint: string;
  seconds: number;
  deliveriesPerSecond: number;
  receivedByLiveEndpoints: number;
  concurrency: number;
  perEndpointConcurrency: number;
}

/** Webhook deliveries per second with one of ten endpoints dead (notification's own bench). */
export const notification: Scenario = {
  name: 'notification',
  measures: 'notification: webhook deliveries/s with one of ten endpoints dead',
  async run(context: BenchContext): Promise<ScenarioResult> {
    const deliveries = context.number('deliveries', 10_000, 2_000);
    const dead = context.text('dead', ['hang', 'refuse']);
    const out = await runScript(
      join(
        context.root,
        'dist',
        'apps',
        'notification',
        'src',
        'bench',
        'webhook-throughput.bench.js',
      ),
      [String(deliveries), dead],
      { BENCH_ADMIN_DATABASE_URL: await context.adminUrl() },
    );
    const line = out.trim().split('\n').at(-1) ?? '';
    const r = JSON.parse(line) as WebhookReport;
    return {
      figures: { ...r },
      summary: [
        `${r.deliveriesPerSecond.toLocaleString('en')} webhook deliveries/s to the nine live endpoints ` +
          `(${r.deliveries.toLocaleString('en')} in ${r.seconds} s), the tenth endpoint ${r.deadEndpoint}s`,
        `worker concurrency ${r.concurrency}, per endpoint ${r.perEndpointConcurrency}`,
      ],
    };
  },
};
