import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  errorMessage,
  LocalKafka,
  redactUrl,
  resolveKafka,
  resolvePostgres,
  type InfraLog,
  type ResolvedKafka,
  type ResolvedPostgres,
} from './infra';
import {
  KAFKA_CONTROL_VARIABLE,
  readKafkaControlFile,
  writeKafkaControlFile,
} from './kafka-control';
import { ADMIN_DATABASE_URL_VARIABLE } from './test-database';

/** What one jest run started, kept between its global setup and global teardown. */
export interface TestInfraSession {
  readonly kafka: ResolvedKafka;
  readonly postgres: ResolvedPostgres;
  /** Holds the control file; removed by the teardown. */
  readonly runDir: string;
  readonly controlFile: string;
}

const log: InfraLog = (line) => {
  process.stderr.write(`[salur tests] ${line}\n`);
};

/**
 * Finds or starts Kafka and Postgres and publishes them to the workers through the environment
 * (workers are started after the global setup and inherit it).
 */
export async function startTestInfra(): Promise<TestInfraSession> {
  const [kafka, postgres] = await Promise.allSettled([
    resolveKafka({ log }),
    resolvePostgres({ log }),
  ]);
  if (kafka.status === 'rejected' || postgres.status === 'rejected') {
    // Whatever did start must not outlive the failed setup.
    if (kafka.status === 'fulfilled') await kafka.value.stop().catch(() => undefined);
    if (postgres.status === 'fulfilled') await postgres.value.stop().catch(() => undefined);
    const reasons = [kafka, postgres]
      .filter((result) => result.status === 'rejected')
      .map((result) => errorMessage(result.reason));
    throw new Error(`The test infrastructure did not start:\n${reasons.join('\n')}`);
  }

  const runDir = await mkdtemp(join(tmpdir(), 'salur-test-'));
  const controlFile = join(runDir, 'kafka-control.json');
  const startupMs = kafka.value.startupMs ?? null;
  writeKafkaControlFile(controlFile, {
    source: kafka.value.source,
    brokers: kafka.value.brokers,
    startupMs,
    local: kafka.value.local?.snapshot() ?? null,
  });
  process.env.KAFKA_BROKERS = kafka.value.brokers.join(',');
  process.env[ADMIN_DATABASE_URL_VARIABLE] = postgres.value.adminUrl;
  process.env[KAFKA_CONTROL_VARIABLE] = controlFile;

  const brokerStart =
    startupMs === null ? 'already running' : `started in ${(startupMs / 1000).toFixed(1)} s`;
  log(
    `using Kafka ${kafka.value.brokers.join(',')} (${kafka.value.source}, ${brokerStart}) and ` +
      `Postgres ${redactUrl(postgres.value.adminUrl)} (${postgres.value.source})`,
  );
  return { kafka: kafka.value, postgres: postgres.value, runDir, controlFile };
}

/** Stops what `startTestInfra` started, in reverse order, and reports every failure. */
export async function stopTestInfra(session: TestInfraSession): Promise<void> {
  const failures: unknown[] = [];
  const attempt = async (work: () => Promise<void>): Promise<void> => {
    try {
      await work();
    } catch (error) {
      failures.push(error);
    }
  };
  // A test may have stopped and started the broker from a worker; the control file, not the
  // handle from the setup, knows the process that runs now.
  await attempt(async () => {
    const current = readKafkaControlFile(session.controlFile).local;
    if (current !== null) await LocalKafka.attach(current, { log }).stop();
  });
  await attempt(() => session.kafka.stop());
  await attempt(() => session.postgres.stop());
  await attempt(() => rm(session.runDir, { recursive: true, force: true }));
  if (failures.length > 0) {
    throw new AggregateError(
      failures,
      `Stopping the test infrastructure failed: ${failures.map(errorMessage).join('; ')}`,
    );
  }
}

const SESSION: unique symbol = Symbol.for('salur.testing.infra-session');

type SessionHolder = typeof globalThis & { [SESSION]?: TestInfraSession };

// Global setup and teardown run in jest's main process and share its global object, but each is
// loaded as its own module: the session lives on the global object, not in a module variable.
export function currentSession(): TestInfraSession | undefined {
  return (globalThis as SessionHolder)[SESSION];
}

export function rememberSession(session: TestInfraSession): void {
  (globalThis as SessionHolder)[SESSION] = session;
}

export function forgetSession(): TestInfraSession | undefined {
  const session = currentSession();
  (globalThis as SessionHolder)[SESSION] = undefined;
  return session;
}
