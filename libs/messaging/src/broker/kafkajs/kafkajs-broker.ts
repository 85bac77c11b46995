import {
  CompressionTypes,
  Kafka,
  logLevel,
  type Admin,
  type Consumer,
  type EachBatchPayload,
  type IHeaders,
  type KafkaMessage,
  type KafkaConfig,
  type LogEntry,
  type Producer,
} from 'kafkajs';
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type {
  IncomingMessage,
  MessageBroker,
  MessageProducer,
  OutgoingMessage,
  PartitionLag,
  PartitionOffset,
  ReadTopicOptions,
  Subscription,
  SubscriptionOptions,
  TopicSpec,
} from '../message-broker';
import { withBackoff } from '../../retry';

/**
 * kafkajs 2.2.4 arms a timer with a negative delay for every connection it opens (upstream issue
 * tulios/kafkajs#1751); Node 24 answers each with a TimeoutNegativeWarning on stderr. The timer is
 * harmless (Node runs it after 1 ms, as kafkajs intends), so that one warning type is dropped
 * while the adapter is loaded; every other warning passes through.
 */
function silenceKafkaJsNegativeTimeoutWarning(): void {
  const emit = process.emitWarning.bind(process) as (...args: unknown[]) => void;
  const filtered = (...args: unknown[]): void => {
    const [warning, typeOrOptions] = args;
    const type =
      typeof typeOrOptions === 'string'
        ? typeOrOptions
        : (typeOrOptions as { type?: string } | undefined)?.type;
    if (type === 'TimeoutNegativeWarning') return;
    if (warning instanceof Error && warning.name === 'TimeoutNegativeWarning') return;
    emit(...args);
  };
  process.emitWarning = filtered;
}
silenceKafkaJsNegativeTimeoutWarning();

export interface KafkaJsBrokerOptions {
  readonly brokers: readonly string[];
  readonly clientId: string;
  /**
   * Prepended to every topic name and consumer group id, so several deployments or test runs can
   * share a cluster without seeing each other's events or joining each other's groups.
   */
  readonly topicPrefix?: string;
  readonly logger: Logger;
  /** How long one request may take before kafkajs gives up on it. */
  readonly requestTimeoutMs?: number;
  readonly sessionTimeoutMs?: number;
  /** How long `readTopic` may take to reach the end it saw when it started. Default 60 s. */
  readonly readTimeoutMs?: number;
}

/** Throw-away groups `readTopic` joins to fetch; never listed as the deployment's groups. */
const READER_GROUP_PREFIX = 'salur-admin-read-';

/** kafkajs behind the MessageBroker port. */
export class KafkaJsBroker implements MessageBroker {
  private readonly kafka: Kafka;
  private readonly prefix: string;
  private readonly producers = new Set<KafkaJsProducer>();
  private readonly subscriptions = new Set<KafkaJsSubscription>();
  private admin: Admin | undefined;

  constructor(private readonly options: KafkaJsBrokerOptions) {
    this.prefix = options.topicPrefix ?? '';
    const logger = options.logger;
    const config: KafkaConfig = {
      clientId: options.clientId,
      brokers: [...options.brokers],
      requestTimeout: options.requestTimeoutMs ?? 30_000,
      connectionTimeout: 3_000,
      // Retries inside kafkajs stay short: our own loops (relay, consumer supervisor) retry forever.
      retry: { initialRetryTime: 200, retries: 5, maxRetryTime: 5_000 },
      logLevel: logLevel.WARN,
      logCreator:
        () =>
        ({ level, log }: LogEntry) => {
          const { message, ...fields } = log;
          if (level <= logLevel.ERROR) logger.error({ kafka: fields }, message);
          else if (level === logLevel.WARN) logger.warn({ kafka: fields }, message);
          else logger.debug({ kafka: fields }, message);
        },
    };
    this.kafka = new Kafka(config);
  }

  physicalTopic(topic: string): string {
    return this.prefix + topic;
  }

  logicalTopic(topic: string): string {
    return this.prefix && topic.startsWith(this.prefix) ? topic.slice(this.prefix.length) : topic;
  }

