import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { Server as NetServer, type Socket } from 'node:net';

/** How often idle connections are looked at while draining. */
const REAP_INTERVAL_MS = 50;

/**
 * How long a keep-alive connection must have been idle before a draining server closes it.
 *
 * Closing an idle keep-alive connection races with a client that is writing its next request on
 * it at that moment: the request is lost with a connection reset although the client was already
 * connected. A busy client sends its next request within milliseconds and gets it answered (with
 * `Connection: close`, so it does not come back on that connection); only a connection that has
 * stayed silent for this long is closed by the server.
 */
export const IDLE_CONNECTION_CLOSE_MS = 1_000;

interface ConnectionState {
  inFlight: number;
  idleSince: number;
}

/**
 * Knows, for each open connection of an HTTP server, whether a request is in flight on it and
 * since when it has been idle; `drain()` closes the listener and then lets those connections
 * finish. Attach it before the server listens, so it sees every connection.
 *
 * Node's own `server.close()` closes every connection idle at that instant, which cuts requests
 * that are already on the wire but not yet parsed; this drain closes only connections that have
 * stayed idle for `IDLE_CONNECTION_CLOSE_MS`.
 */
export class HttpConnectionTracker {
  private readonly connections = new Map<Socket, ConnectionState>();

  constructor(private readonly server: Server) {
    server.on('connection', (socket: Socket) => {
      this.track(socket);
    });
    // First among the request listeners, so a request is counted before any handler runs.
    server.prependListener('request', (request: IncomingMessage, response: ServerResponse) => {
      const state = this.track(request.socket);
      state.inFlight += 1;
      response.once('close', () => {
        state.inFlight -= 1;
        state.idleSince = Date.now();
      });
    });
  }

  /** Open connections, and how many of them have a request in flight. */
  get counts(): { open: number; busy: number } {
    let busy = 0;
    for (const state of this.connections.values()) if (state.inFlight > 0) busy += 1;
    return { open: this.connections.size, busy };
  }

  /**
   * Stops accepting connections (new ones are refused) and waits, for at most `timeoutMs`, until
   * every open connection has finished its requests and closed; then cuts whatever is left.
   * Resolves true when everything finished in time.
   */
  drain(timeoutMs: number): Promise<boolean> {
    return new Promise((resolve) => {
      let settled = false;
      const settle = (clean: boolean): void => {
        if (settled) return;
        settled = true;
        clearInterval(reaper);
        clearTimeout(deadline);
        resolve(clean);
      };
      const reaper = setInterval(() => {
        this.closeIdle(IDLE_CONNECTION_CLOSE_MS);
      }, REAP_INTERVAL_MS);
      const deadline = setTimeout(() => {
        for (const socket of this.connections.keys()) socket.destroy();
        settle(false);
      }, timeoutMs);
      // net.Server's close, not http.Server's: the latter would also close every connection that
      // is idle at this instant (see the class comment). The callback runs once the last
      // connection has closed.
      NetServer.prototype.close.call(this.server, () => {
        settle(true);
      });
    });
  }

  private closeIdle(minIdleMs: number): void {
    const now = Date.now();
    for (const [socket, state] of this.connections) {
      if (state.inFlight === 0 && now - state.idleSince >= minIdleMs) socket.destroy();
    }
  }

  private track(socket: Socket): ConnectionState {
    let state = this.connections.get(socket);
    if (!state) {
      state = { inFlight: 0, idleSince: Date.now() };
      this.connections.set(socket, state);
      socket.once('close', () => {
        this.connections.delete(socket);
      });
    }
    return state;
  }
}

/**
 * How the shutdown budget (`SHUTDOWN_GRACE_MS`, counted from the moment the listener closes) is
 * split: in-flight HTTP requests get the first half; the rest is kept for consumers to finish
 * their events and commit offsets, the last outbox flush and the disconnects.
 */
export function httpDrainBudget(graceMs: number): number {
  return Math.floor(graceMs / 2);
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
