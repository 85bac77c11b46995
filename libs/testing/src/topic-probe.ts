import { Kafka, logLevel, type Consumer } from 'kafkajs';
import { randomUUID } from 'node:crypto';

export interface ProbedMessage {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly key: string;
  readonly value: string;
  readonly headers: Record<string, string>;
}

/**
 * Reads topics from the beginning with a throw-away consumer group and keeps every message, so a
 * test can assert on what really reached Kafka. Topics are physical names (prefix included).
 */
export class TopicProbe {
  readonly messages: ProbedMessage[] = [];
  private consumer: Consumer | undefined;

  private constructor(
    private readonly brokers: string[],
    private readonly topics: string[],
  ) {}

  static async start(brokers: string[], topics: string[]): Promise<TopicProbe> {
    const probe = new TopicProbe(brokers, topics);
    await probe.run();
    return probe;
  }

  on(topic: string): ProbedMessage[] {
    return this.messages.filter((m) => m.topic === topic);
  }

  async stop(): Promise<void> {
    const consumer = this.consumer;
    this.consumer = undefined;
    if (consumer) await consumer.disconnect();
  }

  private async run(): Promise<void> {
    const kafka = new Kafka({
      clientId: 'salur-test-probe',
      brokers: this.brokers,
      logLevel: logLevel.NOTHING,
      retry: { retries: 20, initialRetryTime: 200, maxRetryTime: 2_000 },
    });
    const admin = kafka.admin();
    await admin.connect();
    try {
      const existing = new Set(await admin.listTopics());
      const missing = this.topics.filter((t) => !existing.has(t));
      if (missing.length > 0) {
        await admin.createTopics({
          waitForLeaders: true,
          topics: missing.map((topic) => ({ topic, numPartitions: 3 })),
        });
      }
    } finally {
      await admin.disconnect();
    }
    const consumer = kafka.consumer({ groupId: `probe-${randomUUID()}`, retry: { retries: 50 } });
    this.consumer = consumer;
    await consumer.connect();
    await subscribeOnceKnown(consumer, this.topics);
    let joined!: () => void;
    const hasJoined = new Promise<void>((resolve) => (joined = resolve));
    consumer.on(consumer.events.GROUP_JOIN, () => {
      joined();
    });
    await consumer.run({
      eachMessage: ({ topic, partition, message }) => {
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(message.headers ?? {})) {
          const first = Array.isArray(value) ? value[0] : value;
          if (first !== undefined) headers[name] = first.toString();
        }
        this.messages.push({
          topic,
          partition,
          offset: message.offset,
          key: message.key?.toString() ?? '',
          value: message.value?.toString() ?? '',
          headers,
        });
        return Promise.resolve();
      },
    });
    await hasJoined;
  }
}

/**
 * Subscribes once the broker's metadata knows every topic: a topic created a moment ago (by the
 * probe or by the service under test) can still be answered with UNKNOWN_TOPIC_OR_PARTITION, and
 * kafkajs's `subscribe` does not retry that.
 */
async function subscribeOnceKnown(consumer: Consumer, topics: string[]): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await consumer.subscribe({ topics, fromBeginning: true });
      return;
    } catch (error) {
      const unknownTopic = (error as { type?: string }).type === 'UNKNOWN_TOPIC_OR_PARTITION';
      if (!unknownTopic || attempt >= 40) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}
