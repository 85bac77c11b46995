import { userInfo } from 'node:os';
import { Client } from 'pg';
import { createDatabase, dropDatabase } from './infra';
import { startDedicatedPostgres, type DedicatedPostgres } from './dedicated-postgres';
import { uniqueDatabaseName } from './unique-name';

async function query(url: string, sql: string): Promise<unknown[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as unknown[];
  } finally {
    await client.end();
  }
}

const kinds: DedicatedPostgres['kind'][] =
  userInfo().uid === 0 ? ['pg-cluster', 'embedded'] : ['embedded'];

/**
 * The fault-injection suite restarts its own Postgres: a restart must cut open connections and
 * bring the server back with its data, on the same address.
 */
describe.each(kinds)('dedicated Postgres (%s)', (kind) => {
  let postgres: DedicatedPostgres | undefined;

  beforeAll(async () => {
    postgres = await startDedicatedPostgres({ kind, cluster: 'salur_chaos_int' });
  });

  afterAll(async () => {
    await postgres?.stop();
  });

  it('restarts, cutting connections and keeping the data', async () => {
    if (postgres === undefined) throw new Error('did not start');
    expect(postgres.kind).toBe(kind);
    const name = uniqueDatabaseName('dedicated');
    const url = await createDatabase(postgres.adminUrl, name);
    try {
      await query(url, 'CREATE TABLE kept (n int); INSERT INTO kept VALUES (42)');
      const open = new Client({ connectionString: url });
      await open.connect();
      const lost = new Promise<Error>((resolve) => open.on('error', resolve));
      await postgres.restart();
      expect((await lost).message).toMatch(/terminat|shut|connection/i);
      await open.end().catch(() => undefined);
      expect(await query(url, 'SELECT n FROM kept')).toEqual([{ n: 42 }]);
    } finally {
      await dropDatabase(postgres.adminUrl, name);
    }
  });
});
