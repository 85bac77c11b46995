import { EventTypes, sampleEventData } from '@salur/contracts';
import { kafkaControl, TopicProbe, uniqueName, waitFor, type TestDatabase } from '@salur/testing';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import {
  brokers,
  complaintId,
  messagingDatabase,
  pipeline,
  recordEffect,
  SCHEMA,
  seqOf,
  submitted,
  type Pipeline,
} from '../test/messaging-harness';
import { encodeEvent, FailureHeaders, InboxJanitor, OutboxWriter } from '.';

let db: TestDatabase;
let dataSource: DataSource;
let running: Pipeline[] = [];
let probes: TopicProbe[] = [];

beforeAll(async () => {
  ({ db, dataSource } = await messagingDatabase());
});

afterEach(async () => {
  await Promise.all(running.map((p) => p.stop()));
  await Promise.all(probes.map((p) => p.stop()));
  running = [];
  probes = [];
  await dataSource.query(`TRUNCATE ${SCHEMA}.effects, ${SCHEMA}.inbox, ${SCHEMA}.outbox`);
});

afterAll(async () => {
  await dataSource.destroy();
  await db.drop();
});

async function start(options: Omit<Parameters<typeof pipeline>[0], 'dataSource' | 'databaseUrl'>) {
  const p = await pipeline({ ...options, dataSource, databaseUrl: db.url });
  running.push(p);
  return p;
}

async function probe(topics: string[]): Promise<TopicProbe> {
  const p = await TopicProbe.start(brokers(), topics);
  probes.push(p);
  return p;
}

async function effects(): Promise<{ event_id: string; subject: string; seq: number }[]> {
  return dataSource.query(`SELECT event_id, subject, seq FROM ${SCHEMA}.effects ORDER BY id`);
}

async function publish(writer: OutboxWriter, events: ReturnType<typeof submitted>[]) {
  return dataSource.transaction((manager) => writer.append(manager, events));
}

