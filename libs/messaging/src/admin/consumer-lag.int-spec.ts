import { EventTypes, deadLetterTopic, retryTopic } from '@salur/contracts';
import { metricsRegistry } from '@salur/platform';
import { uniqueName, waitFor, type TestDatabase } from '@salur/testing';
import type { DataSource } from 'typeorm';
import {
  brokers,
  complaintId,
  logger,
  messagingDatabase,
  recordEffect,
  SCHEMA,
  submitted,
} from '../../test/messaging-harness';
import {
  ConsumerLagPoller,
  DeadLetterQueue,
  encodeEvent,
  EventConsumer,
  EventProcessor,
  FailureHeaders,
  KafkaJsBroker,
  MessagingMetrics,
  NonRetriableError,
  OutboxWriter,
} from '..';

const TOPIC = 'salur.intake.v1';
const GROUP = 'lag-group';

let db: TestDatabase;
let dataSource: DataSource;

beforeAll(async () => {
  ({ db, dataSource } = await messagingDatabase());
});

afterAll(async () => {
  await dataSource.destroy();
  await db.drop();
});

async function metricValues(
  name: string,
): Promise<{ labels: Record<string, string | number>; value: number }[]> {
  const metric = metricsRegistry().getSingleMetric(name);
  if (!metric) throw new Error(`${name} is not registered`);
  return (await metric.get()).values.map((v) => ({
    labels: v.labels as Record<string, string | number>,
    value: v.value,
  }));
}

async function valueOf(name: string, labels: Record<string, string>): Promise<number | undefined> {
  return (await metricValues(name)).find((v) =>
    Object.entries(labels).every(([k, want]) => String(v.labels[k]) === want),
  )?.value;
}

