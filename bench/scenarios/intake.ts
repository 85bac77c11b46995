import { freePort } from '@salur/infra';
import { ServiceProcess } from '@salur/testing';
import autocannon from 'autocannon';
import { join } from 'node:path';
import {
  log,
  type BenchContext,
  type Scenario,
  type ScenarioResult,
} from '../support/bench-context';
import { complaintBody, submissionHeaders } from '../support/complaints';
import { startServices, stopServices } from '../support/services';

interface Step {
  readonly concurrency: number;
  readonly acceptedPerSecond: number;
  readonly latencyMs: { p50: number; p99: number; max: number };
  readonly other: number;
  readonly errors: number;
}

let counter = Date.now() % 1_000_000;

/** Closed-loop load at one concurrency: every request a new submission with its own key. */
async function step(url: string, concurrency: number, seconds: number): Promise<Step> {
  const result = await autocannon({
    url: `${url}/v1/complaints`,
    method: 'POST',
    connections: concurrency,
    duration: seconds,
    requests: [
      {
        setupRequest: (request) => ({
          ...request,
          method: 'POST',
          headers: submissionHeaders(),
          body: complaintBody(counter++),
        }),
      },
    ],
  });
  return {
    concurrency,
    acceptedPerSecond: Math.round((result['2xx'] / seconds) * 10) / 10,
    latencyMs: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
    other: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

async function steps(
  url: string,
  concurrencies: readonly number[],
  seconds: number,
  warmup: number,
): Promise<Step[]> {
  if (warmup > 0) await step(url, concurrencies[0], warmup);
  const out: Step[] = [];
  for (const c of concurrencies) {
    out.push(await step(url, c, seconds));
    log(`intake: ${url} at ${c} → ${out.at(-1)!.acceptedPerSecond}/s`);
  }
  return out;
}

const line = (label: string, s: Step) =>
  `${label.padEnd(9)} c=${String(s.concurrency).padEnd(3)} ${String(s.acceptedPerSecond).padStart(7)}/s ` +
  `p50 ${s.latencyMs.p50} ms p99 ${s.latencyMs.p99} ms max ${s.latencyMs.max}` +
  (s.other + s.errors > 0 ? ` (non-2xx ${s.other}, errors ${s.errors})` : '');

/**
 * Accepted complaints per second and latency of one intake instance under increasing
 * concurrency, and of a bare Fastify + pg route doing the same two INSERTs in one transaction on
 * the same tables; the ratio says how much of the machine intake uses for its own work.
 */
export const intake: Scenario = {
  name: 'intake',
  measures:
    'intake: accepted complaints/s and latency by concurrency, against a bare Fastify+pg baseline',
  async run(context: BenchContext): Promise<ScenarioResult> {
    const concurrencies = context.numbers('concurrency', [8, 32, 64], [8, 32]);
    const seconds = context.number('seconds', 20, 6);
    const warmup = context.number('warmup', 5, 2);
    // `--baseline-notify yes`: the baseline also sends the outbox NOTIFY in its transaction.
    const notify = context.text('baseline-notify', ['no', 'yes']) === 'yes';
    const db = await context.database('intake');
    const services = await startServices(
      context.root,
      ['intake'],
      {
        DATABASE_URL: db.url,
        KAFKA_BROKERS: (await context.brokers()).join(','),
        KAFKA_TOPIC_PREFIX: context.topicPrefix('intake'),
      },
      context.profileDir,
    );
    let baseline: ServiceProcess | undefined;
    try {
      const service = await steps(services.intake.baseUrl, concurrencies, seconds, warmup);
      await stopServices(services);
      baseline = new ServiceProcess({
        name: 'bench-baseline',
        entry: join('dist', 'bench', 'support', 'baseline-server.js'),
        port: await freePort(),
        env: { DATABASE_URL: db.url, BASELINE_NOTIFY: notify ? '1' : '0' },
      });
      await baseline.start();
      const bare = await steps(baseline.baseUrl, concurrencies, seconds, warmup);
      const best = (list: Step[]) => Math.max(...list.map((s) => s.acceptedPerSecond));
      const ratio = Math.round((best(service) / best(bare)) * 1000) / 1000;
      return {
        figures: {
          baselineNotify: notify,
          seconds,
          intake: service,
          baseline: bare,
          bestIntake: best(service),
          bestBaseline: best(bare),
          ratio,
        },
        summary: [
          ...service.map((s) => line('intake', s)),
          ...bare.map((s) => line('baseline', s)),
          `best intake / best baseline: ${(ratio * 100).toFixed(1)}% (target at least 50%)`,
        ],
      };
    } finally {
      await stopServices(services);
      await baseline?.dispose().catch(() => undefined);
      await db.drop().catch(() => undefined);
    }
  },
};
