import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { standardAgencySeeds } from '@salur/directory';
import { createStandaloneLogger, serviceDataSourceOptions } from '@salur/platform';
import { LatestRuleIndexCache } from './cases/application/rule-index-cache';
import { LiveAgencyDirectory } from './cases/application/live-agency-directory';
import { ManageAgencies } from './cases/application/manage-agencies/manage-agencies.use-case';
import { routingTransaction } from './cases/persistence/typeorm-routing-transactions';
import { routingDatabase } from './database/data-source';

/**
 * Seeds (or re-seeds, after the decree data changed) routing's agency directory from the shipped
 * data: `node dist/apps/routing/src/seed-directory.js`. Idempotent: new agencies are added,
 * changed names, parents, zones and PPIDs updated, admins' deactivations kept.
 */
async function main(): Promise<void> {
  const logger = createStandaloneLogger('routing-seed-directory');
  const url = process.env.DATABASE_URL;
  if (!url) {
    logger.fatal('DATABASE_URL is required');
    process.exit(1);
  }
  const dataSource = new DataSource(serviceDataSourceOptions(routingDatabase(url)));
  await dataSource.initialize();
  try {
    const manageAgencies = new ManageAgencies(
      {
        run: (work) =>
          dataSource.transaction((manager) =>
            work(
              routingTransaction({
                manager,
                publish: () => Promise.reject(new Error('seeding publishes no events')),
              }),
            ),
          ),
      },
      new LiveAgencyDirectory(),
      new LatestRuleIndexCache(),
      { now: () => new Date() },
    );
    const { added, updated } = await manageAgencies.seed(standardAgencySeeds());
    logger.info({ added, updated }, `agency directory: ${added} added, ${updated} updated`);
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  createStandaloneLogger('routing-seed-directory').fatal({ err: error }, 'seeding failed');
  process.exit(1);
});
