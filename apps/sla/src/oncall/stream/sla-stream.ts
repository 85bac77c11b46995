import type { Logger } from 'pino';
import { Client } from 'pg';

export const SLA_STREAM_CHANNEL = 'salur_sla_stream';

/** One warning or breach as the live stream shows it. */
export interface StreamItem {
  readonly type: 'warning' | 'breach';
  readonly clockId: string;
  readonly complaintId: string;
  readonly stage: string;
  readonly agency: string | null;
  readonly agencyLevel: string | null;
  readonly regionCode: string;
  readonly dueAt: string;
  readonly at: string;
  readonly threshold: number;
  readonly late: boolean;
}

/**
 * Warnings and breaches as any replica's scheduler commits them, through Postgres
 * `LISTEN/NOTIFY` (the scheduler notifies in its transaction), to this replica's subscribers.
 */
export class SlaStream {
  private client: Client | undefined;
  private readonly subscribers = new Set<(items: readonly StreamItem[]) => void>();
  private stopped = false;
  private signalsHooked = false;
  private readonly closers = new Set<() => void>();
  private readonly endAll = () => {
    for (const close of [...this.closers]) close();
  };

  constructor(
    private readonly databaseUrl: string,
    private readonly logger: Pick<Logger, 'warn'>,
  ) {}

  subscribe(listener: (items: readonly StreamItem[]) => void): () => void {
    this.subscribers.add(listener);
    return () => this.subscribers.delete(listener);
  }

  /** Runs `close` when the process is asked to stop; returns a function that forgets it. */
  onShutdown(close: () => void): () => void {
    this.closers.add(close);
    return () => this.closers.delete(close);
  }

  async start(): Promise<void> {
    if (this.stopped) return;
    if (!this.signalsHooked) {
      this.signalsHooked = true;
      process.once('SIGTERM', this.endAll).once('SIGINT', this.endAll);
    }
    const client = new Client({
      connectionString: this.databaseUrl,
      application_name: 'salur-sla-stream',
    });
    client.on('notification', (message) => {
      if (message.channel !== SLA_STREAM_CHANNEL || !message.payload) return;
      const items = JSON.parse(message.payload) as StreamItem[];
      for (const listener of this.subscribers) listener(items);
    });
    client.on('error', (error) => {
      this.logger.warn({ err: error }, 'the SLA stream lost its database connection; reconnecting');
      this.client = undefined;
      client.end().catch(() => undefined);
      setTimeout(() => void this.start().catch(() => undefined), 1_000).unref();
    });
    await client.connect();
    await client.query(`LISTEN ${SLA_STREAM_CHANNEL}`);
    this.client = client;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    process.off('SIGTERM', this.endAll).off('SIGINT', this.endAll);
    this.endAll();
    this.subscribers.clear();
    await this.client?.end().catch(() => undefined);
    this.client = undefined;
  }
}
