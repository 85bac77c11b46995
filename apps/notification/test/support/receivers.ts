import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A request a receiver got, as it got it. */
export interface ReceivedRequest {
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  readonly at: number;
}

export type Behaviour = 'ok' | 'fail' | 'hang';

/**
 * A real HTTP server on 127.0.0.1 that records every request and answers as told: 2xx, 503, or
 * never (it keeps the connection open until closed).
 */
export class HttpReceiver {
  readonly requests: ReceivedRequest[] = [];
  behaviour: Behaviour = 'ok';
  private readonly hanging = new Set<ServerResponse>();

  private constructor(private readonly server: Server) {}

  static async start(behaviour: Behaviour = 'ok'): Promise<HttpReceiver> {
    const holder: { receiver?: HttpReceiver } = {};
    const server = createServer((req, res) => {
      void holder.receiver?.handle(req, res);
    });
    const receiver = new HttpReceiver(server);
    holder.receiver = receiver;
    receiver.behaviour = behaviour;
    await new Promise<void>((resolve) => {
      server.listen(0, '127.0.0.1', resolve);
    });
    return receiver;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  url(path = '/hook'): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers: Record<string, string> = {};
    for (const [key, value] of Object.entries(req.headers)) {
      if (typeof value === 'string') headers[key] = value;
    }
    this.requests.push({
      path: req.url ?? '',
      headers,
      body: Buffer.concat(chunks).toString('utf8'),
      at: Date.now(),
    });
    if (this.behaviour === 'hang') {
      this.hanging.add(res);
      return;
    }
    res.statusCode = this.behaviour === 'ok' ? 202 : 503;
    res.end(this.behaviour === 'ok' ? '' : 'unavailable');
  }

  async close(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => {
      this.server.close(() => {
        resolve();
      });
    });
  }
}

/** A real SMTP server on 127.0.0.1 that parses what it receives. */
export class SmtpReceiver {
  private constructor(
    private readonly server: SMTPServer,
    readonly port: number,
    readonly mails: ParsedMail[],
  ) {}

  static async start(): Promise<SmtpReceiver> {
    const mails: ParsedMail[] = [];
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, _session, callback) {
        simpleParser(stream)
          .then((mail) => {
            mails.push(mail);
            callback();
          })
          .catch((error: unknown) => {
            callback(error instanceof Error ? error : new Error('parse'));
          });
      },
    });
    await new Promise<void>((resolve) => {
      server.listen(0, '127.0.0.1', resolve);
    });
    const port = (server.server.address() as AddressInfo).port;
    return new SmtpReceiver(server, port, mails);
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.server.close(() => {
        resolve();
      });
    });
  }
}

/**
 * Verifies a Standard Webhooks signature with nothing but node:crypto, as an agency would: the
 * base64 HMAC-SHA256, keyed with the base64-decoded secret after `whsec_`, of
 * `${webhook-id}.${webhook-timestamp}.${body}`, against any `v1,` entry of the header.
 */
export function verifyStandardWebhook(
  secret: string,
  headers: Readonly<Record<string, string>>,
  body: string,
): boolean {
  const id = headers['webhook-id'];
  const timestamp = headers['webhook-timestamp'];
  const signatures = headers['webhook-signature'];
  if (!id || !timestamp || !signatures) return false;
  if (Math.abs(Date.now() / 1000 - Number(timestamp)) > 300) return false;
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const expected = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest();
  return signatures.split(' ').some((entry) => {
    const [version, signature] = entry.split(',');
    if (version !== 'v1' || !signature) return false;
    const given = Buffer.from(signature, 'base64');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}