  createProducer(): MessageProducer {
    const producer = new KafkaJsProducer(
      () =>
        this.kafka.producer({
          idempotent: true,
          maxInFlightRequests: 1,
          allowAutoTopicCreation: true,
        }),
      (topic) => this.physicalTopic(topic),
      () => this.producers.delete(producer),
    );
    this.producers.add(producer);
    return producer;
  }

  async subscribe(options: SubscriptionOptions): Promise<Subscription> {
    const subscription = new KafkaJsSubscription(
      this.kafka,
      options,
      this,
      this.options.logger,
      this.options.sessionTimeoutMs ?? 30_000,
    );
    this.subscriptions.add(subscription);
    await subscription.start();
    return subscription;
  }

  async ensureTopics(topics: readonly TopicSpec[]): Promise<void> {
    try {
      await this.createMissingTopics(topics);
    } catch (error) {
      await this.resetAdmin();
      throw error;
    }
  }

  private async createMissingTopics(topics: readonly TopicSpec[]): Promise<void> {
    const admin = await this.connectedAdmin();
    const names = topics.map((t) => this.physicalTopic(t.topic));
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((t) => !existing.has(this.physicalTopic(t.topic)));
    if (missing.length > 0) {
      try {
        // Not waiting for leaders here: kafkajs gives up too early when another service is
        // creating the same topic at the same moment. Leaders are awaited below instead.
        await admin.createTopics({
          waitForLeaders: false,
          topics: missing.map((t) => ({
            topic: this.physicalTopic(t.topic),
            numPartitions: t.partitions,
            replicationFactor: -1,
          })),
        });
      } catch (error) {
        if (!isTopicAlreadyExists(error)) throw error;
      }
    }
    await withBackoff(
      async () => {
        const { topics: described } = await admin.fetchTopicMetadata({ topics: names });
        const leaderless = described.filter(
          (t) => t.partitions.length === 0 || t.partitions.some((p) => p.leader < 0),
        );
        if (leaderless.length > 0) {
          throw new Error(`no leader yet for ${leaderless.map((t) => t.name).join(', ')}`);
        }
      },
      { attempts: 40, initialDelayMs: 100, maxDelayMs: 1_000 },
    );
  }

  async ping(): Promise<void> {
    const admin = await this.connectedAdmin();
    try {
      await admin.describeCluster();
    } catch (error) {
      await this.resetAdmin();
      throw error;
    }
  }

  listTopics(): Promise<string[]> {
    return this.withAdmin(async (admin) =>
      (await admin.listTopics())
        .filter((t) => t.startsWith(this.prefix) && !t.startsWith('__'))
        .map((t) => this.logicalTopic(t))
        .sort(),
    );
  }

  listConsumerGroups(): Promise<string[]> {
    return this.withAdmin(async (admin) => {
      const { groups } = await admin.listGroups();
      return groups
        .map((g) => g.groupId)
        .filter((id) => id.startsWith(this.prefix))
        .map((id) => this.logicalTopic(id))
        .filter((id) => !id.startsWith(READER_GROUP_PREFIX))
        .sort();
    });
  }

  consumerGroupLag(groupId: string, topics?: readonly string[]): Promise<PartitionLag[]> {
    return this.withAdmin(async (admin) => {
      const group = this.physicalTopic(groupId);
      let physical: string[];
      if (topics) {
        const existing = new Set(await admin.listTopics());
        physical = topics.map((t) => this.physicalTopic(t)).filter((t) => existing.has(t));
      } else {
        // The topics it committed on; asked again by name below so that partitions it has no
        // commit on yet (nothing arrived there so far) count too.
        physical = (await admin.fetchOffsets({ groupId: group })).map((t) => t.topic);
      }
      if (physical.length === 0) return [];
      const committed = await admin.fetchOffsets({ groupId: group, topics: physical });
      const lags: PartitionLag[] = [];
      for (const { topic, partitions } of committed) {
        const ends = new Map((await admin.fetchTopicOffsets(topic)).map((p) => [p.partition, p]));
        for (const { partition, offset } of partitions) {
          const end = ends.get(partition);
          if (!end) continue;
          const hasCommit = BigInt(offset) >= 0n;
          const position = hasCommit ? BigInt(offset) : BigInt(end.low);
          const behind = BigInt(end.high) - position;
          lags.push({
            topic: this.logicalTopic(topic),
            partition,
            lowWatermark: end.low,
            highWatermark: end.high,
            committedOffset: hasCommit ? offset : undefined,
            lag: behind > 0n ? Number(behind) : 0,
          });
        }
      }
      return lags.sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
    });
  }