describe('transactional outbox', () => {
  it('publishes only what committed, in write order per key, woken without waiting for a poll', async () => {
    const prefix = `${uniqueName('outbox')}.`;
    const p = await start({
      topicPrefix: prefix,
      groupId: 'g',
      handler: recordEffect,
      pollIntervalMs: 60_000,
      startConsumer: false,
    });
    const seen = await probe([`${prefix}salur.intake.v1`]);
    // A rolled-back transaction publishes nothing.
    await expect(
      dataSource.transaction(async (manager) => {
        await p.writer.append(manager, [submitted('rolled-back')]);
        throw new Error('business rule refused');
      }),
    ).rejects.toThrow('business rule refused');
    for (let seq = 1; seq <= 40; seq++) {
      await publish(p.writer, [submitted(`k${seq % 4}`, seq)]);
    }
    // The relay polls once a minute here: only the NOTIFY can have woken it this fast.
    await waitFor(() => seen.messages.length >= 40, {
      timeoutMs: 20_000,
      description: '40 events',
    });
    expect(seen.messages.map((m) => m.key)).not.toContain(complaintId('rolled-back'));
    for (const key of ['k0', 'k1', 'k2', 'k3']) {
      const seqs = seen.messages
        .filter((m) => m.key === complaintId(key))
        .map((m) => Number((JSON.parse(m.value) as { title: string }).title.split('#')[1]));
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
      expect(seqs).toHaveLength(10);
    }
    const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM ${SCHEMA}.outbox`);
    expect(n).toBe(0);
  });

  it('refuses an event that breaks its contract, failing the transaction', async () => {
    const writer = new OutboxWriter({ schema: SCHEMA, source: '/salur/test' });
    await expect(
      dataSource.transaction((manager) =>
        writer.append(manager, [
          { type: EventTypes.ComplaintSubmitted, subject: 'c1', data: { complaintId: 'c1' } },
        ]),
      ),
    ).rejects.toThrow(/title|type|channel/);
    const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM ${SCHEMA}.outbox`);
    expect(n).toBe(0);
  });

  it('publishes what the outbox holds before it stops', async () => {
    const prefix = `${uniqueName('flush')}.`;
    const p = await start({
      topicPrefix: prefix,
      groupId: 'g',
      handler: recordEffect,
      startConsumer: false,
    });
    const seen = await probe([`${prefix}salur.intake.v1`]);
    await p.relay.stop(0);
    await publish(p.writer, [submitted('a', 1), submitted('b', 2), submitted('c', 3)]);
    p.relay.start();
    await p.relay.stop(10_000);
    const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM ${SCHEMA}.outbox`);
    expect(n).toBe(0);
    await waitFor(() => seen.messages.length === 3, {
      timeoutMs: 10_000,
      description: 'flushed events',
    });
  });
});

describe('idempotent consumer', () => {
  it('gives one effect for an event delivered twice', async () => {
    const prefix = `${uniqueName('dup')}.`;
    const p = await start({ topicPrefix: prefix, groupId: 'g', handler: recordEffect });
    const envelope = p.writer.envelope(submitted('c-dup', 1));
    const duplicate = encodeEvent(envelope);
    const producer = p.broker.createProducer();
    await producer.send([{ topic: 'salur.intake.v1', ...duplicate }]);
    await producer.send([{ topic: 'salur.intake.v1', ...duplicate }]);
    await publish(p.writer, [submitted('c-after', 2)]);
    await waitFor(
      () => p.outcomes.count('duplicate') === 1 && p.outcomes.count('processed') === 2,
      {
        timeoutMs: 30_000,
        description: 'both copies consumed',
      },
    );
    const rows = await effects();
    expect(rows.filter((r) => r.event_id === envelope.id)).toHaveLength(1);
    await producer.disconnect();
  });
});

describe('batched consumption', () => {
  /** Effects with the transaction that wrote each. */
  async function effectsWithTx(): Promise<{ subject: string; seq: number; tx: string }[]> {
    return dataSource.query(
      `SELECT subject, seq, tx::text AS tx FROM ${SCHEMA}.effects ORDER BY id`,
    );
  }

  /** Writes the events and waits until all of them are on Kafka, so one fetch finds them all. */
  async function onKafka(p: Pipeline, events: ReturnType<typeof submitted>[]): Promise<void> {
    const seen = await probe([`${p.prefix}salur.intake.v1`]);
    for (const event of events) await publish(p.writer, [event]);
    await waitFor(() => seen.messages.length >= events.length, {
      timeoutMs: 20_000,
      description: `${events.length} events on Kafka`,
    });
  }

  it('handles a fetched batch in few transactions, once per event, in order per key, and publishes what handlers write in that order', async () => {
    const prefix = `${uniqueName('batch')}.`;
    const p = await start({
      topicPrefix: prefix,
      groupId: 'g',
      startConsumer: false,
      handler: async (event, context) => {
        await recordEffect(event, context);
        // A follow-up per event, its order carried by its time.
        await context.tx.publish({
          type: EventTypes.ComplaintVerified,
          subject: event.subject,
          time: new Date(Date.UTC(2026, 0, 1) + seqOf(event)),
          data: sampleEventData(EventTypes.ComplaintVerified),
        });
      },
    });
    const events = Array.from({ length: 60 }, (_, i) => submitted(`b${i % 4}`, i + 1));
    await onKafka(p, events);
    const followUps = await probe([`${prefix}salur.complaints.v1`]);
    await p.consumer.start();
    await waitFor(async () => (await effects()).length >= 60 && followUps.messages.length >= 60, {
      timeoutMs: 30_000,
      description: '60 effects and 60 follow-ups',
    });
    const rows = await effectsWithTx();
    expect(rows).toHaveLength(60);
    expect(new Set(rows.map((r) => r.seq)).size).toBe(60);
    for (let key = 0; key < 4; key++) {
      const seqs = rows.filter((r) => r.subject === complaintId(`b${key}`)).map((r) => r.seq);
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
      const published = followUps.messages
        .filter((m) => m.key === complaintId(`b${key}`))
        .map((m) => Date.parse(m.headers.ce_time) - Date.UTC(2026, 0, 1));
      expect(published).toEqual(seqs);
    }
    // Four keys over three partitions, fetched at once: a handful of transactions, not sixty.
    expect(new Set(rows.map((r) => r.tx)).size).toBeLessThanOrEqual(6);
    expect(p.outcomes.count('processed')).toBe(60);
  });

  it('handles each event in its own transaction with a batch size of 1', async () => {
    const prefix = `${uniqueName('single')}.`;
    const p = await start({
      topicPrefix: prefix,
      groupId: 'g',
      startConsumer: false,
      batchSize: 1,
      handler: recordEffect,
    });
    await onKafka(
      p,
      Array.from({ length: 12 }, (_, i) => submitted('one-key', i + 1)),
    );
    await p.consumer.start();
    await waitFor(async () => (await effects()).length >= 12, {
      timeoutMs: 30_000,
      description: '12 effects',
    });
    const rows = await effectsWithTx();
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(new Set(rows.map((r) => r.tx)).size).toBe(12);
  });

  it('commits what came before and after a failing handler, and sends only the failing event to its retry topic and then the dead-letter topic', async () => {
    const prefix = `${uniqueName('split')}.`;
    const tries: number[] = [];
    const p = await start({
      topicPrefix: prefix,
      groupId: 'g',
      startConsumer: false,
      retry: { maxAttempts: 3 },
      handler: async (event, context) => {
        if (seqOf(event) === 13) {
          tries.push(context.attempt);
          throw new Error('agency directory unavailable');
        }
        await recordEffect(event, context);
      },
    });
    const dlq = await probe([`${prefix}salur.intake.v1.dlq.g`]);
    // One key: one partition, one fetched batch.
    await onKafka(
      p,
      Array.from({ length: 25 }, (_, i) => submitted('same-key', i + 1)),
    );
    await p.consumer.start();
    await waitFor(async () => (await effects()).length >= 24 && dlq.messages.length === 1, {
      timeoutMs: 30_000,
      description: '24 effects and one dead letter',
    });
    const rows = await effectsWithTx();
    expect(rows.map((r) => r.seq)).toEqual(
      Array.from({ length: 25 }, (_, i) => i + 1).filter((seq) => seq !== 13),
    );
    // The events before the failing one committed together, and those after it.
    expect(new Set(rows.filter((r) => r.seq < 13).map((r) => r.tx)).size).toBe(1);
    expect(new Set(rows.filter((r) => r.seq > 13).map((r) => r.tx)).size).toBe(1);
    // The try inside the batch counts: three tries in all, as when handled alone.
    expect(tries).toEqual([1, 2, 3]);
    expect(dlq.messages[0]?.headers[FailureHeaders.attempts]).toBe('3');
    expect(p.outcomes.count('processed')).toBe(24);
    expect(p.outcomes.count('retry-scheduled')).toBe(2);
    expect(p.outcomes.count('dead-lettered')).toBe(1);
  });
});

describe('inbox retention', () => {
  it('forgets processed ids older than the retention period, and only those', async () => {
    await dataSource.query(
      `INSERT INTO ${SCHEMA}.inbox (consumer_group, event_id, event_type, processed_at) VALUES
         ('g', $1, 't', now() - interval '20 days'),
         ('g', $2, 't', now() - interval '15 days'),
         ('g', $3, 't', now() - interval '2 days')`,
      [complaintId('old-1'), complaintId('old-2'), complaintId('recent')],
    );
    expect(await new InboxJanitor(dataSource, SCHEMA, 14).purge(1)).toBe(2);
    const left: { event_id: string }[] = await dataSource.query(
      `SELECT event_id FROM ${SCHEMA}.inbox`,
    );
    expect(left.map((r) => r.event_id)).toEqual([complaintId('recent')]);
  });
});

describe('graceful stop', () => {
  it('commits what it handled, so the next member of the group starts after it', async () => {
    const prefix = `${uniqueName('graceful')}.`;
    const first = await start({ topicPrefix: prefix, groupId: 'g', handler: recordEffect });
    for (let seq = 1; seq <= 20; seq++)
      await publish(first.writer, [submitted(`g${seq % 5}`, seq)]);
    await waitFor(() => first.outcomes.count('processed') === 20, {
      timeoutMs: 30_000,
      description: '20 events handled',
    });
    await first.consumer.stop();

    const second = await start({ topicPrefix: prefix, groupId: 'g', handler: recordEffect });
    for (let seq = 21; seq <= 25; seq++)
      await publish(second.writer, [submitted(`g${seq % 5}`, seq)]);
    await waitFor(() => second.outcomes.count('processed') === 5, {
      timeoutMs: 60_000,
      description: 'the 5 new events handled by the next member',
    });
    // Had the offsets not been committed on stop, the 20 would come again (as duplicates).
    expect(second.outcomes.count('duplicate')).toBe(0);
    expect(await effects()).toHaveLength(25);
  });
});

describe('failures', () => {
  it('retries a failing handler, then parks its event on the dead-letter topic while other keys flow', async () => {
    const prefix = `${uniqueName('dlq')}.`;
    const tries: number[] = [];
    const p = await start({
      topicPrefix: prefix,
      groupId: 'g',
      retry: { maxAttempts: 3 },
      handler: async (event, context) => {
        if (event.subject === complaintId('poison')) {
          tries.push(context.attempt);
          throw new Error('agency directory unavailable');
        }
        await recordEffect(event, context);
      },
    });
    const dlq = await probe([`${prefix}salur.intake.v1.dlq.g`]);
    await publish(p.writer, [submitted('poison', 0)]);
    for (let seq = 1; seq <= 20; seq++) await publish(p.writer, [submitted(`ok-${seq}`, seq)]);
    await waitFor(async () => (await effects()).length === 20, {
      timeoutMs: 30_000,
      description: '20 effects',
    });
    await waitFor(() => dlq.messages.length === 1, {
      timeoutMs: 30_000,
      description: 'dead letter',
    });
    expect(tries).toEqual([1, 2, 3]);
    const parked = dlq.messages[0];
    expect(parked.key).toBe(complaintId('poison'));
    expect(parked.headers[FailureHeaders.reason]).toBe('attempts-exhausted');
    expect(parked.headers[FailureHeaders.attempts]).toBe('3');
    expect(parked.headers[FailureHeaders.originalTopic]).toBe('salur.intake.v1');
    expect(parked.headers[FailureHeaders.error]).toContain('agency directory unavailable');
    expect(parked.headers.ce_type).toBe(EventTypes.ComplaintSubmitted);
    expect((await effects()).filter((r) => r.subject === complaintId('poison'))).toHaveLength(0);
  });

  it('dead-letters an unparseable message and an invalid event at once, and moves on', async () => {
    const prefix = `${uniqueName('poison')}.`;
    let calls = 0;
    const p = await start({
      topicPrefix: prefix,
      groupId: 'g',
      handler: async (event, context) => {
        calls += 1;
        await recordEffect(event, context);
      },
    });
    const dlq = await probe([`${prefix}salur.intake.v1.dlq.g`]);
    const producer = p.broker.createProducer();
    const good = encodeEvent(p.writer.envelope(submitted('c-bad', 1)));
    await producer.send([
      {
        topic: 'salur.intake.v1',
        key: complaintId('c-bad'),
        value: Buffer.from('{"broken'),
        headers: good.headers,
      },
      {
        topic: 'salur.intake.v1',
        key: complaintId('c-bad'),
        value: Buffer.from(
          JSON.stringify({ complaintId: complaintId('c-bad'), privacy: 'whatever' }),
        ),
        headers: { ...good.headers, ce_id: '7d3c8a5e-1f0b-4c69-9d7e-2b6f9e0a4c11' },
      },
    ]);
    await publish(p.writer, [submitted('c-good', 2)]);
    await waitFor(async () => (await effects()).length === 1 && dlq.messages.length === 2, {
      timeoutMs: 30_000,
      description: 'good event handled and two dead letters',
    });
    expect(dlq.messages.map((m) => m.headers[FailureHeaders.reason]).sort()).toEqual([
      'invalid-event',
      'undecodable',
    ]);
    expect(dlq.messages.every((m) => m.headers[FailureHeaders.attempts] === '0')).toBe(true);
    expect(calls).toBe(1);
    await producer.disconnect();
  });
});

describe('outages', () => {
  it('loses nothing when the broker stops mid-stream and comes back', async () => {
    const control = kafkaControl();
    const prefix = `${uniqueName('outage')}.`;
    const p = await start({ topicPrefix: prefix, groupId: 'g', handler: recordEffect });
    let seq = 0;
    const write = async (n: number) => {
      for (let i = 0; i < n; i++) {
        seq += 1;
        await publish(p.writer, [submitted(`c${seq % 7}`, seq)]);
      }
    };
    await write(30);
    await control.stop();
    await write(30); // accepted while Kafka is down: they wait in the outbox
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    await control.start();
    await write(30);
    await waitFor(async () => (await effects()).length >= 90, {
      timeoutMs: 120_000,
      intervalMs: 500,
      description: '90 effects after the outage',
    });
    const rows = await effects();
    expect(rows).toHaveLength(90);
    expect(new Set(rows.map((r) => r.seq)).size).toBe(90);
    for (let key = 0; key < 7; key++) {
      const seqs = rows.filter((r) => r.subject === complaintId(`c${key}`)).map((r) => r.seq);
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    }
  }, 240_000);

  it('reprocesses without a second effect when a consumer dies after its commit but before the offset', async () => {
    const fixture = join(__dirname, '..', 'test', 'crash-after-commit.fixture.js');
    const dist = join(__dirname, '..', '..', '..', 'dist', 'libs', 'messaging', 'src', 'index.js');
    if (!existsSync(dist))
      throw new Error('this test runs the built library: run `npm run build` first');
    const prefix = `${uniqueName('crash')}.`;
    const p = await start({
      topicPrefix: prefix,
      groupId: 'crashy',
      handler: recordEffect,
      startConsumer: false,
    });
    const [envelope] = await publish(p.writer, [submitted('c-crash', 1)]);
    const exit = await new Promise<NodeJS.Signals | number | null>((resolve, reject) => {
      const child = spawn(process.execPath, [fixture], {
        env: {
          ...process.env,
          FIXTURE_DATABASE_URL: db.url,
          FIXTURE_TOPIC_PREFIX: prefix,
          FIXTURE_GROUP: 'crashy',
          FIXTURE_SCHEMA: SCHEMA,
        },
        stdio: 'inherit',
      });
      child.on('error', reject);
      child.on('exit', (code, signal) => {
        resolve(signal ?? code);
      });
    });
    expect(exit).toBe('SIGKILL');
    expect((await effects()).filter((r) => r.event_id === envelope.id)).toHaveLength(1);
    // The offset was never committed: the group gets the event again, and the inbox stops it.
    await p.consumer.start();
    await waitFor(() => p.outcomes.count('duplicate') === 1, {
      timeoutMs: 60_000,
      description: 'redelivery',
    });
    expect(p.outcomes.count('processed')).toBe(0);
    expect((await effects()).filter((r) => r.event_id === envelope.id)).toHaveLength(1);
  }, 120_000);
});
