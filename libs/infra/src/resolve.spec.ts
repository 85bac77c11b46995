import { resolveKafka } from './resolve-kafka';
import { resolvePostgres } from './resolve-postgres';

// With the variables set, nothing is probed or started: these run without Docker, Java or a server.
describe('resolving configured infrastructure', () => {
  it('uses KAFKA_BROKERS as given and has nothing to stop', async () => {
    const lines: string[] = [];
    const kafka = await resolveKafka({
      env: { KAFKA_BROKERS: 'kafka-1:9092, kafka-2:9092' },
      log: (line) => lines.push(line),
    });
    expect(kafka).toMatchObject({ brokers: ['kafka-1:9092', 'kafka-2:9092'], source: 'env' });
    expect(kafka.local).toBeUndefined();
    await expect(kafka.stop()).resolves.toBeUndefined();
    expect(lines).toEqual([
      'kafka: using KAFKA_BROKERS=kafka-1:9092,kafka-2:9092 (set in the environment; nothing started)',
    ]);
  });

  it('uses DATABASE_URL as given and logs it without the password', async () => {
    const lines: string[] = [];
    const postgres = await resolvePostgres({
      env: { DATABASE_URL: 'postgres://app:s3cret@db:5432/salur' },
      log: (line) => lines.push(line),
    });
    expect(postgres).toMatchObject({
      adminUrl: 'postgres://app:s3cret@db:5432/salur',
      source: 'env',
    });
    await expect(postgres.stop()).resolves.toBeUndefined();
    expect(lines.join('\n')).not.toContain('s3cret');
    expect(lines).toEqual([
      'postgres: using DATABASE_URL=postgres://app:***@db:5432/salur (set in the environment; nothing started)',
    ]);
  });
});
