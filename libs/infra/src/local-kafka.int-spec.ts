import { kafkaControl, uniqueName, waitFor } from '@salur/testing';
import { Kafka, logLevel, Partitioners } from 'kafkajs';
import { createServer, type Server } from 'node:net';
import { describeKafka, LocalKafka, parseBrokerList, type BrokerExit } from '@salur/infra';

function client(brokers: string[]): Kafka {
  return new Kafka({ clientId: uniqueName('infra-test'), brokers, logLevel: logLevel.NOTHING });
}

async function createTopic(brokers: string[], topic: string): Promise<void> {
  const admin = client(brokers).admin();
  await admin.connect();
  try {
    await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
  } finally {
    await admin.disconnect();
  }
}

async function produce(brokers: string[], topic: string, values: string[]): Promise<void> {
  const producer = client(brokers).producer({
    createPartitioner: Partitioners.DefaultPartitioner,
    idempotent: true,
  });
  await producer.connect();
  try {
    await producer.send({
      topic,
      acks: -1,
      messages: values.map((value, index) => ({ key: `k${index}`, value })),
    });
  } finally {
    await producer.disconnect();
  }
}

/** Reads `topic` from the beginning with a fresh consumer group until `count` values arrived. */
async function consume(brokers: string[], topic: string, count: number): Promise<string[]> {
  const consumer = client(brokers).consumer({ groupId: uniqueName('infra-test-group') });
  const received: string[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: ({ message }) => {
        received.push(message.value?.toString('utf8') ?? '');
        return Promise.resolve();
      },
    });
    await waitFor(() => received.length >= count, {
      timeoutMs: 30_000,
      description: `${count} messages on ${topic}`,
    });
    return received;
  } finally {
    await consumer.disconnect();
  }
}

async function occupyPort(): Promise<Server> {
  const server = createServer();
  await new Promise<void>((resolve) => {
    server.listen(0, '127.0.0.1', resolve);
  });
  return server;
}

// Starting a JVM takes seconds, more on a loaded machine; each test starts one or more.
const BROKER_TEST_TIMEOUT_MS = 120_000;

const brokers = parseBrokerList(process.env.KAFKA_BROKERS);
const control = kafkaControl();

describe('the Kafka the test run resolved', () => {
  it('is what KAFKA_BROKERS names', () => {
    expect(brokers.length).toBeGreaterThan(0);
    expect(control.brokers).toEqual(brokers);
    expect(['env', 'testcontainers', 'local-jars']).toContain(control.source);
  });

  it(
    'accepts a produced message and delivers it to a consumer',
    async () => {
      const topic = uniqueName('infra-roundtrip');
      await createTopic(brokers, topic);
      await produce(brokers, topic, ['hello from the test']);
      await expect(consume(brokers, topic, 1)).resolves.toEqual(['hello from the test']);
    },
    BROKER_TEST_TIMEOUT_MS,
  );

  it(
    'can be stopped and started by a test, and keeps its topics and messages',
    async () => {
      if (control.source !== 'local-jars') {
        // A broker the run did not start (KAFKA_BROKERS or a container) is not the tests' to stop.
        expect(control.controllable).toBe(false);
        await expect(control.stop()).rejects.toThrow(/only a broker run from the local jars/);
        return;
      }
      expect(control.controllable).toBe(true);
      expect(control.startupMs).toBeGreaterThan(0);
      const topic = uniqueName('infra-restart');
      await createTopic(brokers, topic);
      await produce(brokers, topic, ['before the stop 1', 'before the stop 2']);

      await control.stop();
      expect(control.isRunning()).toBe(false);
      await expect(describeKafka(brokers, 1_000)).rejects.toThrow();

      await control.start();
      expect(control.isRunning()).toBe(true);
      await produce(brokers, topic, ['after the start']);
      await expect(consume(brokers, topic, 3)).resolves.toEqual([
        'before the stop 1',
        'before the stop 2',
        'after the start',
      ]);
    },
    BROKER_TEST_TIMEOUT_MS,
  );
});

describe('LocalKafka', () => {
  // Its own brokers, beside the run's: these tests need Java and Maven, which the run has only
  // when it started its broker from the jars too.
  const local = control.source === 'local-jars';

  it(
    'keeps its ports and data across stop and start, and reports a crash',
    async () => {
      if (!local) {
        expect(control.source).not.toBe('local-jars');
        return;
      }
      const kafka = new LocalKafka({ log: () => undefined });
      try {
        await kafka.start();
        const [address] = kafka.brokers;
        const topic = uniqueName('local-kafka');
        await createTopic(kafka.brokers, topic);
        await produce(kafka.brokers, topic, ['one']);

        await kafka.stop();
        expect(kafka.isRunning()).toBe(false);
        await kafka.start();
        expect(kafka.brokers).toEqual([address]);
        await produce(kafka.brokers, topic, ['two']);

        const exits: BrokerExit[] = [];
        kafka.onUnexpectedExit((exit) => exits.push(exit));
        process.kill(kafka.snapshot().pid!, 'SIGKILL');
        const exit = await waitFor(() => exits[0], {
          timeoutMs: 10_000,
          description: 'the crash to be reported',
        });
        expect(exit.signal).toBe('SIGKILL');
        expect(exit.logTail).toContain('server.log');
        expect(kafka.isRunning()).toBe(false);

        // Acknowledged messages survive a crash: they are in the OS's page cache, and the broker
        // recovers the unflushed segment on the next start.
        await kafka.start();
        await expect(consume(kafka.brokers, topic, 2)).resolves.toEqual(['one', 'two']);
      } finally {
        await kafka.destroy();
      }
      expect(kafka.isRunning()).toBe(false);
    },
    BROKER_TEST_TIMEOUT_MS,
  );

  it(
    'says which port is taken when it cannot listen',
    async () => {
      if (!local) {
        expect(control.source).not.toBe('local-jars');
        return;
      }
      const server = await occupyPort();
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      const kafka = new LocalKafka({ brokerPort: port, log: () => undefined });
      try {
        await expect(kafka.start()).rejects.toThrow(
          `127.0.0.1:${port} (its broker listener) is in use`,
        );
      } finally {
        server.close();
        await kafka.destroy();
      }
    },
    BROKER_TEST_TIMEOUT_MS,
  );

  it(
    'quotes the broker output when the JVM does not come up',
    async () => {
      if (!local) {
        expect(control.source).not.toBe('local-jars');
        return;
      }
      const kafka = new LocalKafka({ heap: 'plenty', log: () => undefined });
      try {
        const failure = kafka.start();
        await expect(failure).rejects.toThrow(/exited during startup \(exit code 1\)/);
        await expect(failure).rejects.toThrow(/Invalid maximum heap size: -Xmxplenty/);
        expect(kafka.isRunning()).toBe(false);
      } finally {
        await kafka.destroy();
      }
    },
    BROKER_TEST_TIMEOUT_MS,
  );
});
