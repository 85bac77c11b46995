/**
 * Scale benchmark of the SLA scheduler (a script, not a test):
 *
 *   npm run -s build && node dist/apps/sla/src/bench/scale-benchmark.js \
 *     --clocks 1000000 --rate 500 --seconds 60 [--restart-at 30]
 *
 * Seeds `--clocks` open clocks into a fresh database (three pending deadlines each, weeks away),
 * then makes `--rate` of them fall due per second for `--seconds`, runs the built SLA service as a
 * child process and reads `salur.sla.v1` back. Reports the fire lag (deadline → breach event on
 * Kafka, by the Kafka message timestamp) at p50/p95/p99/max, deadlines fired, missed and fired
 * twice, and the service's peak resident memory. With `--restart-at`, the service is stopped
 * (SIGTERM) that many seconds into the window and started again; the report gives how long it
 * took to fire again. Postgres: `BENCH_ADMIN_DATABASE_URL` (default the local server); Kafka:
 * `KAFKA_BROKERS`, else a broker from the Apache Kafka jars in a temporary directory.
 */
import {
  createDatabase,
  dropDatabase,
  findRepoRoot,
  LocalKafka,
  waitForHttpOk,
} from '@salur/infra';
import { runMigrations } from '@salur/platform';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { slaDatabase } from '../database/data-source';

interface Options {
  clocks: number;
  rate: number;
  seconds: number;
  restartAt: number | null;
}

function parseArgs(argv: readonly string[]): Options {
  const value = (name: string, fallback: number | null): number | null => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? Number(argv[i + 1]) : fallback;
  };
  return {
    clocks: value('clocks', 1_000_000) ?? 1_000_000,
    rate: value('rate', 500) ?? 500,
    seconds: value('seconds', 60) ?? 60,
    restartAt: value('restart-at', null),
  };
}

