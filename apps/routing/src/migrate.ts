import 'reflect-metadata';
import { createStandaloneLogger, runMigrations } from '@salur/platform';
import { routingDatabase } from './database/data-source';

/** Applies the routing schema's pending migrations: `node dist/apps/routing/src/migrate.js`. */
async function main(): Promise<void> {
  const logger = createStandaloneLogger('routing-migrate');
  const url = process.env.DATABASE_URL;
  if (!url) {
    logger.fatal('DATABASE_URL is required');
    process.exit(1);
  }
  const report = await runMigrations(routingDatabase(url));
  logger.info(report, `${report.applied.length} migration(s) applied to schema ${report.schema}`);
}

main().catch((error: unknown) => {
  createStandaloneLogger('routing-migrate').fatal({ err: error }, 'migration failed');
  process.exit(1);
});
