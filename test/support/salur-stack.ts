import { findRepoRoot, freePort, runCommand } from '@salur/infra';
import {
  createTestDatabase,
  ServiceProcess,
  TopicProbe,
  uniqueName,
  type TestDatabase,
} from '@salur/testing';
import { SignJWT } from 'jose';
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
    for (const service of SERVICES) {
      const result = await runCommand(
        process.execPath,
        [join(root, 'dist', 'apps', service, 'src', 'migrate.js')],
        { env: { ...process.env, ...shared }, timeoutMs: 60_000 },
      );
      if (result.code !== 0) throw new Error(`${service} migrations failed:\n${result.output}`);
    }
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
  token(claims: { roles: string[]; agency?: string; sub?: string }): Promise<string> {
    return new SignJWT({ roles: claims.roles, ...(claims.agency ? { agency: claims.agency } : {}) })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(claims.sub ?? 'e2e-officer')
      .setIssuer('salur')
      .setAudience('salur')
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(new TextEncoder().encode(JWT_SECRET));
  }

  async stop(): Promise<void> {
    await Promise.all(SERVICES.map((s) => this.services[s].dispose().catch(() => undefined)));
    await this.db.drop();
  }
}

export function brokers(): string[] {
  const list = process.env.KAFKA_BROKERS;
  if (!list) throw new Error('KAFKA_BROKERS is not set: run through the e2e project');
  return list.split(',');
}
