import { forgetSession, stopTestInfra } from './test-infra';

/** Jest global teardown: stops what the global setup started, once, however often it is called. */
export default async function globalTeardown(): Promise<void> {
  const session = forgetSession();
  if (session !== undefined) await stopTestInfra(session);
}
