import { deadLetterTopic, EventTypes } from '@salur/contracts';
import { findRepoRoot, runCommand, type CommandResult } from '@salur/infra';
import { createTestDatabase, testBrokers, uniqueName, waitFor } from '@salur/testing';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import {
  complaintId,
  messagingDatabase,
  pipeline,
  recordEffect,
  SCHEMA,
  submitted,
  type Pipeline,
} from '../../libs/messaging/test/messaging-harness';
import { encodeEvent, NonRetriableError, type EventHandler } from '@salur/messaging';

/**
 * The built CLI run as a process, as an operator runs it, against the test Kafka and Postgres.
 * Needs `npm run build` first (dist/tools/cli/salur.js).
 */
const CLI = join(findRepoRoot(), 'dist', 'tools', 'cli', 'salur.js');
const TOPIC = 'salur.intake.v1';

function salur(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CommandResult> {
  const base: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ['KAFKA_TOPIC_PREFIX', 'DATABASE_URL', 'ROUTING_DATABASE_URL']) {
    Reflect.deleteProperty(base, name);
  }
  return runCommand(process.execPath, [CLI, ...args], {
    env: { ...base, ...env },
    timeoutMs: 120_000,
  });
}

function json(result: CommandResult): unknown {
  if (result.code !== 0) {
    throw new Error(`salur failed (${String(result.code)}):\n${result.output}`);
  }
  return JSON.parse(result.output);
}

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build first`);
});

describe('salur dlq and lag', () => {
  let dataSource: DataSource;
  let dropDb: () => Promise<void>;
  let databaseUrl: string;
  const running: Pipeline[] = [];

  beforeAll(async () => {
    const created = await messagingDatabase();
    dataSource = created.dataSource;
    databaseUrl = created.db.url;
    dropDb = () => created.db.drop();
  });

  afterAll(async () => {
    await Promise.all(running.map((p) => p.stop()));
    await dataSource.destroy();
    await dropDb();
  });

  async function effectsOf(name: string): Promise<number> {
    const rows: { n: number }[] = await dataSource.query(
      `SELECT count(*)::int AS n FROM ${SCHEMA}.effects WHERE subject = $1`,
      [complaintId(name)],
    );
    return rows[0]?.n ?? 0;
  }

  it('lists dead letters, redrives them once to the group that failed, and shows lag', async () => {
    const prefix = `${uniqueName('cli')}.`;
    const env = { KAFKA_BROKERS: testBrokers().join(','), KAFKA_TOPIC_PREFIX: prefix };
    const group = 'salur-cli-test';
    const dlq = deadLetterTopic(TOPIC, group);
    let agencyDirectoryDown = true;
    const handler: EventHandler = async (event, context) => {
      const poison = [complaintId('p1'), complaintId('p2')].includes(event.subject);
      if (poison && agencyDirectoryDown) throw new NonRetriableError('agency directory refused');
      await recordEffect(event, context);
    };
    const p = await pipeline({
      dataSource,
      databaseUrl,
      topicPrefix: prefix,
      groupId: group,
      handler,
    });
    running.push(p);
    const producer = p.broker.createProducer();
    const good = ['g1', 'g2', 'g3'].map((n, i) => p.writer.envelope(submitted(n, i)));
    const p1 = p.writer.envelope(submitted('p1'));
    const p2 = p.writer.envelope(submitted('p2'));
    const broken = encodeEvent(p.writer.envelope(submitted('broken')));
    await producer.send([
      ...[...good, p1, p2].map((e) => ({ topic: TOPIC, ...encodeEvent(e) })),
      { topic: TOPIC, key: broken.key, value: Buffer.from('{"not json'), headers: broken.headers },
    ]);
    await producer.disconnect();
    await waitFor(async () => (await p.broker.readTopic(dlq)).length === 3, {
      timeoutMs: 30_000,
      description: 'three dead letters',
    });

    // list
    type Listing = {
      topic: string;
      total: number;
      pending: number;
      letters: {
        id: string;
        type: string;
        subject: string;
        originalTopic: string;
        reason: string;
        error: string;
        failedAt: string;
        pending: boolean;
      }[];
    };
    const [listing] = json(
      await salur(['dlq', 'list', '--topic', dlq, '--json'], env),
    ) as Listing[];
    expect(listing.total).toBe(3);
    expect(listing.letters.map((l) => l.id).sort()).toEqual(
      [p1.id, p2.id, broken.headers.ce_id].sort(),
    );
    const first = listing.letters.find((l) => l.id === p1.id);
    expect(first).toMatchObject({
      type: EventTypes.ComplaintSubmitted,
      subject: complaintId('p1'),
      originalTopic: TOPIC,
      reason: 'non-retriable',
      pending: true,
    });
    expect(first?.error).toContain('agency directory refused');
    expect(Number.isNaN(Date.parse(first?.failedAt ?? ''))).toBe(false);
    const table = await salur(['dlq', 'list'], env);
    expect(table.code).toBe(0);
    expect(table.output).toContain(`${dlq}: 3 event(s), 3 pending`);
    expect(table.output).toMatch(
      /ID\s+TYPE\s+SUBJECT\s+ORIGINAL TOPIC\s+REASON\s+ERROR\s+FAILED AT\s+STATE/,
    );
    expect(table.output).toContain(p2.id);
    const limited = json(await salur(['dlq', 'list', '--limit', '1', '--json'], env)) as Listing[];
    expect(limited.map((l) => [l.topic, l.letters.length, l.total])).toEqual([[dlq, 1, 3]]);

    // a dry run sends and commits nothing
    const dry = await salur(['dlq', 'redrive', '--topic', dlq, '--id', p1.id, '--dry-run'], env);
    expect(dry.code).toBe(0);
    expect(dry.output).toContain('would redrive 1');
    agencyDirectoryDown = false;
    expect(await effectsOf('p1')).toBe(0);

    // one event by id: the group that failed handles it now
    const one = await salur(['dlq', 'redrive', '--topic', dlq, '--id', p1.id], env);
    expect(one.code).toBe(0);
    expect(one.output).toContain('redriven 1');
    await waitFor(async () => (await effectsOf('p1')) === 1, {
      timeoutMs: 30_000,
      description: 'p1 handled after its redrive',
    });

    // an id that is not there: exit code 3
    const missing = await salur(
      ['dlq', 'redrive', '--topic', dlq, '--id', complaintId('nope')],
      env,
    );
    expect(missing.code).toBe(3);
    expect(missing.output).toContain(`not found among pending events: ${complaintId('nope')}`);

    // everything left: p2 goes, the undecodable one is skipped; p1 may go again (inbox absorbs)
    type Report = {
      redriven: { id: string }[];
      skipped: { letter: { id: string }; why: string }[];
    };
    const all = json(
      await salur(['dlq', 'redrive', '--topic', dlq, '--all', '--json'], env),
    ) as Report;
    expect(all.redriven.map((l) => l.id)).toContain(p2.id);
    expect(all.skipped.map((s) => s.letter.id)).toEqual([broken.headers.ce_id]);
    await waitFor(async () => (await effectsOf('p2')) === 1, {
      timeoutMs: 30_000,
      description: 'p2 handled after its redrive',
    });

    // the redrive committed its position: nothing is sent twice
    const again = json(
      await salur(['dlq', 'redrive', '--topic', dlq, '--all', '--json'], env),
    ) as Report;
    expect(again.redriven).toEqual([]);
    const [after] = json(
      await salur(['dlq', 'list', '--topic', dlq, '--pending', '--json'], env),
    ) as Listing[];
    expect(after.pending).toBe(0);
    expect(after.letters).toEqual([]);
    await waitFor(async () => (await p.broker.readTopic(TOPIC)).length >= 8, {
      timeoutMs: 10_000,
      description: 'redriven events on the original topic',
    });
    const redriven = (await p.broker.readTopic(TOPIC)).filter((m) =>
      Object.hasOwn(m.headers, 'salur-redriven-from'),
    );
    expect(redriven.length).toBeGreaterThanOrEqual(2);
    expect(redriven.some((m) => Object.hasOwn(m.headers, 'salur-attempts'))).toBe(false);
    expect(await effectsOf('p1')).toBe(1);

    // lag: the group has read everything; stopped, new events count
    type LagRow = { group: string; topic: string; partition: number; lag: number };
    await waitFor(
      async () => {
        const rows = json(await salur(['lag', '--group', group, '--json'], env)) as LagRow[];
        return rows.some((r) => r.topic === TOPIC) && rows.every((r) => r.lag === 0);
      },
      { timeoutMs: 30_000, description: 'no lag once everything is consumed' },
    );
    await p.consumer.stop();
    const later = p.broker.createProducer();
    await later.send(
      ['l1', 'l2', 'l3', 'l4'].map((n) => ({
        topic: TOPIC,
        ...encodeEvent(p.writer.envelope(submitted(n))),
      })),
    );
    await later.disconnect();
    const rows = json(await salur(['lag', '--group', group, '--json'], env)) as LagRow[];
    expect(rows.filter((r) => r.topic === TOPIC).reduce((sum, r) => sum + r.lag, 0)).toBe(4);
    const lagTable = await salur(['lag'], env);
    expect(lagTable.code).toBe(0);
    expect(lagTable.output).toMatch(/GROUP\s+TOPIC\s+PARTITION\s+COMMITTED\s+END\s+LAG/);
    expect(lagTable.output).toMatch(
      new RegExp(`${group}\\s+${TOPIC.replaceAll('.', '\\.')}\\s+all\\s+4`),
    );
    const unknown = await salur(['lag', '--group', 'no-such-group'], env);
    expect(unknown.code).toBe(1);
    expect(unknown.output).toContain('no consumer group no-such-group');
  });

  it('refuses a wrong command line or environment with exit code 2, naming what is wrong', async () => {
    const withoutBrokers = await salur(['lag'], { KAFKA_BROKERS: '' });
    expect(withoutBrokers.code).toBe(2);
    expect(withoutBrokers.output).toContain('KAFKA_BROKERS: is required but not set');
    const notDlq = await salur(['dlq', 'redrive', '--topic', TOPIC, '--all'], {
      KAFKA_BROKERS: testBrokers().join(','),
    });
    expect(notDlq.code).toBe(2);
    expect(notDlq.output).toContain('is not a dead-letter topic');
    const both = await salur(['dlq', 'redrive', '--topic', 'a.dlq.b'], {
      KAFKA_BROKERS: testBrokers().join(','),
    });
    expect(both.code).toBe(2);
    expect(both.output).toContain('either --all or at least one --id');
    const badLimit = await salur(['dlq', 'list', '--limit', 'ten']);
    expect(badLimit.code).toBe(2);
    expect(badLimit.output).toContain('--limit must be a positive integer');
    const help = await salur(['dlq', 'redrive', '--help']);
    expect(help.code).toBe(0);
    expect(help.output).toContain('Usage: npm run salur -- dlq redrive');
  });
});

describe('salur migrate and seed-directory', () => {
  it('applies every schema on a fresh database, then nothing more, and seeds the directory', async () => {
    const db = await createTestDatabase('cli_migrate');
    try {
      const routing = await salur(['migrate', 'routing'], { DATABASE_URL: db.url });
      expect(routing.code).toBe(0);
      const seeded = await salur(['seed-directory'], { DATABASE_URL: db.url });
      expect(seeded.code).toBe(0);
      const all = await salur(['migrate'], { DATABASE_URL: db.url });
      expect(all.code).toBe(0);
      const again = await salur(['migrate', 'all'], { DATABASE_URL: db.url });
      expect(again.code).toBe(0);
      expect(again.output).toContain('0 migration(s) applied');

      const client = new Client({ connectionString: db.url });
      await client.connect();
      try {
        const schemas = await client.query<{ schema: string }>(
          `SELECT DISTINCT table_schema AS schema FROM information_schema.tables
            WHERE table_schema IN ('intake', 'routing', 'sla', 'notification') ORDER BY 1`,
        );
        expect(schemas.rows.map((r) => r.schema)).toEqual([
          'intake',
          'notification',
          'routing',
          'sla',
        ]);
        const agencies = await client.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM routing.agencies`,
        );
        expect(agencies.rows[0].n).toBeGreaterThanOrEqual(38 + 514);
      } finally {
        await client.end();
      }
    } finally {
      await db.drop();
    }
  });

  it('refuses an unknown service and a missing database URL with exit code 2', async () => {
    const unknown = await salur(['migrate', 'billing'], { DATABASE_URL: 'postgres://x/y' });
    expect(unknown.code).toBe(2);
    expect(unknown.output).toContain('unknown service billing');
    const noUrl = await salur(['migrate', 'sla']);
    expect(noUrl.code).toBe(2);
    expect(noUrl.output).toContain('DATABASE_URL (or SLA_DATABASE_URL) is required');
  });
});
