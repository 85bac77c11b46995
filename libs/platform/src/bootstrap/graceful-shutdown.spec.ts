import { Agent, createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  HttpConnectionTracker,
  httpDrainBudget,
  IDLE_CONNECTION_CLOSE_MS,
} from './graceful-shutdown';

/** A loopback server, tracked from the start, whose requests take `delayMs` to answer. */
async function slowServer(
  delayMs: number,
): Promise<{ server: Server; port: number; tracker: HttpConnectionTracker }> {
  const server = createServer((_req, res) => {
    const timer = setTimeout(() => res.end('done'), delayMs);
    // A cut connection must not leave its timer holding the test process open.
    res.on('close', () => {
      clearTimeout(timer);
    });
  });
  const tracker = new HttpConnectionTracker(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port, tracker };
}

interface Answer {
  status: number;
  body: string;
  reusedSocket: boolean;
}

function get(port: number, agent?: Agent): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/', agent }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => {
        body += chunk.toString();
      });
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, body, reusedSocket: req.reusedSocket });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

const tick = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('HttpConnectionTracker.drain', () => {
  it('lets an in-flight request finish, then reports a clean drain', async () => {
    const { server, port, tracker } = await slowServer(100);
    const inFlight = get(port);
    await tick(20);
    expect(tracker.counts).toEqual({ open: 1, busy: 1 });
    const drained = tracker.drain(2000);
    await expect(inFlight).resolves.toMatchObject({ status: 200, body: 'done' });
    await expect(drained).resolves.toBe(true);
    expect(server.listening).toBe(false);
  });

  it('refuses new connections while draining', async () => {
    const { port, tracker } = await slowServer(100);
    const inFlight = get(port);
    await tick(20);
    const drained = tracker.drain(2000);
    await expect(get(port)).rejects.toThrow(/ECONNREFUSED/);
    await inFlight;
    await expect(drained).resolves.toBe(true);
  });

  it('answers a request sent on a kept-alive connection that was idle when the drain began', async () => {
    const { port, tracker } = await slowServer(10);
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const first = await get(port, agent);
      expect(first.reusedSocket).toBe(false);
      // The connection is idle now; Node's own server.close() would close it under the client.
      expect(tracker.counts).toEqual({ open: 1, busy: 0 });
      const drained = tracker.drain(5000);
      const second = await get(port, agent);
      expect(second).toEqual({ status: 200, body: 'done', reusedSocket: true });
      // Once it has stayed idle long enough, the connection is closed and the drain completes.
      await expect(drained).resolves.toBe(true);
    } finally {
      agent.destroy();
    }
  });

  it('cuts requests that outlive the timeout', async () => {
    const { port, tracker } = await slowServer(5000);
    const inFlight = get(port);
    await tick(20);
    await expect(tracker.drain(100)).resolves.toBe(false);
    await expect(inFlight).rejects.toThrow(/socket hang up|ECONNRESET/);
  });

  it('keeps half of the grace period for what follows the HTTP drain', () => {
    expect(httpDrainBudget(10_000)).toBe(5_000);
    expect(httpDrainBudget(0)).toBe(0);
    expect(IDLE_CONNECTION_CLOSE_MS).toBeLessThan(httpDrainBudget(10_000));
  });
});
