// Consumes with the built library, commits one event's effect to Postgres, then dies with
// SIGKILL before the consumer can commit the Kafka offset. Run by messaging.int-spec.ts.
'use strict';
const path = require('node:path');
const pino = require('pino');
const { DataSource } = require('typeorm');
const lib = require(
  path.join(__dirname, '..', '..', '..', 'dist', 'libs', 'messaging', 'src', 'index.js'),
);

async function main() {
  const schema = process.env.FIXTURE_SCHEMA;
  const logger = pino({ level: 'silent' });
  const dataSource = new DataSource({ type: 'postgres', url: process.env.FIXTURE_DATABASE_URL });
  await dataSource.initialize();
  const broker = new lib.KafkaJsBroker({
    brokers: process.env.KAFKA_BROKERS.split(','),
    clientId: 'crash-fixture',
    topicPrefix: process.env.FIXTURE_TOPIC_PREFIX,
    logger,
    // Short, so the group notices the dead member soon after the kill.
    sessionTimeoutMs: 10_000,
  });
  const writer = new lib.OutboxWriter({ schema, source: '/salur/test' });
  const processor = new lib.EventProcessor({
    groupId: process.env.FIXTURE_GROUP,
    schema,
    dataSource,
    outbox: writer,
    producer: broker.createProducer(),
    logger,
    handlers: new Map([
      [
        'salur.complaint.submitted.v1',
        async (event, { tx }) => {
          await tx.manager.query(
            `INSERT INTO ${schema}.effects (event_id, subject, seq) VALUES ($1, $2, 1)`,
            [event.id, event.subject],
          );
        },
      ],
    ]),
    retry: lib.DEFAULT_RETRY_POLICY,
  });
  const dying = {
    async process(message, controls) {
      await processor.process(message, controls);
      process.kill(process.pid, 'SIGKILL');
      return new Promise(() => undefined);
    },
    async processBatch(messages, controls) {
      await processor.processBatch(messages, controls);
      process.kill(process.pid, 'SIGKILL');
      return new Promise(() => undefined);
    },
  };
  const consumer = new lib.EventConsumer({
    broker,
    processor: dying,
    groupId: process.env.FIXTURE_GROUP,
    topics: ['salur.intake.v1'],
    partitions: 3,
  });
  await consumer.start();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
