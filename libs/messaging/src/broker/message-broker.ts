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

export interface MessageBroker {
  createProducer(): MessageProducer;
  subscribe(options: SubscriptionOptions): Promise<Subscription>;
  /** Creates the topics that are missing; existing topics are left as they are. */
  ensureTopics(topics: readonly TopicSpec[]): Promise<void>;
  /** Answers when the cluster can be reached (used by readiness probes). */
  ping(): Promise<void>;
  close(): Promise<void>;
}
