// Integration and end-to-end tests start brokers, services and consumer groups: they get minutes,
// not jest's default five seconds (per-project `testTimeout` is not honoured in a multi-project
// config, so the tiers set it here).
jest.setTimeout(Number(process.env.SALUR_TEST_TIMEOUT_MS ?? 180_000));
