import {
  EventTypes,
  type ComplaintSnapshot,
  type EventEnvelope,
  type EventType,
} from '@salur/contracts';
import { findRepoRoot, freePort } from '@salur/infra';
import { runServiceScript, signTestToken, type TestTokenClaims } from '@salur/testing';
import { encodeEvent, KafkaJsBroker, OutboxWriter, type MessageProducer } from '@salur/messaging';
import {
  createTestDatabase,
  ServiceProcess,
  TopicProbe,
  uniqueName,
  type TestDatabase,
} from '@salur/testing';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';

const JWT_SECRET = 'sla-e2e-only-secret-at-least-thirty-two-characters';

/**
 * The built SLA service as a process on a fresh database and topic namespace, with a producer
 * that plays routing on `salur.complaints.v1` and a probe on `salur.sla.v1`.
 */
export class SlaService {
  private readonly replicas: ServiceProcess[] = [];

  private constructor(
    readonly db: TestDatabase,
    readonly topicPrefix: string,
    private readonly env: NodeJS.ProcessEnv,
    readonly process: ServiceProcess,
    readonly probe: TopicProbe,
    private readonly broker: KafkaJsBroker,
    private readonly producer: MessageProducer,
  ) {}

  static async start(env: NodeJS.ProcessEnv = {}): Promise<SlaService> {
    const root = findRepoRoot();
    const entry = join(root, 'dist', 'apps', 'sla', 'src', 'main.js');
    if (!existsSync(entry)) throw new Error(`${entry} is missing: run \`npm run build\` first`);
    const brokers = (process.env.KAFKA_BROKERS ?? '').split(',').filter(Boolean);
    if (brokers.length === 0)
      throw new Error('KAFKA_BROKERS is not set: run through the e2e project');
    const db = await createTestDatabase('e2e-sla');
    const topicPrefix = `${uniqueName('e2e-sla')}.`;
    const shared: NodeJS.ProcessEnv = {
      NODE_ENV: 'test',
      DATABASE_URL: db.url,
      KAFKA_TOPIC_PREFIX: topicPrefix,
      AUTH_JWT_SECRET: JWT_SECRET,
      LOG_LEVEL: 'info',
      ...env,
    };
    await runServiceScript('sla', 'migrate.js', shared);
    const broker = new KafkaJsBroker({
      brokers,
      clientId: 'sla-e2e-routing',
      topicPrefix,
      logger: pino({ level: 'silent' }),
    });
    await broker.ensureTopics([
      { topic: 'salur.complaints.v1', partitions: 3 },
      { topic: 'salur.sla.v1', partitions: 3 },
    ]);
    const probe = await TopicProbe.start(brokers, [`${topicPrefix}salur.sla.v1`]);
    const service = new ServiceProcess({
      name: 'sla',
      entry: join('dist', 'apps', 'sla', 'src', 'main.js'),
      port: await freePort(),
      env: shared,
    });
    await service.start();
    return new SlaService(db, topicPrefix, shared, service, probe, broker, broker.createProducer());
  }

  /** Another replica of the service on the same database and topics. */
  async addReplica(): Promise<ServiceProcess> {
    const replica = new ServiceProcess({
      name: `sla-replica-${this.replicas.length + 1}`,
      entry: join('dist', 'apps', 'sla', 'src', 'main.js'),
      port: await freePort(),
      env: this.env,
    });
    this.replicas.push(replica);
    await replica.start();
    return replica;
  }

  url(path: string): string {
    return `${this.process.baseUrl}${path}`;
  }

  token(claims: TestTokenClaims): Promise<string> {
    return signTestToken(JWT_SECRET, claims, 'e2e-officer');
  }

  /** Publishes a `salur.complaints.v1` event as routing would; the envelope, to send it again. */
  async publish(
    type: EventType,
    complaint: ComplaintSnapshot,
    extra: object = {},
  ): Promise<EventEnvelope> {
    const envelope = new OutboxWriter({ schema: 'routing', source: '/salur/routing' }).envelope({
      type,
      subject: complaint.complaintId,
      ...(complaint.agency ? { agency: complaint.agency } : {}),
      region: complaint.regionCode,
      data: { complaint, ...extra },
    });
    await this.send(envelope);
    return envelope;
  }

  /** Sends an envelope (again): a redelivery, same `ce_id`. */
  async send(envelope: EventEnvelope): Promise<void> {
    const encoded = encodeEvent(envelope);
    await this.producer.send([{ topic: 'salur.complaints.v1', ...encoded }]);
  }

  /** A routed event to `complaint.agency`. */
  routed(complaint: ComplaintSnapshot): Promise<EventEnvelope> {
    return this.publish(EventTypes.ComplaintRouted, complaint, {
      agency: complaint.agency,
      reason: 'region_default',
    });
  }

  /**
   * The `salur.sla.v1` events of one complaint seen so far, in topic order; of one stage if given
   * (a complaint also has `verification` and `resolution` clocks besides `follow_up`).
   */
  slaEvents(
    complaintId: string,
    stage?: string,
  ): { type: string; id: string; data: Record<string, unknown> }[] {
    return this.probe
      .on(`${this.topicPrefix}salur.sla.v1`)
      .filter((m) => m.key === complaintId)
      .map((m) => ({
        type: m.headers.ce_type,
        id: m.headers.ce_id,
        data: JSON.parse(m.value) as Record<string, unknown>,
      }))
      .filter((e) => stage === undefined || e.data.stage === stage);
  }

  async stop(): Promise<void> {
    for (const replica of this.replicas) await replica.dispose().catch(() => undefined);
    await this.process.dispose().catch(() => undefined);
    await this.probe.stop().catch(() => undefined);
    await this.producer.disconnect().catch(() => undefined);
    await this.broker.close().catch(() => undefined);
    await this.db.drop();
  }
}