const log = (message: string) => {
  process.stderr.write(`[bench] ${new Date().toISOString().slice(11, 19)} ${message}\n`);
};

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function rssMb(pid: number | undefined): number {
  if (pid === undefined) return 0;
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

async function seed(client: Client, options: Options): Promise<void> {
  const due = options.rate * options.seconds;
  const background = Math.max(0, options.clocks - due);
  const chunk = 100_000;
  const insert = async (count: number, agency: string) => {
    for (let done = 0; done < count; done += chunk) {
      const n = Math.min(chunk, count - done);
      await client.query(
        `WITH c AS (
           INSERT INTO sla.clocks (clock_id, complaint_id, stage, agency, agency_level, region_code,
             complaint_type, policy_version, calendar, warnings, started_at, due_at, budget_ms,
             consumed_ms, segment_started_at, status)
           SELECT gen_random_uuid(), gen_random_uuid(), 'follow_up', $2, 'regency', '64.71',
             'complaint', 1, '24x7', '{0.5,0.8}', now(), now() + interval '30 days',
             2592000000, 0, now(), 'running'
           FROM generate_series(1, $1)
           RETURNING clock_id, due_at)
         INSERT INTO sla.deadlines (clock_id, threshold, kind, fire_at)
         SELECT clock_id, t.threshold, t.kind, now() + t.days * interval '1 day'
         FROM c CROSS JOIN (VALUES (0.5::float8, 'warning', 15), (0.8::float8, 'warning', 24),
           (1::float8, 'breach', 30)) AS t(threshold, kind, days)`,
        [n, agency],
      );
      log(`seeded ${done + n} of ${count} clocks of ${agency}`);
    }
  };
  await insert(background, 'pemda-64.71');
  await insert(due, 'pemda-64.72');
  await client.query('ANALYZE sla.clocks');
  await client.query('ANALYZE sla.deadlines');
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const root = findRepoRoot();
  const adminUrl =
    process.env.BENCH_ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const dbName = `salur_bench_${Date.now()}`;
  const url = await createDatabase(adminUrl, dbName);
  let kafka: LocalKafka | undefined;
  const kafkaDir = mkdtempSync(join(tmpdir(), 'salur-bench-kafka-'));
  let brokers = (process.env.KAFKA_BROKERS ?? '').split(',').filter(Boolean);
  if (brokers.length === 0) {
    kafka = new LocalKafka({
      dataDir: kafkaDir,
      repoRoot: root,
      log,
    });
    await kafka.start();
    brokers = kafka.brokers;
  }
  const client = new Client({ connectionString: url });
  let child: ChildProcess | undefined;
  const prefix = `bench${Date.now()}.`;
  const consumerClient = new Kafka({ clientId: 'sla-bench', brokers, logLevel: logLevel.NOTHING });
  const consumer = consumerClient.consumer({ groupId: `sla-bench-${Date.now()}` });
  try {
    await runMigrations(slaDatabase(url));
    await client.connect();
    const seedStart = Date.now();
    await seed(client, options);
    log(`seeded ${options.clocks} clocks in ${((Date.now() - seedStart) / 1000).toFixed(1)} s`);

    const env = {
      ...process.env,
      NODE_ENV: 'production',
      PORT: '0',
      DATABASE_URL: url,
      KAFKA_BROKERS: brokers.join(','),
      KAFKA_TOPIC_PREFIX: prefix,
      AUTH_JWT_SECRET: 'bench-only-secret-at-least-thirty-two-characters',
      LOG_LEVEL: 'warn',
      SLA_SCHEDULER_BATCH_SIZE: '500',
      SLA_SCHEDULER_POLL_MS: '100',
    };
    const port = 39_000 + Math.floor(Math.random() * 1000);
    const startService = async (): Promise<ChildProcess> => {
      const started = spawn(
        process.execPath,
        [join(root, 'dist', 'apps', 'sla', 'src', 'main.js')],
        {
          env: { ...env, PORT: String(port) },
          stdio: ['ignore', 'ignore', 'inherit'],
        },
      );
      await waitForHttpOk(`http://127.0.0.1:${port}/health/ready`, { timeoutMs: 60_000 });
      return started;
    };

    const lags: number[] = [];
    const firedTimes: number[] = [];
    const seen = new Map<string, number>();
    await consumer.connect();
    // The service creates the topic; wait for it before subscribing from the beginning.
    child = await startService();
    log(`service ready (pid ${child.pid ?? '?'}), RSS ${rssMb(child.pid).toFixed(0)} MB`);
    await consumer.subscribe({ topic: `${prefix}salur.sla.v1`, fromBeginning: true });
    await consumer.run({
      eachMessage: ({ message }) => {
        const type = message.headers?.ce_type?.toString();
        if (type !== 'salur.sla.breached.v1' || !message.value) return Promise.resolve();
        const data = JSON.parse(message.value.toString()) as {
          clockId: string;
          breachedAt: string;
        };
        seen.set(data.clockId, (seen.get(data.clockId) ?? 0) + 1);
        lags.push(Number(message.timestamp) - Date.parse(data.breachedAt));
        firedTimes.push(Date.now());
        return Promise.resolve();
      },
    });
    await new Promise((resolve) => setTimeout(resolve, 5_000));

    // Far enough ahead that the update below has committed before the first deadline falls due.
    const windowStart = Date.now() + 20_000;
    const updateStart = Date.now();
    await client.query(
      `UPDATE sla.deadlines d SET fire_at = to_timestamp(($1 + n.rn * 1000.0 / $2) / 1000.0)
       FROM (SELECT clock_id, row_number() OVER (ORDER BY clock_id) - 1 AS rn
             FROM sla.clocks WHERE agency = 'pemda-64.72') n
       WHERE d.clock_id = n.clock_id AND d.threshold = 1`,
      [windowStart, options.rate],
    );
    const due = options.rate * options.seconds;
    log(
      `${due} deadlines fall due from ${new Date(windowStart).toISOString()} at ${options.rate}/s ` +
        `(set in ${Date.now() - updateStart} ms)`,
    );

    let peakRss = rssMb(child.pid);
    let restartResumeMs: number | null = null;
    let restarted = false;
    const deadline = windowStart + options.seconds * 1000 + 120_000;
    while (Date.now() < deadline && seen.size < due) {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      peakRss = Math.max(peakRss, rssMb(child.pid));
      if (
        options.restartAt !== null &&
        !restarted &&
        Date.now() >= windowStart + options.restartAt * 1000
      ) {
        restarted = true;
        log('stopping the service (SIGTERM) and starting it again');
        const stopping = child;
        await new Promise<void>((resolve) => {
          stopping.once('exit', () => {
            resolve();
          });
          stopping.kill('SIGTERM');
        });
        const restartAt = Date.now();
        child = await startService();
        const before = firedTimes.length;
        while (firedTimes.length === before && Date.now() - restartAt < 60_000) {
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        restartResumeMs = Date.now() - restartAt;
        log(`firing again ${restartResumeMs} ms after the restart began`);
      }
      log(`fired ${seen.size}/${due}, RSS ${rssMb(child.pid).toFixed(0)} MB`);
    }
    const metrics = await fetch(`http://127.0.0.1:${port}/metrics`)
      .then((r) => r.text())
      .catch(() => '');
    const metric = (name: string) => {
      const match = new RegExp(`^${name}(?:\\{[^}]*\\})? ([0-9.e+]+)$`, 'm').exec(metrics);
      return match ? Math.round(Number(match[1]) / 1024 / 1024) : null;
    };
    const memoryMb = {
      heapUsed: metric('nodejs_heap_size_used_bytes'),
      heapTotal: metric('nodejs_heap_size_total_bytes'),
      external: metric('nodejs_external_memory_bytes'),
    };
    const sorted = [...lags].sort((a, b) => a - b);
    const twice = [...seen.values()].filter((n) => n > 1).length;
    const report = {
      openClocks: options.clocks,
      deadlinesPerSecond: options.rate,
      windowSeconds: options.seconds,
      fired: seen.size,
      missed: due - seen.size,
      firedTwice: twice,
      lagMs: {
        p50: percentile(sorted, 50),
        p95: percentile(sorted, 95),
        p99: percentile(sorted, 99),
        max: sorted.at(-1) ?? Number.NaN,
      },
      peakRssMb: Math.round(peakRss),
      memoryAtEndMb: memoryMb,
      restartResumeMs,
    };
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } finally {
    await consumer.disconnect().catch(() => undefined);
    if (child && child.exitCode === null) {
      const running = child;
      await new Promise<void>((resolve) => {
        running.once('exit', () => {
          resolve();
        });
        running.kill('SIGTERM');
      });
    }
    await client.end().catch(() => undefined);
    await dropDatabase(adminUrl, dbName).catch(() => undefined);
    await kafka?.destroy().catch(() => undefined);
    rmSync(kafkaDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
