import { createDatabase, dropDatabase } from './infra';
import { uniqueDatabaseName } from './unique-name';

export const ADMIN_DATABASE_URL_VARIABLE = 'SALUR_TEST_ADMIN_DATABASE_URL';

/** The admin URL the global setup found or started Postgres at. */
export function testAdminDatabaseUrl(): string {
  const url = process.env[ADMIN_DATABASE_URL_VARIABLE];
  if (url === undefined || url === '') {
    throw new Error(
      `${ADMIN_DATABASE_URL_VARIABLE} is not set: databases for tests exist only in the integration ` +
        'and e2e projects, whose global setup (libs/testing/src/global-setup.ts) provides Postgres',
    );
  }
  return url;
}

export interface TestDatabase {
  readonly name: string;
  readonly url: string;
  /** Drops the database, disconnecting anyone still connected. Safe to call twice. */
  drop(): Promise<void>;
}

/** A new, empty database with a unique name derived from `prefix`. */
export async function createTestDatabase(prefix: string): Promise<TestDatabase> {
  const adminUrl = testAdminDatabaseUrl();
  const name = uniqueDatabaseName(prefix);
  const url = await createDatabase(adminUrl, name);
  return { name, url, drop: () => dropDatabase(adminUrl, name) };
}
