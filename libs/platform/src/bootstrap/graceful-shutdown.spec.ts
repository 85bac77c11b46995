import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { drainHttpServer } from './graceful-shutdown';

/** A loopback server whose requests take `delayMs` to answer. */
async function slowServer(delayMs: number): Promise<{ server: Server; port: number }> {
  const server = createServer((_req, res) => {
    const timer = setTimeout(() => res.end('done'), delayMs);
    // A cut connection must not leave its timer holding the test process open.
    res.on('close', () => {
      clearTimeout(timer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

function get(port: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/' }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => {
        body += chunk.toString();
      });
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, body });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

const tick = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('drainHttpServer', () => {
  it('lets an in-flight request finish, then reports a clean drain', async () => {
    const { server, port } = await slowServer(100);
    const inFlight = get(port);
    await tick(20);
    const drained = drainHttpServer(server, 2000);
    await expect(inFlight).resolves.toEqual({ status: 200, body: 'done' });
    await expect(drained).resolves.toBe(true);
    expect(server.listening).toBe(false);
  });

  it('refuses new connections while draining', async () => {
    const { server, port } = await slowServer(100);
    const inFlight = get(port);
    await tick(20);
    const drained = drainHttpServer(server, 2000);
    await expect(get(port)).rejects.toThrow(/ECONNREFUSED/);
    await inFlight;
    await drained;
  });

  it('cuts requests that outlive the grace period', async () => {
    const { server, port } = await slowServer(5000);
    const inFlight = get(port);
    await tick(20);
    const started = Date.now();
    await expect(drainHttpServer(server, 100)).resolves.toBe(false);
    expect(Date.now() - started).toBeLessThan(1000);
    await expect(inFlight).rejects.toThrow(/socket hang up|ECONNRESET/);
  });
});