  commitOffsets(groupId: string, offsets: readonly PartitionOffset[]): Promise<void> {
    return this.withAdmin(async (admin) => {
      const byTopic = new Map<string, { partition: number; offset: string }[]>();
      for (const { topic, partition, offset } of offsets) {
        const list = byTopic.get(topic) ?? [];
        list.push({ partition, offset });
        byTopic.set(topic, list);
      }
      for (const [topic, partitions] of byTopic) {
        await admin.setOffsets({
          groupId: this.physicalTopic(groupId),
          topic: this.physicalTopic(topic),
          partitions,
        });
      }
    });
  }

  async readTopic(topic: string, options: ReadTopicOptions = {}): Promise<IncomingMessage[]> {
    const physical = this.physicalTopic(topic);
    const ranges = await this.withAdmin(async (admin) => {
      const found = new Map<number, { start: bigint; end: bigint }>();
      for (const p of await admin.fetchTopicOffsets(physical)) {
        const low = BigInt(p.low);
        const from = options.fromOffsets?.get(p.partition);
        const start = from !== undefined && BigInt(from) > low ? BigInt(from) : low;
        if (start < BigInt(p.high)) found.set(p.partition, { start, end: BigInt(p.high) });
      }
      return found;
    });
    if (ranges.size === 0) return [];
    const consumer = this.kafka.consumer({
      groupId: this.physicalTopic(`${READER_GROUP_PREFIX}${randomUUID()}`),
      allowAutoTopicCreation: false,
      retry: { initialRetryTime: 300, retries: 5, maxRetryTime: 5_000 },
    });
    const messages: IncomingMessage[] = [];
    const unfinished = new Set(ranges.keys());
    let timer: NodeJS.Timeout | undefined;
    await consumer.connect();
    try {
      await consumer.subscribe({ topics: [physical], fromBeginning: true });
      await new Promise<void>((resolve, reject) => {
        const timeoutMs = this.options.readTimeoutMs ?? 60_000;
        timer = setTimeout(() => {
          reject(new Error(`reading ${topic} did not reach its end within ${timeoutMs} ms`));
        }, timeoutMs);
        consumer.on(consumer.events.CRASH, (event) => {
          reject(event.payload.error);
        });
        consumer
          .run({
            autoCommit: false,
            eachMessage: ({ partition, message }) => {
              const range = ranges.get(partition);
              const offset = BigInt(message.offset);
              if (!range || offset < range.start || offset >= range.end) return Promise.resolve();
              messages.push({
                topic,
                key: message.key ? message.key.toString('utf8') : '',
                value: message.value ?? Buffer.alloc(0),
                headers: headerText(message.headers),
                partition,
                offset: message.offset,
                timestamp: Number(message.timestamp),
              });
              if (offset === range.end - 1n) unfinished.delete(partition);
              if (unfinished.size === 0) resolve();
              return Promise.resolve();
            },
          })
          .then(() => {
            for (const [partition, { start }] of ranges) {
              consumer.seek({ topic: physical, partition, offset: start.toString() });
            }
          }, reject);
      });
    } finally {
      clearTimeout(timer);
      await consumer.disconnect().catch(() => undefined);
    }
    return messages.sort(
      (a, b) => a.partition - b.partition || Number(a.offset) - Number(b.offset),
    );
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    await Promise.all([...this.producers].map((p) => p.disconnect()));
    if (this.admin) await this.admin.disconnect().catch(() => undefined);
    this.admin = undefined;
  }

  forget(subscription: KafkaJsSubscription): void {
    this.subscriptions.delete(subscription);
  }

  /** Runs one admin operation; a failure drops the admin connection so the next use rebuilds it. */
  private async withAdmin<T>(operation: (admin: Admin) => Promise<T>): Promise<T> {
    const admin = await this.connectedAdmin();
    try {
      return await operation(admin);
    } catch (error) {
      await this.resetAdmin();
      throw error;
    }
  }

