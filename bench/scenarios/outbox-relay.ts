import { EventTypes, sampleEvent, Topics } from '@salur/contracts';
import {
  encodeEvent,
  KafkaJsBroker,
  OutboxRelay,
  type OutboxRelayObserver,
} from '@salur/messaging';
import { runMigrations } from '@salur/platform';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import pino from 'pino';
import { intakeDatabase } from '../../apps/intake/src/database/data-source';
import {
  log,
  type BenchContext,
  type Scenario,
  type ScenarioResult,
} from '../support/bench-context';
import { describe, distribution, sleep } from '../support/stats';

const SCHEMA = 'intake';

/** Rows shaped like intake's: a real encoded event, a distinct complaint id (the key) per row. */
async function fillBacklog(client: Client, rows: number): Promise<void> {
  const encoded = encodeEvent(sampleEvent(EventTypes.ComplaintSubmitted));
  const chunk = 50_000;
  for (let done = 0; done < rows; done += chunk) {
    await client.query(
      `INSERT INTO ${SCHEMA}.outbox (event_id, event_type, topic, message_key, headers, payload)
       SELECT gen_random_uuid(), $2, $3, gen_random_uuid()::text, $4::jsonb, $5
       FROM generate_series(1, $1)`,
      [
        Math.min(chunk, rows - done),
        EventTypes.ComplaintSubmitted,
        Topics.intake,
        JSON.stringify(encoded.headers),
        encoded.value.toString('utf8'),
      ],
    );
  }
}

async function topicMessages(brokers: string[], topic: string): Promise<number> {
  const kafka = new Kafka({ clientId: 'salur-bench', brokers, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  try {
    const offsets = await admin.fetchTopicOffsets(topic);
    return offsets.reduce((sum, p) => sum + Number(p.high) - Number(p.low), 0);
  } finally {
    await admin.disconnect();
  }
}

/**
 * Outbox relay: events per second published from a backlog (default 100,000 rows), then the
 * publish latency (commit → acknowledged by Kafka) while events are written at a steady rate.
 * The relay runs as the services run it (default batch size, metrics observer with backlog).
 */
export const outboxRelay: Scenario = {
  name: 'relay',
  measures: 'outbox relay: events/s from a 100,000-row backlog; publish latency at a steady rate',
  async run(context: BenchContext): Promise<ScenarioResult> {
    const backlog = context.number('backlog', 100_000, 20_000);
    const rate = context.number('rate', 2_000, 1_000);
    const seconds = context.number('seconds', 30, 10);
    const batchSize = context.number('batch-size', 0);
    const brokers = await context.brokers();
    const db = await context.database('relay');
    const prefix = context.topicPrefix('relay');
    const logger = pino({ level: 'warn' }, pino.destination(2));
    const broker = new KafkaJsBroker({
      brokers,
      clientId: 'salur-bench-relay',
      topicPrefix: prefix,
      logger,
    });
    const client = new Client({ connectionString: db.url });
    let relay: OutboxRelay | undefined;
    try {
      await runMigrations(intakeDatabase(db.url));
      await broker.ensureTopics([{ topic: Topics.intake, partitions: 6 }]);
      await client.connect();
      const seeded = Date.now();
      await fillBacklog(client, backlog);
      await client.query(`ANALYZE ${SCHEMA}.outbox`);
      log(`relay: ${backlog} outbox rows written in ${Date.now() - seeded} ms`);

      let published = 0;
      let ages: number[] = [];
      const observer: OutboxRelayObserver = {
        published: (batch) => {
          published += batch.length;
          ages.push(...batch);
        },
        backlog: () => undefined,
      };
      relay = new OutboxRelay({
        schema: SCHEMA,
        databaseUrl: db.url,
        producer: broker.createProducer(),
        logger,
        pollIntervalMs: 1_000,
        observer,
        ...(batchSize > 0 ? { batchSize } : {}),
      });
      const started = performance.now();
      relay.start();
      while (published < backlog) await sleep(20);
      const drainSeconds = (performance.now() - started) / 1000;
      const drainRate = Math.round(backlog / drainSeconds);
      log(`relay: backlog of ${backlog} published in ${drainSeconds.toFixed(2)} s`);

      // Steady rate: rows written in small transactions every 10 ms, each with the writer's NOTIFY.
      ages = [];
      published = 0;
      let owed = 0;
      let written = 0;
      const encoded = encodeEvent(sampleEvent(EventTypes.ComplaintSubmitted));
      const steadyStart = performance.now();
      while (performance.now() - steadyStart < seconds * 1000) {
        const due = Math.floor(((performance.now() - steadyStart) / 1000) * rate) - written;
        owed = Math.max(0, due);
        if (owed > 0) {
          await client.query('BEGIN');
          await client.query(
            `INSERT INTO ${SCHEMA}.outbox (event_id, event_type, topic, message_key, headers, payload)
             SELECT gen_random_uuid(), $2, $3, gen_random_uuid()::text, $4::jsonb, $5
             FROM generate_series(1, $1)`,
            [
              owed,
              EventTypes.ComplaintSubmitted,
              Topics.intake,
              JSON.stringify(encoded.headers),
              encoded.value.toString('utf8'),
            ],
          );
          await client.query(`SELECT pg_notify('salur_outbox_${SCHEMA}', '')`);
          await client.query('COMMIT');
          written += owed;
        }
        await sleep(Math.max(1, 10 - ((performance.now() - steadyStart) % 10)));
      }
      const drainDeadline = Date.now() + 30_000;
      while (published < written && Date.now() < drainDeadline) await sleep(20);
      const latency = distribution(ages);
      const onKafka = await topicMessages(brokers, `${prefix}${Topics.intake}`);
      const expected = backlog + written;

      return {
        figures: {
          backlogRows: backlog,
          backlogSeconds: Math.round(drainSeconds * 100) / 100,
          eventsPerSecond: drainRate,
          batchSize: batchSize > 0 ? batchSize : 'default',
          steadyRatePerSecond: rate,
          steadySeconds: seconds,
          steadyWritten: written,
          publishLatencyMs: latency,
          messagesOnKafka: onKafka,
          messagesExpected: expected,
        },
        summary: [
          `backlog of ${backlog.toLocaleString('en')} rows published in ${drainSeconds.toFixed(2)} s: ` +
            `${drainRate.toLocaleString('en')} events/s (target 10,000)`,
          `steady ${rate}/s for ${seconds} s, commit → Kafka ack: ${describe(latency)}`,
          `messages on Kafka ${onKafka.toLocaleString('en')} of ${expected.toLocaleString('en')} written`,
        ],
      };
    } finally {
      await relay?.stop(10_000).catch(() => undefined);
      await broker.close().catch(() => undefined);
      await client.end().catch(() => undefined);
      await db.drop().catch(() => undefined);
    }
  },
};
