import { Client } from 'pg';
import type { Logger } from 'pino';
import type { MessageProducer, OutgoingMessage } from '../broker/message-broker';
import { quoteIdent } from '../sql';
import { outboxChannel } from './outbox-writer';

export interface OutboxRelayObserver {
  /** Called after a batch was acknowledged by Kafka, with the age of each event at that moment. */
  published?(ages: readonly number[]): void;
  /** Rows waiting, measured after each batch. */
  backlog?(rows: number): void;
  /** Called when publishing failed and the batch will be tried again. */
  failed?(error: unknown): void;
}

export interface OutboxRelayOptions {
  readonly schema: string;
  readonly databaseUrl: string;
  readonly producer: MessageProducer;
  readonly logger: Logger;
  readonly batchSize?: number;
  /** Longest wait between two looks at the outbox when no notification arrives. */
  readonly pollIntervalMs?: number;
  readonly maxBackoffMs?: number;
  readonly observer?: OutboxRelayObserver;
}

interface OutboxRecord {
  position: string;
  topic: string;
  message_key: string;
  headers: Record<string, string>;
  payload: string;
  created_at: Date;
}

class KafkaPublishError extends Error {
  override readonly name = 'KafkaPublishError';
}

/**
 * Publishes the outbox to Kafka, oldest first, in batches, and deletes what Kafka acknowledged.
 *
 * One replica at a time is the relay of a schema: it holds a session-level advisory lock on its
 * own connection, so events of one complaint are never published by two processes out of order.
 * If that connection dies the lock goes with it and another replica takes over. A failed publish
 * (Kafka down) is retried with backoff, the same batch again, so nothing is lost or reordered; a
 * retried batch may be published twice, which consumers absorb through their inbox.
 */
export class OutboxRelay {
  private readonly table: string;
  private readonly lockKey: string;
  private client: Client | undefined;
  private leader = false;
  private running: Promise<void> | undefined;
  private stopping = false;
  private drainUntil = 0;
  private wake: (() => void) | undefined;
  /** A wake-up that came while the relay was reading: it looks again instead of sleeping. */
  private wokenWhileBusy = false;
  private backoffMs = 0;
  private backlogCountedAt = 0;

  constructor(private readonly options: OutboxRelayOptions) {
    this.table = `${quoteIdent(options.schema)}.outbox`;
    this.lockKey = `salur.outbox.${options.schema}`;
  }

  isLeader(): boolean {
    return this.leader;
  }

  start(): void {
    if (this.running) return;
    this.stopping = false;
    this.running = this.loop();
  }

  /**
   * Stops after publishing what is already in the outbox (if this replica is the relay), or when
   * `flushTimeoutMs` has passed, whichever comes first; then releases the lock.
   */
  async stop(flushTimeoutMs = 5_000): Promise<void> {
    if (!this.running) return;
    this.drainUntil = Date.now() + flushTimeoutMs;
    this.stopping = true;
    this.wake?.();
    await this.running;
    this.running = undefined;
    await this.disconnect();
  }

  private async loop(): Promise<void> {
    const pollIntervalMs = this.options.pollIntervalMs ?? 1_000;
    for (;;) {
      if (this.stopping && Date.now() >= this.drainUntil) return;
      try {
        const client = await this.connect();
        if (!this.leader) {
          this.leader = await this.tryLock(client);
          if (!this.leader) {
            // Another replica is the relay and will publish what is left.
            if (this.stopping) return;
            await this.sleep(pollIntervalMs);
            continue;
          }
          this.options.logger.info({ schema: this.options.schema }, 'outbox relay is leader');
        }
        // A notification from here on may be for rows this read does not see yet.
        this.wokenWhileBusy = false;
        const published = await this.publishBatch(client);
        this.backoffMs = 0;
        if (published === 0) {
          if (this.stopping) return;
          // Woken while reading: the rows may have committed after the read; look again.
          if (this.wasWokenWhileBusy()) continue;
          await this.sleep(pollIntervalMs);
        }
      } catch (error) {
        this.options.observer?.failed?.(error);
        if (!(error instanceof KafkaPublishError)) await this.disconnect();
        this.backoffMs = Math.min(
          this.options.maxBackoffMs ?? 5_000,
          this.backoffMs === 0 ? 100 : this.backoffMs * 2,
        );
        this.options.logger.warn(
          { err: error, schema: this.options.schema, retryInMs: this.backoffMs },
          'outbox relay failed; retrying',
        );
        if (this.stopping && Date.now() >= this.drainUntil) return;
        await this.sleep(this.backoffMs);
      }
    }
  }