  /** A broken admin connection is rebuilt on next use. */
  private async resetAdmin(): Promise<void> {
    const admin = this.admin;
    this.admin = undefined;
    if (admin) await admin.disconnect().catch(() => undefined);
  }

  private async connectedAdmin(): Promise<Admin> {
    if (!this.admin) {
      const admin = this.kafka.admin();
      await admin.connect();
      this.admin = admin;
    }
    return this.admin;
  }
}

/**
 * An idempotent kafkajs producer that is replaced after a failed send. The broker keeps a sequence
 * number per producer id and partition; after an outage a half-sent request can leave kafkajs's
 * numbers out of step with the broker's, and then every later send of that producer fails with
 * OUT_OF_ORDER_SEQUENCE_NUMBER, reconnects included (seen once in a fault-injection run: the relay
 * retried the same batch for minutes). A new producer gets a new producer id and starts its
 * sequences afresh; what the failed send may have written is sent again, which consumers' inboxes
 * absorb.
 */
export class KafkaJsProducer implements MessageProducer {
  private producer: Producer | undefined;
  private connected: Promise<void> | undefined;

  constructor(
    private readonly newProducer: () => Producer,
    private readonly topicName: (topic: string) => string,
    private readonly onDisconnect: () => void,
  ) {}

  async send(messages: readonly OutgoingMessage[]): Promise<void> {
    if (messages.length === 0) return;
    const producer = await this.connect();
    // One request per call keeps each topic-partition's messages in the order given.
    const byTopic = new Map<string, OutgoingMessage[]>();
    for (const message of messages) {
      const list = byTopic.get(message.topic) ?? [];
      list.push(message);
      byTopic.set(message.topic, list);
    }
    try {
      await producer.sendBatch({
        acks: -1,
        compression: CompressionTypes.None,
        topicMessages: [...byTopic].map(([topic, list]) => ({
          topic: this.topicName(topic),
          messages: list.map((m) => ({ key: m.key, value: m.value, headers: { ...m.headers } })),
        })),
      });
    } catch (error) {
      // The connection may be half-open and the producer's sequence numbers out of step with the
      // broker's: the next send starts with a new producer.
      if (this.producer === producer) {
        this.producer = undefined;
        this.connected = undefined;
      }
      await producer.disconnect().catch(() => undefined);
      throw error;
    }
  }

  async disconnect(): Promise<void> {
    this.onDisconnect();
    const producer = this.producer;
    this.producer = undefined;
    this.connected = undefined;
    await producer?.disconnect().catch(() => undefined);
  }

  private async connect(): Promise<Producer> {
    const producer = (this.producer ??= this.newProducer());
    this.connected ??= producer.connect().catch((error: unknown) => {
      this.connected = undefined;
      throw error;
    });
    await this.connected;
    return producer;
  }
}

function isTopicAlreadyExists(error: unknown): boolean {
  const text = error instanceof Error ? `${error.message} ${JSON.stringify(error)}` : String(error);
  return /TOPIC_ALREADY_EXISTS|already exists/i.test(text);
}

function headerText(headers: IHeaders | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!headers) return out;
  for (const [name, value] of Object.entries(headers)) {
    const first = Array.isArray(value) ? value.at(0) : value;
    if (first === undefined) continue;
    out[name] = Buffer.isBuffer(first) ? first.toString('utf8') : first;
  }
  return out;
}

/** Messages per `handleBatch` call when the subscription does not say. */
const DEFAULT_MAX_BATCH_SIZE = 50;

/**
 * A consumer group member that survives what kills plain kafkajs consumers: a crash kafkajs will
 * not restart by itself (the broker gone for longer than its retries) is answered by building a
 * new consumer after a backoff, for as long as the subscription is not stopped.
 */
class KafkaJsSubscription implements Subscription {
  private consumer: Consumer | undefined;
  private stopped = false;
  private joined = false;
  private restartTimer: NodeJS.Timeout | undefined;
  private restarts = 0;

  constructor(
    private readonly kafka: Kafka,
    private readonly options: SubscriptionOptions,
    private readonly broker: KafkaJsBroker,
    private readonly logger: Logger,
    private readonly sessionTimeoutMs: number,
  ) {}

