import { currentSession, rememberSession, startTestInfra } from './test-infra';

/**
 * Jest global setup of the integration and e2e projects. When both projects run, only the first
 * call starts anything; the second finds the session and does nothing.
 */
export default async function globalSetup(): Promise<void> {
  if (currentSession() !== undefined) return;
  rememberSession(await startTestInfra());
}