  /**
   * Publishes batches in write order while the outbox has rows. The next batch is read while
   * Kafka is still acknowledging the current one (the rows in flight excluded), so the database
   * round trip is off the critical path; sends stay strictly one after another, and a batch is
   * deleted before the next one is sent. A failed send drops the read-ahead: the next attempt
   * starts again from the oldest row.
   */
  private async publishBatch(client: Client): Promise<number> {
    const limit = this.options.batchSize ?? 500;
    let batch = await this.readBatch(client, limit, []);
    let total = 0;
    while (batch.length > 0) {
      const positions = batch.map((r) => r.position);
      const sending = this.send(batch);
      const readAhead =
        batch.length === limit && !(this.stopping && Date.now() >= this.drainUntil)
          ? this.readBatch(client, limit, positions)
          : Promise.resolve([]);
      // Awaited below; until then a failure must not count as unhandled.
      readAhead.catch(() => undefined);
      await sending;
      const now = Date.now();
      await client.query(`DELETE FROM ${this.table} WHERE position = ANY($1::bigint[])`, [
        positions,
      ]);
      this.options.observer?.published?.(batch.map((r) => now - r.created_at.getTime()));
      total += batch.length;
      batch = await readAhead;
    }
    await this.reportBacklog(client, total === 0);
    return total;
  }

  private async readBatch(
    client: Client,
    limit: number,
    inFlight: readonly string[],
  ): Promise<OutboxRecord[]> {
    const { rows } = await client.query<OutboxRecord>(
      `SELECT position, topic, message_key, headers, payload, created_at FROM ${this.table}
       WHERE position <> ALL($2::bigint[]) ORDER BY position LIMIT $1`,
      [limit, inFlight],
    );
    return rows;
  }

  private async send(rows: readonly OutboxRecord[]): Promise<void> {
    const messages: OutgoingMessage[] = rows.map((r) => ({
      topic: r.topic,
      key: r.message_key,
      value: Buffer.from(r.payload, 'utf8'),
      headers: r.headers,
    }));
    try {
      await this.options.producer.send(messages);
    } catch (error) {
      throw new KafkaPublishError(
        `publishing ${messages.length} outbox event(s) failed: ${error instanceof Error ? error.message : String(error)}`,
        { cause: error },
      );
    }
  }

  /** The rows waiting: 0 when the outbox was found empty, else counted at most once a second. */
  private async reportBacklog(client: Client, empty: boolean): Promise<void> {
    const observer = this.options.observer;
    if (!observer?.backlog) return;
    if (empty) {
      observer.backlog(0);
      return;
    }
    if (Date.now() - this.backlogCountedAt < 1_000) return;
    this.backlogCountedAt = Date.now();
    const backlog = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${this.table}`);
    observer.backlog(Number(backlog.rows[0]?.n ?? 0));
  }

  private async connect(): Promise<Client> {
    if (this.client) return this.client;
    const client = new Client({
      connectionString: this.options.databaseUrl,
      connectionTimeoutMillis: 5_000,
      keepAlive: true,
      application_name: `salur-outbox-relay-${this.options.schema}`,
    });
    client.on('error', (error) => {
      this.options.logger.warn({ err: error }, 'outbox relay connection lost');
      if (this.client === client) {
        this.client = undefined;
        this.leader = false;
      }
      this.wake?.();
    });
    client.on('notification', () => {
      this.signal();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${quoteIdent(outboxChannel(this.options.schema))}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    this.client = client;
    return client;
  }

  private async tryLock(client: Client): Promise<boolean> {
    const { rows } = await client.query<{ locked: boolean }>(
      'SELECT pg_try_advisory_lock(hashtext($1)) AS locked',
      [this.lockKey],
    );
    return rows[0]?.locked;
  }

  private async disconnect(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.leader = false;
    // Ending the session releases the advisory lock.
    if (client) await client.end().catch(() => undefined);
  }

  /**
   * Wakes the relay; if it is busy (reading a batch that may already have missed the rows this
   * announces), it looks again before sleeping instead of waiting for its poll.
   */
  private signal(): void {
    if (this.wake) this.wake();
    else this.wokenWhileBusy = true;
  }

  private wasWokenWhileBusy(): boolean {
    return this.wokenWhileBusy;
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.wake = () => {
        this.wake = undefined;
        done();
      };
    });
  }
}