  isHealthy(): boolean {
    return !this.stopped && this.joined;
  }

  async start(): Promise<void> {
    const consumer = this.kafka.consumer({
      groupId: this.broker.physicalTopic(this.options.groupId),
      sessionTimeout: this.sessionTimeoutMs,
      heartbeatInterval: 3_000,
      rebalanceTimeout: 60_000,
      allowAutoTopicCreation: true,
      retry: { initialRetryTime: 300, retries: 8, maxRetryTime: 10_000 },
    });
    this.consumer = consumer;
    consumer.on(consumer.events.GROUP_JOIN, () => {
      this.joined = true;
      this.restarts = 0;
    });
    consumer.on(consumer.events.DISCONNECT, () => {
      this.joined = false;
    });
    consumer.on(consumer.events.CRASH, (event) => {
      this.joined = false;
      const { error, restart } = event.payload;
      this.logger.error(
        { err: error, groupId: this.options.groupId, restart },
        'kafka consumer crashed',
      );
      if (!restart) this.scheduleRestart(consumer);
    });
    await consumer.connect();
    await consumer.subscribe({
      topics: this.options.topics.map((t) => this.broker.physicalTopic(t)),
      fromBeginning: true,
    });
    await consumer.run({
      autoCommit: true,
      autoCommitInterval: 1_000,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.options.concurrency ?? 3,
      eachBatch: (payload) => this.eachBatch(payload),
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    this.broker.forget(this);
    const consumer = this.consumer;
    this.consumer = undefined;
    // disconnect() waits for the batch in hand, commits resolved offsets and leaves the group.
    if (consumer) await consumer.disconnect().catch(() => undefined);
  }

  private async eachBatch(payload: EachBatchPayload): Promise<void> {
    const { batch } = payload;
    const isActive = (): boolean => payload.isRunning() && !payload.isStale();
    const controls = { heartbeat: () => payload.heartbeat(), isActive };
    const topic = this.broker.logicalTopic(batch.topic);
    const incoming = (message: KafkaMessage): IncomingMessage => ({
      topic,
      key: message.key ? message.key.toString('utf8') : '',
      value: message.value ?? Buffer.alloc(0),
      headers: headerText(message.headers),
      partition: batch.partition,
      offset: message.offset,
      timestamp: Number(message.timestamp),
    });
    const { handleBatch } = this.options;
    if (handleBatch) {
      const size = Math.max(1, this.options.maxBatchSize ?? DEFAULT_MAX_BATCH_SIZE);
      for (let start = 0; start < batch.messages.length; start += size) {
        if (!isActive()) return;
        const chunk = batch.messages.slice(start, start + size);
        const done = await handleBatch(chunk.map(incoming), controls);
        // Only the messages it reports done have durable effects: their offsets may be committed.
        if (done > 0) payload.resolveOffset(chunk[done - 1].offset);
        await payload.commitOffsetsIfNecessary();
        await payload.heartbeat();
        if (done < chunk.length) return;
      }
      return;
    }
    for (const message of batch.messages) {
      if (!isActive()) return;
      const handled = await this.options.handle(incoming(message), controls);
      if (!handled) return;
      // Only now is the message's effect durable: its offset may be committed.
      payload.resolveOffset(message.offset);
      await payload.commitOffsetsIfNecessary();
      await payload.heartbeat();
    }
  }

  private scheduleRestart(crashed: Consumer): void {
    if (this.stopped) return;
    const delay = Math.min(30_000, 1_000 * 2 ** Math.min(this.restarts, 5));
    this.restarts += 1;
    this.logger.warn(
      { groupId: this.options.groupId, delayMs: delay },
      'restarting kafka consumer after a crash',
    );
    this.restartTimer = setTimeout(() => {
      void (async () => {
        await crashed.disconnect().catch(() => undefined);
        if (this.stopped) return;
        try {
          await this.start();
        } catch (error) {
          this.logger.error({ err: error }, 'kafka consumer restart failed');
          if (this.consumer) await this.consumer.disconnect().catch(() => undefined);
          this.scheduleRestart(this.consumer ?? crashed);
        }
      })();
    }, delay);
  }
}
