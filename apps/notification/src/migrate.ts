import 'reflect-metadata';
import { createStandaloneLogger, runMigrations } from '@salur/platform';
import { notificationDatabase } from './database/data-source';

/** Applies the notification schema's pending migrations: `node dist/apps/notification/src/migrate.js`. */
async function main(): Promise<void> {
  const logger = createStandaloneLogger('notification-migrate');
  const url = process.env.DATABASE_URL;
  if (!url) {
    logger.fatal('DATABASE_URL is required');
    process.exit(1);
  }
  const report = await runMigrations(notificationDatabase(url));
  logger.info(report, `${report.applied.length} migration(s) applied to schema ${report.schema}`);
}

main().catch((error: unknown) => {
  createStandaloneLogger('notification-migrate').fatal({ err: error }, 'migration failed');
  process.exit(1);
});
