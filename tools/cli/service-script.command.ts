import { findRepoRoot, runCommand } from '@salur/infra';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serviceDatabaseUrl, UsageError } from './cli-config';

export const SERVICES = ['intake', 'routing', 'sla', 'notification'] as const;
export type ServiceName = (typeof SERVICES)[number];

export function isServiceName(name: string): name is ServiceName {
  return (SERVICES as readonly string[]).includes(name);
}

/**
 * Runs one of a service's own built scripts (its migrate.js, routing's seed-directory.js) with
 * that service's database URL, passing its log lines through. Resolves to its exit code.
 */
async function runServiceScript(service: ServiceName, script: string): Promise<number> {
  const entry = join(findRepoRoot(), 'dist', 'apps', service, 'src', script);
  if (!existsSync(entry)) {
    throw new Error(`${entry} does not exist: run npm run build first`);
  }
  const result = await runCommand(process.execPath, [entry], {
    env: { ...process.env, DATABASE_URL: serviceDatabaseUrl(service) },
    onLine: (line) => process.stdout.write(`${service} | ${line}\n`),
  });
  return result.code ?? 1;
}

/** Applies pending migrations of one service, or of all four in order, stopping at a failure. */
export async function migrate(target: string): Promise<number> {
  if (target !== 'all' && !isServiceName(target)) {
    throw new UsageError(`unknown service ${target}; one of ${SERVICES.join(', ')} or all`);
  }
  const services = target === 'all' ? [...SERVICES] : [target];
  // Every URL is checked before the first migration runs, so a typo does not leave half done.
  for (const service of services) serviceDatabaseUrl(service);
  for (const service of services) {
    const code = await runServiceScript(service, 'migrate.js');
    if (code !== 0) {
      process.stderr.write(`${service}: migrations failed (exit code ${code})\n`);
      return 1;
    }
  }
  return 0;
}

/** Seeds routing's agency directory from the shipped data (idempotent). */
export async function seedDirectory(): Promise<number> {
  const code = await runServiceScript('routing', 'seed-directory.js');
  if (code !== 0) process.stderr.write(`seeding the directory failed (exit code ${code})\n`);
  return code === 0 ? 0 : 1;
}
