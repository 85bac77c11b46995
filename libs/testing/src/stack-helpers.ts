import { findRepoRoot, runCommand } from '@salur/infra';
import { SignJWT } from 'jose';
import { join } from 'node:path';

/** The brokers the test run found or started (set by the global setup). */
export function testBrokers(): string[] {
  const list = process.env.KAFKA_BROKERS;
  if (!list)
    throw new Error('KAFKA_BROKERS is not set: run through the integration or e2e project');
  return list.split(',');
}

export interface TestTokenClaims {
  readonly roles: readonly string[];
  readonly agency?: string;
  readonly sub?: string;
}

/** A bearer token as the identity provider would issue it (HS256, issuer and audience `salur`). */
export function signTestToken(
  secret: string,
  claims: TestTokenClaims,
  defaultSubject = 'e2e-officer',
): Promise<string> {
  return new SignJWT({
    roles: [...claims.roles],
    ...(claims.agency ? { agency: claims.agency } : {}),
  })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.sub ?? defaultSubject)
    .setIssuer('salur')
    .setAudience('salur')
    .setIssuedAt()
    .setExpirationTime('10m')
    .sign(new TextEncoder().encode(secret));
}

/**
 * Runs one of a service's built scripts (`dist/apps/<service>/src/<script>`), such as
 * `migrate.js`, to completion; throws with its output when it fails.
 */
export async function runServiceScript(
  service: string,
  script: string,
  env: NodeJS.ProcessEnv,
): Promise<void> {
  const result = await runCommand(
    process.execPath,
    [join(findRepoRoot(), 'dist', 'apps', service, 'src', script)],
    { env: { ...process.env, ...env }, timeoutMs: 60_000 },
  );
  if (result.code !== 0) throw new Error(`${service} ${script} failed:\n${result.output}`);
}
