import {
  EventTypes,
  sampleEventData,
  type EventEnvelope,
  type EventType,
  type NewEvent,
} from '@salur/contracts';
import { createTestDatabase, type TestDatabase } from '@salur/testing';
import { createHash } from 'node:crypto';
import pino from 'pino';
import { DataSource } from 'typeorm';
import {
  createMessagingTables,
  EventConsumer,
  EventProcessor,
  KafkaJsBroker,
  messagingEntities,
  OutboxRelay,
  OutboxWriter,
  type EventHandler,
  type EventProcessorObserver,
  type ProcessingOutcome,
  type RetryPolicy,
} from '../src';

export const SCHEMA = 'msgtest';
export const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });

export function brokers(): string[] {
  const list = process.env.KAFKA_BROKERS;
  if (!list) throw new Error('KAFKA_BROKERS is not set: run through the integration project');
  return list.split(',');
}

/** A scratch database with the messaging tables and an `effects` table handlers write to. */
export async function messagingDatabase(): Promise<{ db: TestDatabase; dataSource: DataSource }> {
  const db = await createTestDatabase('messaging');
  const dataSource = new DataSource({
    type: 'postgres',
    url: db.url,
    entities: messagingEntities(SCHEMA),
  });
  await dataSource.initialize();
  const runner = dataSource.createQueryRunner();
  await runner.query(`CREATE SCHEMA ${SCHEMA}`);
  await createMessagingTables(runner, SCHEMA);
  await runner.query(
    `CREATE TABLE ${SCHEMA}.effects (id bigserial PRIMARY KEY, event_id uuid NOT NULL, subject text NOT NULL, seq int, ` +
      // the transaction that wrote the effect, to tell batched handling from one event per transaction
      `tx bigint NOT NULL DEFAULT txid_current())`,
  );
  await runner.release();
  return { db, dataSource };
}

/** A stable complaint id (UUID) for a readable name, so tests can say `submitted('k1')`. */
export function complaintId(name: string): string {
  const hex = createHash('md5').update(name).digest('hex');
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    `4${hex.slice(13, 16)}`,
    `a${hex.slice(17, 20)}`,
    hex.slice(20, 32),
  ].join('-');
}

export function submitted(name: string, seq = 0): NewEvent<unknown, EventType> {
  const data = sampleEventData(EventTypes.ComplaintSubmitted);
  const id = complaintId(name);
  return {
    type: EventTypes.ComplaintSubmitted,
    subject: id,
    region: data.location.regionCode,
    data: { ...data, complaintId: id, title: `complaint ${name} #${seq}` },
  };
}

export function seqOf(event: EventEnvelope): number {
  const title = (event.data as { title: string }).title;
  return Number(title.split('#')[1]);
}

/** Records one effect row per handled event, inside the handler's transaction. */
export const recordEffect: EventHandler = async (event, { tx }) => {
  await tx.manager.query(
    `INSERT INTO ${SCHEMA}.effects (event_id, subject, seq) VALUES ($1, $2, $3)`,
    [event.id, event.subject, seqOf(event)],
  );
};

export class OutcomeLog implements EventProcessorObserver {
  readonly outcomes: { outcome: ProcessingOutcome; type: string }[] = [];
  outcome(outcome: ProcessingOutcome, type: string): void {
    this.outcomes.push({ outcome, type });
  }
  count(outcome: ProcessingOutcome): number {
    return this.outcomes.filter((o) => o.outcome === outcome).length;
  }
}

export interface Pipeline {
  /** The topic prefix of this pipeline's topics and group. */
  readonly prefix: string;
  readonly broker: KafkaJsBroker;
  readonly writer: OutboxWriter;
  readonly relay: OutboxRelay;
  readonly consumer: EventConsumer;
  readonly outcomes: OutcomeLog;
  stop(): Promise<void>;
}

/** Outbox writer and relay publishing into Kafka, and a consumer group reading it back. */
export async function pipeline(options: {
  dataSource: DataSource;
  databaseUrl: string;
  topicPrefix: string;
  groupId: string;
  handler: EventHandler;
  retry?: Partial<RetryPolicy>;
  pollIntervalMs?: number;
  startConsumer?: boolean;
  /** Events per consumer transaction; the consumer's default when not given. */
  batchSize?: number;
}): Promise<Pipeline> {
  const broker = new KafkaJsBroker({
    brokers: brokers(),
    clientId: 'messaging-test',
    topicPrefix: options.topicPrefix,
    logger,
    sessionTimeoutMs: 10_000,
  });
  const writer = new OutboxWriter({ schema: SCHEMA, source: '/salur/test' });
  const relay = new OutboxRelay({
    schema: SCHEMA,
    databaseUrl: options.databaseUrl,
    producer: broker.createProducer(),
    logger,
    pollIntervalMs: options.pollIntervalMs ?? 500,
    maxBackoffMs: 1_000,
  });
  const outcomes = new OutcomeLog();
  const processor = new EventProcessor({
    groupId: options.groupId,
    schema: SCHEMA,
    dataSource: options.dataSource,
    outbox: writer,
    producer: broker.createProducer(),
    logger,
    handlers: new Map([[EventTypes.ComplaintSubmitted, options.handler]]),
    retry: { maxAttempts: 3, initialDelayMs: 50, maxDelayMs: 200, jitter: 0, ...options.retry },
    observer: outcomes,
    heartbeatIntervalMs: 200,
  });
  const consumer = new EventConsumer({
    broker,
    processor,
    groupId: options.groupId,
    topics: ['salur.intake.v1'],
    partitions: 3,
    ...(options.batchSize !== undefined ? { batchSize: options.batchSize } : {}),
  });
  relay.start();
  if (options.startConsumer !== false) await consumer.start();
  return {
    prefix: options.topicPrefix,
    broker,
    writer,
    relay,
    consumer,
    outcomes,
    async stop() {
      await consumer.stop();
      await relay.stop(1_000);
      await broker.close();
    },
  };
}
