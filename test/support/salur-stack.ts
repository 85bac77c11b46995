import { findRepoRoot, freePort } from '@salur/infra';
import { runServiceScript, signTestToken, testBrokers, type TestTokenClaims } from '@salur/testing';
import {
  createTestDatabase,
  ServiceProcess,
  TopicProbe,
  uniqueName,
  type TestDatabase,
} from '@salur/testing';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const SERVICES = ['intake', 'routing', 'sla', 'notification'] as const;
export type ServiceName = (typeof SERVICES)[number];

const JWT_SECRET = 'e2e-only-secret-at-least-thirty-two-characters';

/**
 * The four services as processes, built from dist/, on a fresh database and their own topic
 * namespace (KAFKA_TOPIC_PREFIX), against the Kafka and Postgres the test run found or started.
 */
export class SalurStack {
  private constructor(
    readonly db: TestDatabase,
    readonly topicPrefix: string,
    readonly services: Record<ServiceName, ServiceProcess>,
  ) {}

  static async start(env: NodeJS.ProcessEnv = {}): Promise<SalurStack> {
    const root = findRepoRoot();
    for (const service of SERVICES) {
      const entry = join(root, 'dist', 'apps', service, 'src', 'main.js');
      if (!existsSync(entry)) throw new Error(`${entry} is missing: run \`npm run build\` first`);
    }
    const db = await createTestDatabase('e2e');
    const topicPrefix = `${uniqueName('e2e')}.`;
    const shared: NodeJS.ProcessEnv = {
      NODE_ENV: 'test',
      DATABASE_URL: db.url,
      KAFKA_TOPIC_PREFIX: topicPrefix,
      AUTH_JWT_SECRET: JWT_SECRET,
      INTAKE_SECRET: 'e2e-intake-secret-at-least-thirty-two-chars',
      LOG_LEVEL: 'info',
      ...env,
    };
    for (const service of SERVICES) await runServiceScript(service, 'migrate.js', shared);
    const services = {} as Record<ServiceName, ServiceProcess>;
    for (const service of SERVICES) {
      services[service] = new ServiceProcess({
        name: service,
        entry: join('dist', 'apps', service, 'src', 'main.js'),
        port: await freePort(),
        env: shared,
      });
    }
    const stack = new SalurStack(db, topicPrefix, services);
    try {
      await Promise.all(SERVICES.map((s) => services[s].start()));
    } catch (error) {
      await stack.stop();
      throw error;
    }
    return stack;
  }

  url(service: ServiceName, path: string): string {
    return `${this.services[service].baseUrl}${path}`;
  }

  topic(name: string): string {
    return `${this.topicPrefix}${name}`;
  }

  probe(topics: string[]): Promise<TopicProbe> {
    return TopicProbe.start(
      brokers(),
      topics.map((t) => this.topic(t)),
    );
  }

  /** A bearer token as an identity provider would issue it. */
  token(claims: TestTokenClaims): Promise<string> {
    return signTestToken(JWT_SECRET, claims, 'e2e-officer');
  }

  async stop(): Promise<void> {
    await Promise.all(SERVICES.map((s) => this.services[s].dispose().catch(() => undefined)));
    await this.db.drop();
  }
}

export const brokers = testBrokers;
