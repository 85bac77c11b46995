import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import globalSetup from './global-setup';
import globalTeardown from './global-teardown';
import { kafkaControl, KAFKA_CONTROL_VARIABLE, readKafkaControlFile } from './kafka-control';
import { ADMIN_DATABASE_URL_VARIABLE } from './test-database';
import { currentSession } from './test-infra';

// Configured infrastructure is used as it is, so setup and teardown run here without starting a
// broker or a database, and what they share with the workers can be checked directly.
describe('global setup and teardown', () => {
  const saved = { ...process.env };
  const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);

  beforeEach(() => {
    process.env.KAFKA_BROKERS = 'kafka.example:9092';
    process.env.DATABASE_URL = 'postgres://app:secret@db.example:5432/postgres';
    delete process.env.SALUR_TEST_KAFKA_CONTROL;
    delete process.env.SALUR_TEST_ADMIN_DATABASE_URL;
  });

  afterAll(() => {
    process.env = saved;
    stderr.mockRestore();
  });

  it('publishes Kafka and Postgres to the workers', async () => {
    await globalSetup();
    try {
      expect(process.env.KAFKA_BROKERS).toBe('kafka.example:9092');
      expect(process.env[ADMIN_DATABASE_URL_VARIABLE]).toBe(
        'postgres://app:secret@db.example:5432/postgres',
      );
      const control = kafkaControl();
      expect(control).toMatchObject({
        source: 'env',
        brokers: ['kafka.example:9092'],
        controllable: false,
        startupMs: null,
      });
      await expect(control.stop()).rejects.toThrow(/comes from env/);
    } finally {
      await globalTeardown();
    }
  });

  it('starts once when both projects call it, and stops once', async () => {
    await globalSetup();
    const session = currentSession();
    const controlFile = process.env[KAFKA_CONTROL_VARIABLE]!;
    await globalSetup();
    expect(currentSession()).toBe(session);
    expect(process.env[KAFKA_CONTROL_VARIABLE]).toBe(controlFile);
    expect(readKafkaControlFile(controlFile).source).toBe('env');

    await globalTeardown();
    expect(currentSession()).toBeUndefined();
    expect(existsSync(dirname(controlFile))).toBe(false);
    await expect(globalTeardown()).resolves.toBeUndefined();
  });
});

describe('kafkaControl outside the integration and e2e projects', () => {
  it('explains where it works', () => {
    const saved = process.env[KAFKA_CONTROL_VARIABLE];
    delete process.env.SALUR_TEST_KAFKA_CONTROL;
    try {
      expect(() => kafkaControl()).toThrow(/works in the integration and e2e projects/);
    } finally {
      if (saved !== undefined) process.env[KAFKA_CONTROL_VARIABLE] = saved;
    }
  });
});
