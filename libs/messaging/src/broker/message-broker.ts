/**
 * The port every service talks to instead of a Kafka client. The kafkajs adapter implements it;
 * another client can replace it without touching a service.
 */

/** A message as it travels: the key, the raw value and string headers. Topics are logical names. */
export interface OutgoingMessage {
  readonly topic: string;
  readonly key: string;
  readonly value: Buffer;
  readonly headers: Readonly<Record<string, string>>;
}

export interface IncomingMessage extends OutgoingMessage {
  readonly partition: number;
  readonly offset: string;
  /** Broker timestamp, milliseconds since the epoch. */
  readonly timestamp: number;
}

export interface MessageProducer {
  /** Sends in order: messages with the same key and topic are appended in the order given. */
  send(messages: readonly OutgoingMessage[]): Promise<void>;
  disconnect(): Promise<void>;
}

/** What a handler may do while it holds a message: keep its group membership alive. */
export interface DeliveryControls {
  heartbeat(): Promise<void>;
  /** False once the consumer is stopping or the partition was taken away in a rebalance. */
  isActive(): boolean;
}

export interface SubscriptionOptions {
  readonly groupId: string;
  readonly topics: readonly string[];
  /** Partitions handled at once; messages of one partition are always handled one by one. */
  readonly concurrency?: number;
  /**
   * Called once per message, in partition order. The offset is committed only after it resolves
   * to true; if it throws, or resolves to false (it gave the message up because the consumer is
   * stopping), the message is delivered again.
   */
  readonly handle: (message: IncomingMessage, controls: DeliveryControls) => Promise<boolean>;
  /**
   * When given, called instead of `handle` with up to `maxBatchSize` consecutive messages of one
   * partition, in order. Resolves to how many of them, from the first, are done: their offsets
   * may be committed. Fewer than all means the consumer is stopping; the rest are delivered again,
   * as are all of them if it throws.
   */
  readonly handleBatch?: (
    messages: readonly IncomingMessage[],
    controls: DeliveryControls,
  ) => Promise<number>;
  /** Most messages per `handleBatch` call. Default 50. */
  readonly maxBatchSize?: number;
}

export interface Subscription {
  /** True while the consumer is connected and has joined its group. */
  isHealthy(): boolean;
  /** Stops fetching, lets the message in hand finish, commits and leaves the group. */
  stop(): Promise<void>;
}

export interface TopicSpec {
  readonly topic: string;
  readonly partitions: number;
}

/** Where one consumer group stands on one partition. */
export interface PartitionLag {
  readonly topic: string;
  readonly partition: number;
  /** Offset of the oldest message the partition still holds. */
  readonly lowWatermark: string;
  /** Offset the next message written to the partition will get. */
  readonly highWatermark: string;
  /** The group's committed offset (the next message it will read); undefined when it has none. */
  readonly committedOffset: string | undefined;
  /**
   * Messages the group has yet to read: high watermark minus the committed offset, or minus the
   * low watermark when nothing is committed (groups start from the beginning).
   */
  readonly lag: number;
}

/** A position to commit for a consumer group: `offset` is the next message it should read. */
export interface PartitionOffset {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
}

export interface ReadTopicOptions {
  /** Per partition, the first offset to read; partitions not listed start at their oldest message. */
  readonly fromOffsets?: ReadonlyMap<number, string>;
}

/**
 * What operators and the metrics poller need beyond producing and consuming: topics, consumer
 * groups, their lag and offsets, and reading a topic once from a position to its current end.
 * Topic names and group ids are logical (without the deployment's prefix), as everywhere else.
 */
export interface BrokerAdmin {
  /** Topics in the cluster under this deployment's prefix. */
  listTopics(): Promise<string[]>;
  /** Consumer groups known to the cluster under this deployment's prefix. */
  listConsumerGroups(): Promise<string[]>;
  /**
   * The group's lag on every partition of `topics`; without `topics`, of every topic the group has
   * committed offsets on. Topics that do not exist are left out.
   */
  consumerGroupLag(groupId: string, topics?: readonly string[]): Promise<PartitionLag[]>;
  /** Commits offsets for a group that has no running member (an operator's tool, not a service). */
  commitOffsets(groupId: string, offsets: readonly PartitionOffset[]): Promise<void>;
  /**
   * Reads the messages of `topic` from the given offsets up to its end as it is when the call
   * starts, without joining or committing for any lasting consumer group.
   */
  readTopic(topic: string, options?: ReadTopicOptions): Promise<IncomingMessage[]>;
}

export interface MessageBroker extends BrokerAdmin {
  createProducer(): MessageProducer;
  subscribe(options: SubscriptionOptions): Promise<Subscription>;
  /** Creates the topics that are missing; existing topics are left as they are. */
  ensureTopics(topics: readonly TopicSpec[]): Promise<void>;
  /** Answers when the cluster can be reached (used by readiness probes). */
  ping(): Promise<void>;
  close(): Promise<void>;
}
