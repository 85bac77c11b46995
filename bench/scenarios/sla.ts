import { join } from 'node:path';
import type { BenchContext, Scenario, ScenarioResult } from '../support/bench-context';
import { runScript } from '../support/child-script';
import type { Distribution } from '../support/stats';

interface SlaReport {
  openClocks: number;
  deadlinesPerSecond: number;
  windowSeconds: number;
  fired: number;
  missed: number;
  firedTwice: number;
  lagMs: Omit<Distribution, 'count'>;
  peakRssMb: number;
  restartResumeMs: number | null;
}

/** SLA scheduler at scale: apps/sla/src/bench/scale-benchmark.ts against the shared infra. */
export const sla: Scenario = {
  name: 'sla',
  measures: 'sla: fire lag while deadlines fall due among 1,000,000 open clocks; resident memory',
  async run(context: BenchContext): Promise<ScenarioResult> {
    const clocks = context.number('clocks', 1_000_000, 20_000);
    const rate = context.number('rate', 500, 200);
    const seconds = context.number('seconds', 60, 10);
    const out = await runScript(
      join(context.root, 'dist', 'apps', 'sla', 'src', 'bench', 'scale-benchmark.js'),
      ['--clocks', String(clocks), '--rate', String(rate), '--seconds', String(seconds)],
      {
        KAFKA_BROKERS: (await context.brokers()).join(','),
        BENCH_ADMIN_DATABASE_URL: await context.adminUrl(),
      },
    );
    const r = JSON.parse(out) as SlaReport;
    const lag = r.lagMs;
    return {
      figures: { ...r },
      summary: [
        `${r.openClocks.toLocaleString('en')} open clocks, ${r.deadlinesPerSecond} deadlines/s due for ${r.windowSeconds} s`,
        `fire lag (deadline → breach on Kafka): p50 ${lag.p50} ms, p95 ${lag.p95}, p99 ${lag.p99}, max ${lag.max}`,
        `fired ${r.fired}, missed ${r.missed}, fired twice ${r.firedTwice}; sla peak RSS ${r.peakRssMb} MB`,
      ],
    };
  },
};
