import type { EventEnvelope } from '@salur/contracts';
import { findRepoRoot, freePort } from '@salur/infra';
import { runServiceScript, signTestToken, testBrokers, type TestTokenClaims } from '@salur/testing';
import { encodeEvent, KafkaJsBroker, type MessageProducer } from '@salur/messaging';
import {
  createTestDatabase,
  ServiceProcess,
  TopicProbe,
  uniqueName,
  type TestDatabase,
} from '@salur/testing';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';

const ENTRY = join('dist', 'apps', 'routing', 'src', 'main.js');
const JWT_SECRET = 'routing-e2e-secret-at-least-thirty-two-chars';

const brokers = testBrokers;

/**
 * Routing alone, built from dist/, on a fresh database and its own topic namespace. The tests play
 * intake and the SLA service by publishing their events to the topics routing consumes.
 */
export class RoutingStack {
  private broker?: KafkaJsBroker;
  private producer?: MessageProducer;

  private constructor(
    readonly db: TestDatabase,
    readonly topicPrefix: string,
    readonly routing: ServiceProcess,
    readonly env: NodeJS.ProcessEnv,
  ) {}

  static async start(env: NodeJS.ProcessEnv = {}): Promise<RoutingStack> {
    const root = findRepoRoot();
    if (!existsSync(join(root, ENTRY)))
      throw new Error(`${ENTRY} is missing: run \`npm run build\``);
    const db = await createTestDatabase('routing-e2e');
    const topicPrefix = `${uniqueName('routing')}.`;
    const shared: NodeJS.ProcessEnv = {
      NODE_ENV: 'test',
      DATABASE_URL: db.url,
      KAFKA_TOPIC_PREFIX: topicPrefix,
      AUTH_JWT_SECRET: JWT_SECRET,
      LOG_LEVEL: 'warn',
      ...env,
    };
    for (const script of ['migrate.js', 'seed-directory.js']) {
      await runServiceScript('routing', script, shared);
    }
    const routing = new ServiceProcess({
      name: 'routing',
      entry: ENTRY,
      port: await freePort(),
      env: shared,
    });
    try {
      await routing.start();
    } catch (error) {
      await routing.dispose().catch(() => undefined);
      await db.drop();
      throw error;
    }
    return new RoutingStack(db, topicPrefix, routing, shared);
  }

  url(path: string): string {
    return `${this.routing.baseUrl}${path}`;
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

  token(claims: TestTokenClaims): Promise<string> {
    return signTestToken(JWT_SECRET, claims, 'routing-e2e');
  }

  /** An event as its producer would write it; `id` fixed to replay a delivery. */
  static event<T>(
    source: string,
    type: string,
    subject: string,
    data: T,
    extra: { id?: string; agency?: string; region?: string } = {},
  ): EventEnvelope<T> {
    return {
      specversion: '1.0',
      id: extra.id ?? randomUUID(),
      source,
      type,
      time: new Date().toISOString(),
      subject,
      datacontenttype: 'application/json',
      ...(extra.agency ? { agency: extra.agency } : {}),
      ...(extra.region ? { region: extra.region } : {}),
      data,
    };
  }

  /** Publishes to a contract topic (`salur.intake.v1`); the broker adds the prefix. */
  async publish(topic: string, events: readonly EventEnvelope[]): Promise<void> {
    this.broker ??= new KafkaJsBroker({
      brokers: brokers(),
      clientId: 'routing-e2e',
      topicPrefix: this.topicPrefix,
      logger: pino({ level: 'warn' }),
    });
    this.producer ??= this.broker.createProducer();
    await this.producer.send(
      events.map((event) => {
        const encoded = encodeEvent(event);
        return { topic, key: event.subject, value: encoded.value, headers: encoded.headers };
      }),
    );
  }

  async stop(): Promise<void> {
    await this.producer?.disconnect().catch(() => undefined);
    await this.broker?.close().catch(() => undefined);
    await this.routing.dispose().catch(() => undefined);
    await this.db.drop();
  }
}
