import { findRepoRoot, runCommand } from '@salur/infra';
import { join } from 'node:path';

const SERVICES = ['intake', 'routing', 'sla', 'notification'] as const;

/**
 * `npm run migrate`: applies every service's pending migrations to DATABASE_URL (or to each
 * `<SERVICE>_DATABASE_URL`), one service after the other, stopping at the first failure.
 */
async function main(): Promise<void> {
  const root = findRepoRoot();
  for (const service of SERVICES) {
    const own = process.env[`${service.toUpperCase()}_DATABASE_URL`];
    const env = { ...process.env, ...(own ? { DATABASE_URL: own } : {}) };
    const result = await runCommand(
      process.execPath,
      [join(root, 'dist', 'apps', service, 'src', 'migrate.js')],
      { env, onLine: (line) => process.stdout.write(`${line}\n`) },
    );
    if (result.code !== 0) {
      process.stderr.write(`${service} migrations failed\n`);
      process.exit(1);
    }
  }
}

void main();
