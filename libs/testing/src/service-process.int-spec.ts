import { freePort } from '@salur/infra';
import { ServiceProcess, waitFor } from '@salur/testing';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// A stand-in for a service's main.js: not ready for a moment after it listens (as a service
// connecting to Kafka and Postgres is), shuts down cleanly on SIGTERM, and can fail at startup.
const FAKE_SERVICE = `
const http = require('node:http');
if (process.env.FAIL_AT_START === '1') {
  console.error('boom: DATABASE_URL is not a URL');
  process.exit(3);
}
const readyAt = Date.now() + Number(process.env.READY_AFTER_MS ?? 0);
const server = http.createServer((request, response) => {
  const ready = Date.now() >= readyAt;
  response.writeHead(request.url === '/health/ready' && !ready ? 503 : 200);
  response.end(JSON.stringify({ ready, greeting: process.env.GREETING ?? null }));
});
server.listen(Number(process.env.PORT), '127.0.0.1', () => {
  console.log('listening on ' + process.env.PORT);
  console.error('a line on stderr');
});
process.on('SIGTERM', () => {
  console.log('SIGTERM received, shutting down');
  server.close(() => process.exit(0));
});
`;

describe('ServiceProcess', () => {
  let dir: string;
  let entry: string;
  const started: ServiceProcess[] = [];

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'salur-service-process-'));
    entry = join(dir, 'main.js');
    writeFileSync(entry, FAKE_SERVICE);
  });

  afterEach(async () => {
    await Promise.all(started.splice(0).map((service) => service.dispose()));
  });

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  async function service(env: NodeJS.ProcessEnv = {}): Promise<ServiceProcess> {
    const created = new ServiceProcess({
      name: 'fake',
      entry,
      port: await freePort(),
      env,
      readyTimeoutMs: 10_000,
      stopTimeoutMs: 5_000,
    });
    started.push(created);
    return created;
  }

  async function ready(process: ServiceProcess): Promise<number> {
    const response = await fetch(`${process.baseUrl}/health/ready`);
    await response.body?.cancel();
    return response.status;
  }

  it('waits for readiness, passes the environment and keeps stdout and stderr', async () => {
    const fake = await service({ READY_AFTER_MS: '700', GREETING: 'halo' });
    const begun = Date.now();
    await fake.start();
    expect(Date.now() - begun).toBeGreaterThanOrEqual(600);
    expect(await ready(fake)).toBe(200);
    const body = (await (await fetch(`${fake.baseUrl}/`)).json()) as { greeting: string };
    expect(body.greeting).toBe('halo');
    expect(fake.output).toContain(`listening on ${new URL(fake.baseUrl).port}`);
    expect(fake.output).toContain('a line on stderr');
    await waitFor(() => readFileSync(fake.logFile, 'utf8').includes('a line on stderr'), {
      description: 'the output in the log file',
    });
  });

  it('stops with SIGTERM, so the service shuts down cleanly, and starts again', async () => {
    const fake = await service();
    await fake.start();
    const firstPid = fake.pid;
    await expect(fake.stop()).resolves.toEqual({ code: 0, signal: null });
    expect(fake.isRunning()).toBe(false);
    expect(fake.output).toContain('SIGTERM received, shutting down');
    await expect(ready(fake)).rejects.toThrow();

    await fake.restart();
    expect(fake.pid).not.toBe(firstPid);
    expect(await ready(fake)).toBe(200);
  });

  it('kills with SIGKILL, giving the service no chance to clean up', async () => {
    const fake = await service();
    await fake.start();
    await expect(fake.kill()).resolves.toEqual({ code: null, signal: 'SIGKILL' });
    expect(fake.output).not.toContain('shutting down');
  });

  it('fails with the exit status and the output when the service dies at startup', async () => {
    const fake = await service({ FAIL_AT_START: '1' });
    const failure = fake.start();
    await expect(failure).rejects.toThrow(/fake did not become ready: .*exited \(exit code 3\)/);
    await expect(failure).rejects.toThrow(/boom: DATABASE_URL is not a URL/);
    expect(fake.isRunning()).toBe(false);
  });
});
