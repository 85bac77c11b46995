import { join } from 'node:path';
import { ensureDatabase, redactUrl } from './database';
import { errorMessage, stderrLog, type InfraLog } from './log';
import { findRepoRoot } from './repo-root';
import { resolveKafka, type ResolvedKafka } from './resolve-kafka';
import { resolvePostgres, type ResolvedPostgres } from './resolve-postgres';

export interface DevInfra {
  readonly kafka: ResolvedKafka;
  readonly postgres: ResolvedPostgres;
  /** The URL the services use: DATABASE_URL as given, or the `salur` database on what was found or started. */
  readonly databaseUrl: string;
  /** Stops what was started: Kafka, then Postgres. */
  stop(): Promise<void>;
}

export interface DevInfraOptions {
  readonly repoRoot?: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly log?: InfraLog;
  /** The application database created on a found or started server. Default `salur`. */
  readonly databaseName?: string;
}

/**
 * Kafka and Postgres for running Salur on one machine (`npm start`, `npm run infra`). Unlike the
 * test setup, state lasts across runs: a local broker keeps its data in .cache/kafka/data and an
 * embedded Postgres in .cache/postgres/data, and the well-known ports (9092, 5432) are used when
 * they are free, so the printed addresses rarely change.
 */
export async function startDevInfra(options: DevInfraOptions = {}): Promise<DevInfra> {
  const repoRoot = options.repoRoot ?? findRepoRoot();
  const log = options.log ?? stderrLog;
  const env = options.env ?? process.env;
  const [kafka, postgres] = await Promise.allSettled([
    resolveKafka({
      env,
      log,
      local: {
        dataDir: join(repoRoot, '.cache', 'kafka', 'data'),
        preferredPorts: { broker: 9092, controller: 9093 },
        // Its own process group: a Ctrl-C reaches only the launcher, which stops the services
        // before the broker they are still talking to.
        detached: true,
        repoRoot,
      },
    }),
    resolvePostgres({
      env,
      log,
      embedded: { dataDir: join(repoRoot, '.cache', 'postgres', 'data') },
    }),
  ]);
  if (kafka.status === 'rejected' || postgres.status === 'rejected') {
    if (kafka.status === 'fulfilled') await kafka.value.stop().catch(() => undefined);
    if (postgres.status === 'fulfilled') await postgres.value.stop().catch(() => undefined);
    const reasons = [kafka, postgres]
      .filter((result) => result.status === 'rejected')
      .map((result) => errorMessage(result.reason));
    throw new Error(reasons.join('\n'));
  }
  const stop = async (): Promise<void> => {
    await kafka.value.stop();
    await postgres.value.stop();
  };
  try {
    const databaseName = options.databaseName ?? 'salur';
    const databaseUrl =
      postgres.value.source === 'env'
        ? postgres.value.adminUrl
        : await ensureDatabase(postgres.value.adminUrl, databaseName);
    if (postgres.value.source !== 'env') {
      log(`postgres: the services use database "${databaseName}" (${redactUrl(databaseUrl)})`);
    }
    return { kafka: kafka.value, postgres: postgres.value, databaseUrl, stop };
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
}
