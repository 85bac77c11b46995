import { findRepoRoot, freePort } from '@salur/infra';
import { runServiceScript, testBrokers } from '@salur/testing';
import { encodeEvent, KafkaJsBroker, type MessageProducer } from '@salur/messaging';
import type { EventEnvelope } from '@salur/contracts';
import { createTestDatabase, ServiceProcess, uniqueName, type TestDatabase } from '@salur/testing';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import pino from 'pino';

export const INTAKE_ENTRY = join('dist', 'apps', 'intake', 'src', 'main.js');

/**
 * Intake alone, built from dist/, on a fresh database and its own topic namespace. The tests
 * play routing and the SLA service by publishing their events to the topics intake consumes.
 */
export class IntakeStack {
  private producer?: MessageProducer;
  private broker?: KafkaJsBroker;

  private constructor(
    readonly db: TestDatabase,
    readonly topicPrefix: string,
    readonly intake: ServiceProcess,
    readonly env: NodeJS.ProcessEnv,
  ) {}

  static async start(
    env: NodeJS.ProcessEnv = {},
    options: { databaseUrl?: (url: string) => Promise<string> } = {},
  ): Promise<IntakeStack> {
    const root = findRepoRoot();
    if (!existsSync(join(root, INTAKE_ENTRY))) {
      throw new Error(`${INTAKE_ENTRY} is missing: run \`npm run build\` first`);
    }
    const db = await createTestDatabase('intake-e2e');
    const topicPrefix = `${uniqueName('intake')}.`;
    const shared: NodeJS.ProcessEnv = {
      NODE_ENV: 'test',
      DATABASE_URL: db.url,
      KAFKA_TOPIC_PREFIX: topicPrefix,
      AUTH_JWT_SECRET: 'intake-e2e-secret-at-least-thirty-two-chars',
      INTAKE_SECRET: 'intake-e2e-intake-secret-at-least-32-chars',
      OPEN311_API_KEYS: 'open311-test-key',
      LOG_LEVEL: 'warn',
      ...env,
    };
    await runServiceScript('intake', 'migrate.js', shared);
    const serviceEnv = options.databaseUrl
      ? { ...shared, DATABASE_URL: await options.databaseUrl(db.url) }
      : shared;
    const intake = new ServiceProcess({
      name: 'intake',
      entry: INTAKE_ENTRY,
      port: await freePort(),
      env: serviceEnv,
    });
    try {
      await intake.start();
    } catch (error) {
      await intake.dispose().catch(() => undefined);
      await db.drop();
      throw error;
    }
    return new IntakeStack(db, topicPrefix, intake, serviceEnv);
  }

  url(path: string): string {
    return `${this.intake.baseUrl}${path}`;
  }

  topic(name: string): string {
    return `${this.topicPrefix}${name}`;
  }

  /**
   * Publishes events as their producer (routing, sla) would, to this stack's namespace: `topic`
   * is the contract's name (`salur.complaints.v1`); the broker adds the prefix.
   */
  async publish(topic: string, events: readonly EventEnvelope[]): Promise<void> {
    this.broker ??= new KafkaJsBroker({
      brokers: brokers(),
      clientId: 'intake-e2e',
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

  /** A query against intake's schema, for checking what is (not) stored. */
  async query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    const client = new Client({ connectionString: this.db.url });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows as T[];
    } finally {
      await client.end();
    }
  }

  async stop(): Promise<void> {
    await this.producer?.disconnect().catch(() => undefined);
    await this.broker?.close().catch(() => undefined);
    await this.intake.dispose().catch(() => undefined);
    await this.db.drop();
  }
}

export const brokers = testBrokers;

/** A complete, valid submission; tests override what they exercise. */
export function validComplaint(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'complaint',
    channel: 'web',
    title: 'Jalan berlubang di Jl. Jenderal Sudirman',
    body: 'Lubang besar di depan pasar, sudah dua minggu belum diperbaiki.',
    category: 'infrastruktur',
    occurredAt: '2026-11-20',
    location: {
      regionCode: '64.71',
      address: 'Jl. Jenderal Sudirman, Balikpapan',
      lat: -1.2654,
      lon: 116.8312,
    },
    targetAgency: 'pemda-64.71',
    privacy: 'public',
    language: 'id',
    reporter: {
      name: 'Siti Rahmawati',
      email: 'siti@example.test',
      phone: '0812-3456-7890',
      nationalId: '6471012345670001',
    },
    attachments: [
      {
        url: 'https://files.example.test/a/lubang.jpg',
        contentType: 'image/jpeg',
        size: 182_044,
        sha256: 'a'.repeat(64),
      },
    ],
    ...overrides,
  };
}

export async function post(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Headers; json: Record<string, unknown> }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    json: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>),
  };
}
