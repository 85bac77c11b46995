import 'reflect-metadata';
import { createStandaloneLogger, runMigrations } from '@salur/platform';
import { slaDatabase } from './database/data-source';

/** Applies the sla schema's pending migrations: `node dist/apps/sla/src/migrate.js`. */
async function main(): Promise<void> {
  const logger = createStandaloneLogger('sla-migrate');
  const url = process.env.DATABASE_URL;
  if (!url) {
    logger.fatal('DATABASE_URL is required');
    process.exit(1);
  }
  const report = await runMigrations(slaDatabase(url));
  logger.info(report, `${report.applied.length} migration(s) applied to schema ${report.schema}`);
}

main().catch((error: unknown) => {
  createStandaloneLogger('sla-migrate').fatal({ err: error }, 'migration failed');
  process.exit(1);
});
