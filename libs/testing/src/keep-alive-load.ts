import { Agent, request } from 'node:http';
import type { Socket } from 'node:net';

/** What happened to one request of a `KeepAliveLoad`. */
export interface LoadOutcome {
  /** Which client (connection) sent it. */
  readonly client: number;
  /** When the request was handed to its connection (epoch ms). */
  readonly startedAt: number;
  /** When the connection it went out on had connected (epoch ms); undefined if it never did. */
  readonly connectedAt: number | undefined;
  /** Whether it went out on a kept-alive connection that had carried a request before. */
  readonly reusedSocket: boolean;
  /** The HTTP status, when an answer came. */
  readonly status?: number;
  readonly body?: string;
  /** The error code (`ECONNREFUSED`, `ECONNRESET`, …) when no answer came. */
  readonly error?: string;
}

export interface KeepAliveLoadOptions {
  /** Absolute URL every request goes to. */
  readonly url: string;
  /** Concurrent clients, each on its own keep-alive connection, each sending one request at a time. */
  readonly clients: number;
  readonly method?: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** The body of each request; called once per request. */
  readonly body?: (client: number, sequence: number) => string;
}

/**
 * Steady HTTP load as real clients make it: `clients` keep-alive connections, each sending its
 * next request as soon as the previous one is answered, until `stop()`. Every request's outcome is
 * kept with what a shutdown test needs to tell clients apart: whether the request went out on a
 * connection that was already established (and since when), or on a new one. A client whose new
 * connection is refused stops, as a client of a stopped server would.
 */
export class KeepAliveLoad {
  private readonly results: LoadOutcome[] = [];
  private readonly agents: Agent[] = [];
  private readonly loops: Promise<void>[] = [];
  private stopped = false;
  private sequence = 0;

  private constructor(private readonly options: KeepAliveLoadOptions) {}

  static start(options: KeepAliveLoadOptions): KeepAliveLoad {
    const load = new KeepAliveLoad(options);
    for (let client = 0; client < options.clients; client++) {
      const agent = new Agent({ keepAlive: true, maxSockets: 1 });
      load.agents.push(agent);
      load.loops.push(load.run(client, agent));
    }
    return load;
  }

  get outcomes(): readonly LoadOutcome[] {
    return this.results;
  }

  /** Requests answered so far (any status). */
  get answered(): number {
    return this.results.filter((r) => r.status !== undefined).length;
  }

  /** Resolves once every client has stopped (after a refused connection or `stop()`). */
  async finished(): Promise<void> {
    await Promise.all(this.loops);
  }

  /** Sends no further requests, waits for those in flight, and closes the connections. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.finished();
    for (const agent of this.agents) agent.destroy();
  }

  private async run(client: number, agent: Agent): Promise<void> {
    const connectedAt = new WeakMap<Socket, number>();
    while (!this.stopped) {
      const outcome = await this.send(client, agent, connectedAt);
      this.results.push(outcome);
      if (outcome.error === 'ECONNREFUSED') return;
    }
  }

  private send(
    client: number,
    agent: Agent,
    connectedAt: WeakMap<Socket, number>,
  ): Promise<LoadOutcome> {
    const { url, method = 'POST', headers = {}, body } = this.options;
    const payload = body?.(client, this.sequence++);
    return new Promise((resolve) => {
      const startedAt = Date.now();
      let socket: Socket | undefined;
      const req = request(
        url,
        {
          method,
          agent,
          headers: {
            ...headers,
            ...(payload !== undefined ? { 'content-length': Buffer.byteLength(payload) } : {}),
          },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            text += chunk;
          });
          res.on('end', () => {
            resolve({
              client,
              startedAt,
              connectedAt: socket && connectedAt.get(socket),
              reusedSocket: req.reusedSocket,
              status: res.statusCode ?? 0,
              body: text,
            });
          });
        },
      );
      req.on('socket', (s: Socket) => {
        socket = s;
        if (s.connecting) {
          s.once('connect', () => {
            connectedAt.set(s, Date.now());
          });
        } else if (!connectedAt.has(s)) {
          connectedAt.set(s, Date.now());
        }
      });
      req.on('error', (error: NodeJS.ErrnoException) => {
        resolve({
          client,
          startedAt,
          connectedAt: socket && connectedAt.get(socket),
          reusedSocket: req.reusedSocket,
          error: error.code ?? error.message,
        });
      });
      req.end(payload);
    });
  }
}
