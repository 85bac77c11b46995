import { createTestDatabase, testAdminDatabaseUrl } from '@salur/testing';
import { Client } from 'pg';
import {
  createDatabase,
  databaseUrl,
  dropDatabase,
  ensureDatabase,
  probePostgres,
  startEmbeddedPostgres,
} from '@salur/infra';
import { existsSync } from 'node:fs';

async function query<T extends object>(
  url: string,
  sql: string,
  values: unknown[] = [],
): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

async function databaseExists(name: string): Promise<boolean> {
  const rows = await query(testAdminDatabaseUrl(), 'SELECT 1 FROM pg_database WHERE datname = $1', [
    name,
  ]);
  return rows.length === 1;
}

describe('database helpers against the resolved Postgres', () => {
  it('create a database that can be used, and drop it while a client is still connected', async () => {
    const admin = testAdminDatabaseUrl();
    const name = `infra_helpers_${Date.now().toString(36)}`;
    const url = await createDatabase(admin, name);
    expect(url).toBe(databaseUrl(admin, name));
    await query(url, 'CREATE TABLE note (body text)');
    await query(url, "INSERT INTO note VALUES ('kept')");
    await expect(query<{ body: string }>(url, 'SELECT body FROM note')).resolves.toEqual([
      { body: 'kept' },
    ]);

    const lingering = new Client({ connectionString: url });
    lingering.on('error', () => undefined);
    await lingering.connect();
    try {
      await dropDatabase(admin, name);
    } finally {
      await lingering.end().catch(() => undefined);
    }
    expect(await databaseExists(name)).toBe(false);
    // Dropping what is gone is not an error: cleanup code may run twice.
    await expect(dropDatabase(admin, name)).resolves.toBeUndefined();
  });

  it('ensureDatabase creates once and then leaves the database and its data alone', async () => {
    const admin = testAdminDatabaseUrl();
    const name = `infra_ensure_${Date.now().toString(36)}`;
    try {
      const url = await ensureDatabase(admin, name);
      await query(url, 'CREATE TABLE marker (id int)');
      await expect(ensureDatabase(admin, name)).resolves.toBe(url);
      await expect(query(url, 'SELECT count(*) FROM marker')).resolves.toHaveLength(1);
    } finally {
      await dropDatabase(admin, name);
    }
  });

  it('createTestDatabase gives each caller its own empty database', async () => {
    const first = await createTestDatabase('infra spec');
    const second = await createTestDatabase('infra spec');
    try {
      expect(first.name).not.toBe(second.name);
      expect(first.name).toMatch(/^infra_spec_[a-z0-9_]+$/);
      await query(first.url, 'CREATE TABLE only_here (id int)');
      await expect(
        query(second.url, "SELECT 1 FROM pg_tables WHERE tablename = 'only_here'"),
      ).resolves.toEqual([]);
    } finally {
      await first.drop();
      await second.drop();
    }
    expect(await databaseExists(first.name)).toBe(false);
  });
});

describe('embedded Postgres', () => {
  it('starts from the package binaries on 127.0.0.1, answers, and stops leaving nothing behind', async () => {
    const logs: string[] = [];
    const postgres = await startEmbeddedPostgres({}, (line) => logs.push(line));
    const dataDir = /\(data in (.+)\)$/.exec(logs.join('\n'))?.[1];
    try {
      expect(postgres.source).toBe('embedded');
      expect(new URL(postgres.adminUrl).hostname).toBe('127.0.0.1');
      const rows = await query<{ server_version_num: string }>(
        postgres.adminUrl,
        'SHOW server_version_num',
      );
      expect(rows).toHaveLength(1);
      // DROP DATABASE ... WITH (FORCE), used by the helpers, needs PostgreSQL 13.
      expect(Number(rows[0].server_version_num)).toBeGreaterThanOrEqual(130_000);
      const appUrl = await createDatabase(postgres.adminUrl, 'salur_embedded');
      await expect(query(appUrl, 'SELECT 1 AS one')).resolves.toEqual([{ one: 1 }]);
    } finally {
      await postgres.stop();
    }
    await expect(probePostgres(postgres.adminUrl, 1_000)).resolves.toMatch(/ECONNREFUSED|connect/);
    expect(dataDir).toBeDefined();
    expect(existsSync(dataDir!)).toBe(false);
  }, 120_000);
});
