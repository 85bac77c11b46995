import 'reflect-metadata';
import { createStandaloneLogger, runMigrations } from '@salur/platform';
import { intakeDatabase } from './database/data-source';

/** Applies the intake schema's pending migrations: `node dist/apps/intake/src/migrate.js`. */
async function main(): Promise<void> {
  const logger = createStandaloneLogger('intake-migrate');
  const url = process.env.DATABASE_URL;
  if (!url) {
    logger.fatal('DATABASE_URL is required');
    process.exit(1);
  }
  const report = await runMigrations(intakeDatabase(url));
  logger.info(report, `${report.applied.length} migration(s) applied to schema ${report.schema}`);
}

main().catch((error: unknown) => {
  createStandaloneLogger('intake-migrate').fatal({ err: error }, 'migration failed');
  process.exit(1);
});
