import { DataSource } from 'typeorm';
import { serviceDataSourceOptions, type ServiceDatabaseOptions } from './typeorm-database.module';

export interface MigrationReport {
  readonly schema: string;
  readonly applied: readonly string[];
}

/**
 * Runs a service's pending migrations, each in its own transaction, under an advisory lock so
 * that replicas or jobs started together apply them once. Creates the schema first: TypeORM keeps
 * its `migrations` table inside it.
 */
export async function runMigrations(options: ServiceDatabaseOptions): Promise<MigrationReport> {
  const base = serviceDataSourceOptions(options);
  // Migrations may legitimately run long (an index on a big table): no statement timeout.
  // Two connections: one holds the lock, the other runs the migrations.
  const dataSource = new DataSource({ ...base, poolSize: 2, extra: { statement_timeout: 0 } });
  await dataSource.initialize();
  const runner = dataSource.createQueryRunner();
  try {
    await runner.connect();
    const lockKey = `salur.migrations.${options.schema}`;
    await runner.query('SELECT pg_advisory_lock(hashtext($1))', [lockKey]);
    try {
      await runner.query(`CREATE SCHEMA IF NOT EXISTS "${options.schema}"`);
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      return { schema: options.schema, applied: applied.map((m) => m.name) };
    } finally {
      await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [lockKey]);
    }
  } finally {
    await runner.release();
    await dataSource.destroy();
  }
}

/**
 * The SQL TypeORM would still run to make the database match the entities: empty when the
 * migrations describe exactly what the code maps. A test runs migrations on an empty database and
 * asserts this is empty, so entities and migrations cannot drift apart unnoticed; when it is not,
 * the statements are what the next migration needs.
 */
export async function pendingSchemaChanges(options: ServiceDatabaseOptions): Promise<string[]> {
  const base = serviceDataSourceOptions(options);
  const dataSource = new DataSource({ ...base, poolSize: 1 });
  await dataSource.initialize();
  try {
    const log = await dataSource.driver.createSchemaBuilder().log();
    return log.upQueries.map((query) => query.query);
  } finally {
    await dataSource.destroy();
  }
}
