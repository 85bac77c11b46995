/**
 * The benchmark suite. Each scenario prints a readable summary and one JSON line.
 *
 *   npm run bench                         every scenario, in order, sharing one Kafka and Postgres
 *   npm run bench -- relay                one scenario (several: `relay routing`)
 *   npm run bench -- --quick              short runs, for a smoke check (under 2 min a scenario)
 *   npm run bench -- e2e --rates 100,500 --seconds 60
 *
 * Kafka: KAFKA_BROKERS, else a broker from the Apache Kafka jars; Postgres: DATABASE_URL (an
 * admin URL: scenarios create and drop their own databases), else the local server. Figures and
 * how to read them: docs/benchmarks.md.
 */
import { errorMessage } from '@salur/infra';
import { BenchContext, log, type Scenario } from './support/bench-context';
import { loadAverage, printResult } from './support/report';
import { endToEnd } from './scenarios/end-to-end';
import { intake } from './scenarios/intake';
import { notification } from './scenarios/notification';
import { outboxRelay } from './scenarios/outbox-relay';
import { routing } from './scenarios/routing';
import { sla } from './scenarios/sla';

// kafkajs prints a notice about its v2 partitioner on every producer; the suite knows.
process.env.KAFKAJS_NO_PARTITIONER_WARNING ??= '1';

const SCENARIOS: readonly Scenario[] = [intake, endToEnd, outboxRelay, routing, sla, notification];

function usage(): string {
  return [
    'usage: npm run bench -- [scenario ...] [--quick] [--<option> <value> ...]',
    'scenarios:',
    ...SCENARIOS.map((s) => `  ${s.name.padEnd(14)} ${s.measures}`),
  ].join('\n');
}

function parse(argv: readonly string[]): {
  names: string[];
  quick: boolean;
  values: Map<string, string>;
} {
  const names: string[] = [];
  const values = new Map<string, string>();
  let quick = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--quick') quick = true;
    else if (arg === '--help' || arg === '-h') {
      process.stdout.write(`${usage()}\n`);
      process.exit(0);
    } else if (arg.startsWith('--')) {
      const [name, inline] = arg.slice(2).split('=', 2) as [string, string?];
      const value = inline ?? argv.at(++i);
      if (value === undefined) throw new Error(`--${name} needs a value`);
      values.set(name, value);
    } else names.push(arg);
  }
  return { names, quick, values };
}

async function main(): Promise<number> {
  const { names, quick, values } = parse(process.argv.slice(2));
  const unknown = names.filter((n) => !SCENARIOS.some((s) => s.name === n));
  if (unknown.length > 0) {
    process.stderr.write(`unknown scenario(s): ${unknown.join(', ')}\n${usage()}\n`);
    return 2;
  }
  const selected = names.length === 0 ? SCENARIOS : SCENARIOS.filter((s) => names.includes(s.name));
  const context = new BenchContext(quick, values);
  let failed = 0;
  try {
    for (const scenario of selected) {
      log(`${scenario.name}: ${scenario.measures}${quick ? ' (quick)' : ''}`);
      const before = loadAverage();
      const started = Date.now();
      try {
        const result = await scenario.run(context);
        printResult(context.root, scenario.name, quick, before, result);
        log(`${scenario.name} took ${((Date.now() - started) / 1000).toFixed(0)} s`);
      } catch (error) {
        failed++;
        log(`${scenario.name} failed: ${errorMessage(error)}`);
        if (error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
      }
    }
  } finally {
    await context.close();
  }
  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${errorMessage(error)}\n`);
    process.exit(2);
  },
);
