import type { Server } from 'node:http';

/** How often idle keep-alive connections are reaped while draining. */
const REAP_INTERVAL_MS = 50;

/**
 * Stops accepting connections and waits for open ones to finish their requests, for at most
 * `graceMs`; then cuts whatever is left. Resolves true when everything finished in time.
 *
 * `server.close()` only closes the connections idle at that moment: a keep-alive connection whose
 * request finishes later would stay open until its keep-alive timeout and hold the drain up, so
 * idle connections are reaped again until the server has closed.
 */
export function drainHttpServer(server: Server, graceMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const reaper = setInterval(() => {
      server.closeIdleConnections();
    }, REAP_INTERVAL_MS);
    const deadline = setTimeout(() => {
      clearInterval(reaper);
      server.closeAllConnections();
      resolve(false);
    }, graceMs);
    server.close(() => {
      clearInterval(reaper);
      clearTimeout(deadline);
      resolve(true);
    });
    server.closeIdleConnections();
  });
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
