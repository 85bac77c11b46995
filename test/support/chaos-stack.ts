import { createDatabase, dropDatabase, findRepoRoot, freePort, LocalKafka } from '@salur/infra';
import {
  runServiceScript,
  ServiceProcess,
  signTestToken,
  startDedicatedPostgres,
  TopicProbe,
  uniqueDatabaseName,
  uniqueName,
  type DedicatedPostgres,
  type TestTokenClaims,
} from '@salur/testing';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { SERVICES, type ServiceName } from './salur-stack';

const JWT_SECRET = 'chaos-only-secret-at-least-thirty-two-characters';

const log = (line: string): void => {
  process.stderr.write(`[salur chaos] ${line}\n`);
};

/**
 * The four services as processes against infrastructure of their own, so a test can take any of
 * it away without disturbing other tests: a Kafka broker started for this stack (not the test
 * run's shared one) and a dedicated Postgres server (see `startDedicatedPostgres`). Services keep
 * their ports across kills, as a restarted pod keeps its service address.
 */
export class ChaosStack {
  private constructor(
    readonly kafka: LocalKafka,
    readonly postgres: DedicatedPostgres,
    readonly databaseName: string,
    readonly databaseUrl: string,
    readonly topicPrefix: string,
    readonly services: Record<ServiceName, ServiceProcess>,
  ) {}

  /**
   * `env` goes to every service, `perService` to one (e.g. a test-only fault); `cluster` names the
   * dedicated Postgres cluster.
   */
  static async start(
    env: NodeJS.ProcessEnv = {},
    perService: Partial<Record<ServiceName, NodeJS.ProcessEnv>> = {},
    cluster?: string,
  ): Promise<ChaosStack> {
    const root = findRepoRoot();
    for (const service of SERVICES) {
      const entry = join(root, 'dist', 'apps', service, 'src', 'main.js');
      if (!existsSync(entry)) throw new Error(`${entry} is missing: run \`npm run build\` first`);
    }
    const cleanups: (() => Promise<void>)[] = [];
    try {
      const kafka = new LocalKafka({ log, heap: '384m' });
      cleanups.push(() => kafka.destroy());
      const postgres = await startDedicatedPostgres({ log, ...(cluster ? { cluster } : {}) });
      cleanups.push(() => postgres.stop());
      await kafka.start();
      const databaseName = uniqueDatabaseName('chaos');
      const databaseUrl = await createDatabase(postgres.adminUrl, databaseName);
      cleanups.push(() => dropDatabase(postgres.adminUrl, databaseName));
      const topicPrefix = `${uniqueName('chaos')}.`;
      const shared: NodeJS.ProcessEnv = {
        NODE_ENV: 'test',
        DATABASE_URL: databaseUrl,
        KAFKA_BROKERS: kafka.brokers.join(','),
        KAFKA_TOPIC_PREFIX: topicPrefix,
        AUTH_JWT_SECRET: JWT_SECRET,
        INTAKE_SECRET: 'chaos-intake-secret-at-least-thirty-two-chars',
        LOG_LEVEL: 'info',
        ...env,
      };
      for (const service of SERVICES) await runServiceScript(service, 'migrate.js', shared);
      const services = {} as Record<ServiceName, ServiceProcess>;
      for (const service of SERVICES) {
        services[service] = new ServiceProcess({
          name: `chaos-${service}`,
          entry: join('dist', 'apps', service, 'src', 'main.js'),
          port: await freePort(),
          env: { ...shared, ...perService[service] },
          readyTimeoutMs: 120_000,
        });
        cleanups.push(() => services[service].dispose());
      }
      await Promise.all(SERVICES.map((s) => services[s].start()));
      return new ChaosStack(kafka, postgres, databaseName, databaseUrl, topicPrefix, services);
    } catch (error) {
      for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
      throw error;
    }
  }

  get brokers(): string[] {
    return this.kafka.brokers;
  }

  url(service: ServiceName, path: string): string {
    return `${this.services[service].baseUrl}${path}`;
  }

  topic(name: string): string {
    return `${this.topicPrefix}${name}`;
  }

  probe(topics: string[]): Promise<TopicProbe> {
    return TopicProbe.start(this.brokers, topics);
  }

  token(claims: TestTokenClaims): Promise<string> {
    return signTestToken(JWT_SECRET, claims, 'chaos-officer');
  }

  /** Runs one query on the stack's database (a fresh connection, so it survives a restart). */
  async query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    const client = new Client({ connectionString: this.databaseUrl });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows as T[];
    } finally {
      await client.end();
    }
  }

  async stop(): Promise<void> {
    const attempts = [
      ...SERVICES.map((s) => () => this.services[s].dispose()),
      () => this.kafka.destroy(),
      () => dropDatabase(this.postgres.adminUrl, this.databaseName),
      () => this.postgres.stop(),
    ];
    for (const attempt of attempts) await attempt().catch(() => undefined);
  }
}
