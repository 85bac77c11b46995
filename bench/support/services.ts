import { freePort } from '@salur/infra';
import { runServiceScript, ServiceProcess, signTestToken } from '@salur/testing';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export type ServiceName = 'intake' | 'routing' | 'sla' | 'notification';

export const BENCH_JWT_SECRET = 'bench-only-secret-at-least-thirty-two-characters';

/** A bearer token for the services started here (HS256, issuer and audience `salur`). */
export function benchToken(roles: string[], agency?: string): Promise<string> {
  return signTestToken(BENCH_JWT_SECRET, { roles, ...(agency ? { agency } : {}) }, 'bench');
}

/**
 * Built services as processes, as they run in production, on one database and topic namespace.
 * Limits meant for abusive clients are raised: every request of a benchmark comes from one address.
 */
export async function startServices(
  root: string,
  names: readonly ServiceName[],
  env: NodeJS.ProcessEnv,
  profileDir?: string,
): Promise<Record<string, ServiceProcess>> {
  const shared: NodeJS.ProcessEnv = {
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    AUTH_JWT_SECRET: BENCH_JWT_SECRET,
    INTAKE_SECRET: 'bench-intake-secret-at-least-thirty-two-chars',
    NOTIFICATION_SECRET: 'bench-notification-secret-at-least-32-chars',
    RATE_LIMIT_PER_CLIENT: '100000000',
    ...env,
  };
  for (const name of names) {
    const entry = join(root, 'dist', 'apps', name, 'src', 'main.js');
    if (!existsSync(entry)) throw new Error(`${entry} is missing: run \`npm run build\` first`);
    await runServiceScript(name, 'migrate.js', shared);
  }
  const services: Record<string, ServiceProcess> = {};
  for (const name of names) {
    services[name] = new ServiceProcess({
      name: `bench-${name}`,
      entry: join('dist', 'apps', name, 'src', 'main.js'),
      port: await freePort(),
      env: shared,
      // Each service writes a V8 CPU profile there when it stops.
      ...(profileDir ? { nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${profileDir}/${name}`] } : {}),
    });
  }
  try {
    await Promise.all(names.map((n) => services[n].start()));
  } catch (error) {
    await stopServices(services);
    throw error;
  }
  return services;
}

export async function stopServices(services: Record<string, ServiceProcess>): Promise<void> {
  await Promise.all(Object.values(services).map((s) => s.dispose().catch(() => undefined)));
}
