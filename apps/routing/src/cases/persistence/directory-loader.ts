import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { standardAgencySeeds } from '@salur/directory';
import { createStandaloneLogger } from '@salur/platform';
import { ManageAgencies } from '../application/manage-agencies/manage-agencies.use-case';

/** How often a replica reloads the directory, to see what admins changed through another one. */
export const DIRECTORY_RELOAD_MS = 30_000;

/**
 * Loads the stored agency directory at start (seeding it from the shipped decree data when the
 * table is empty, as on a fresh database) and reloads it periodically.
 */
@Injectable()
export class DirectoryLoader implements OnModuleInit, OnApplicationShutdown {
  private timer: NodeJS.Timeout | undefined;
  private readonly logger = createStandaloneLogger('routing-directory');

  constructor(@Inject(ManageAgencies) private readonly agencies: ManageAgencies) {}

  async onModuleInit(): Promise<void> {
    if (!(await this.agencies.reload())) {
      const { added } = await this.agencies.seed(standardAgencySeeds());
      this.logger.info({ added }, `seeded the agency directory with ${added} agencies`);
    }
    this.timer = setInterval(() => {
      this.agencies.reload().catch((error: unknown) => {
        this.logger.warn({ err: error }, 'reloading the agency directory failed; keeping the last');
      });
    }, DIRECTORY_RELOAD_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }
}
