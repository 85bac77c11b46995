import { freePort } from '@salur/infra';
import { ServiceProcess } from '@salur/testing';
import { join } from 'node:path';

/** Variables every service reads, each set to something it must refuse. */
const SHARED_BAD = {
  DATABASE_URL: 'mysql://db.example.test/salur',
  KAFKA_BROKERS: 'broker-without-port',
  LOG_LEVEL: 'loud',
  SHUTDOWN_GRACE_MS: 'ten seconds',
  AUTH_JWT_SECRET: 'too-short',
};

const SERVICES: { name: string; bad: Record<string, string> }[] = [
  { name: 'intake', bad: { INTAKE_SECRET: 'short', IDEMPOTENCY_KEY_TTL_HOURS: '0' } },
  {
    name: 'routing',
    bad: { ROUTING_AUTO_VERIFY_CHANNELS: 'fax', ROUTING_DUPLICATE_WINDOW_HOURS: '-1' },
  },
  { name: 'sla', bad: { SLA_SCHEDULER_ENABLED: 'maybe', SLA_SCHEDULER_POLL_MS: '1' } },
  {
    name: 'notification',
    bad: {
      WEBHOOK_TIMEOUT_MS: '5',
      NOTIFICATION_SECRET: 'not-32-characters',
      DELIVERY_WORKER_ENABLED: 'sometimes',
    },
  },
];

interface FatalLine {
  level: string;
  msg: string;
  problems: { variable: string; messages: string[] }[];
}

/**
 * A service started with several bad variables refuses to start: it exits non-zero after one
 * log line that names each bad variable (and never echoes a value, since some are secrets).
 */
describe('configuration validated at start', () => {
  it.each(SERVICES)(
    '$name exits 1 naming each bad variable in one message',
    async ({ name, bad }) => {
      const env = { NODE_ENV: 'production', ...SHARED_BAD, ...bad };
      const service = new ServiceProcess({
        name: `${name}-bad-config`,
        entry: join('dist', 'apps', name, 'src', 'main.js'),
        port: await freePort(),
        env,
        readyTimeoutMs: 30_000,
      });
      try {
        await expect(service.start()).rejects.toThrow(/did not become ready/);
        expect(await service.waitForExit()).toEqual({ code: 1, signal: null });
        const fatal = service.output
          .split('\n')
          .filter((line) => line.includes('Invalid configuration'))
          .map((line) => JSON.parse(line) as FatalLine);
        expect(fatal).toHaveLength(1);
        const [line] = fatal;
        expect(line.level).toBe('fatal');
        const named = line.problems.map((p) => p.variable).sort();
        expect(named).toEqual(
          Object.keys(env)
            .filter((v) => v !== 'NODE_ENV')
            .sort(),
        );
        for (const variable of named) expect(line.msg).toContain(`- ${variable}:`);
        for (const value of Object.values(bad)) expect(line.msg).not.toContain(`: ${value}`);
        expect(service.output).not.toContain(SHARED_BAD.AUTH_JWT_SECRET);
      } finally {
        await service.dispose();
      }
    },
  );
});