describe('consumer lag and dead-letter metrics, against Kafka', () => {
  it('shows the lag of events no member has read, 0 once consumed, and counts a dead letter', async () => {
    const prefix = `${uniqueName('lag')}.`;
    const broker = new KafkaJsBroker({
      brokers: brokers(),
      clientId: 'lag-test',
      topicPrefix: prefix,
      logger,
      sessionTimeoutMs: 10_000,
    });
    const metrics = new MessagingMetrics();
    const topics = [TOPIC, retryTopic(TOPIC, GROUP)];
    const dlq = deadLetterTopic(TOPIC, GROUP);
    await broker.ensureTopics([...topics, dlq].map((topic) => ({ topic, partitions: 3 })));
    const poller = new ConsumerLagPoller({
      broker,
      groupId: GROUP,
      topics,
      intervalMs: 60_000,
      record: (group, partitions) => {
        metrics.recordConsumerLag(group, partitions);
      },
      logger,
    });
    const producer = broker.createProducer();
    const writer = new OutboxWriter({ schema: SCHEMA, source: '/salur/test' });
    const names = ['a', 'b', 'c', 'd', 'e', 'f', 'poison'];
    const events = names.map((name, i) => writer.envelope(submitted(name, i)));
    await producer.send(events.map((e) => ({ topic: TOPIC, ...encodeEvent(e) })));

    // Nobody in the group has read anything: every event counts, from the start of each partition.
    await poller.poll();
    expect(await valueOf('salur_consumer_lag_messages', { group: GROUP, topic: TOPIC })).toBe(
      names.length,
    );
    const perPartition = (await metricValues('salur_consumer_lag_partition_messages')).filter(
      (v) => v.labels.group === GROUP && v.labels.topic === TOPIC,
    );
    expect(perPartition.map((v) => String(v.labels.partition)).sort()).toEqual(['0', '1', '2']);
    expect(perPartition.reduce((sum, v) => sum + v.value, 0)).toBe(names.length);
    expect(
      await valueOf('salur_consumer_lag_messages', {
        group: GROUP,
        topic: retryTopic(TOPIC, GROUP),
      }),
    ).toBe(0);

    const processor = new EventProcessor({
      groupId: GROUP,
      schema: SCHEMA,
      dataSource,
      outbox: writer,
      producer: broker.createProducer(),
      logger,
      handlers: new Map([
        [
          EventTypes.ComplaintSubmitted,
          async (event, context) => {
            if (event.subject === complaintId('poison')) {
              throw new NonRetriableError('the agency code is unknown');
            }
            await recordEffect(event, context);
          },
        ],
      ]),
      retry: { maxAttempts: 2, initialDelayMs: 50, maxDelayMs: 100, jitter: 0 },
      observer: metrics.processorObserver(GROUP),
      heartbeatIntervalMs: 200,
    });
    const consumer = new EventConsumer({
      broker,
      processor,
      groupId: GROUP,
      topics: [TOPIC],
      partitions: 3,
    });
    await consumer.start();
    try {
      await waitFor(async () => (await valueOf('salur_dead_letters_total', { topic: dlq })) === 1, {
        timeoutMs: 30_000,
        description: 'one dead letter counted',
      });
      await waitFor(
        async () => {
          await poller.poll();
          return (
            (await valueOf('salur_consumer_lag_messages', { group: GROUP, topic: TOPIC })) === 0
          );
        },
        { timeoutMs: 30_000, description: 'the lag back to 0 once the offsets are committed' },
      );
      const [{ n }] = await dataSource.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM ${SCHEMA}.effects`,
      );
      expect(n).toBe(names.length - 1);
      expect(await valueOf('salur_dead_letters_total', { topic: dlq })).toBe(1);

      // The event sits in the dead-letter topic, with why.
      const parked = await broker.readTopic(dlq);
      expect(parked).toHaveLength(1);
      expect(parked[0]?.headers.ce_id).toBe(events.at(-1)?.id);
      expect(parked[0]?.headers[FailureHeaders.reason]).toBe('non-retriable');
      const listing = await new DeadLetterQueue(broker).list(dlq);
      expect(listing.letters.map((l) => [l.id, l.originalTopic, l.pending])).toEqual([
        [events.at(-1)?.id, TOPIC, true],
      ]);
      expect(listing.letters[0]?.error).toContain('the agency code is unknown');
    } finally {
      await consumer.stop();
      await producer.disconnect();
      await broker.close();
    }
  });

  it('lists its groups and topics under the prefix only, and reads a topic from given offsets', async () => {
    const prefix = `${uniqueName('admin')}.`;
    const broker = new KafkaJsBroker({
      brokers: brokers(),
      clientId: 'admin-test',
      topicPrefix: prefix,
      logger,
    });
    try {
      await broker.ensureTopics([{ topic: 'admin.topic', partitions: 2 }]);
      const producer = broker.createProducer();
      const value = Buffer.from('{}');
      await producer.send(
        ['k1', 'k2', 'k3', 'k4', 'k5', 'k6'].map((key) => ({
          topic: 'admin.topic',
          key,
          value,
          headers: { n: key },
        })),
      );
      await producer.disconnect();
      expect(await broker.listTopics()).toEqual(['admin.topic']);
      const all = await broker.readTopic('admin.topic');
      expect(all.map((m) => m.key).sort()).toEqual(['k1', 'k2', 'k3', 'k4', 'k5', 'k6']);

      const firstOf = (partition: number) => all.find((m) => m.partition === partition);
      const skipOne = new Map(
        [0, 1]
          .filter((p) => firstOf(p) !== undefined)
          .map((p) => [p, (BigInt(firstOf(p)?.offset ?? '0') + 1n).toString()]),
      );
      const rest = await broker.readTopic('admin.topic', { fromOffsets: skipOne });
      expect(rest).toHaveLength(6 - skipOne.size);

      await broker.commitOffsets(
        'admin-group',
        [...skipOne].map(([partition, offset]) => ({ topic: 'admin.topic', partition, offset })),
      );
      expect(await broker.listConsumerGroups()).toEqual(['admin-group']);
      const lag = await broker.consumerGroupLag('admin-group');
      expect(lag.reduce((sum, p) => sum + p.lag, 0)).toBe(6 - skipOne.size);
      expect(lag.every((p) => p.committedOffset === skipOne.get(p.partition))).toBe(true);
      expect(await broker.consumerGroupLag('admin-group', ['no.such.topic'])).toEqual([]);
    } finally {
      await broker.close();
    }
  });
});
