import { randomUUID } from 'node:crypto';
import {
  topicOf,
  validateEnvelope,
  validateEventData,
  type EventEnvelope,
  type EventType,
  type NewEvent,
} from '@salur/contracts';
import { context, SpanStatusCode, type Span } from '@opentelemetry/api';
import {
  contextFromTraceparent,
  currentTraceparent,
  salurTracer,
  traceparentOf,
} from '@salur/platform';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { encodeEvent } from '../codec/cloudevents-kafka';
import { producerSpan } from '../codec/event-span';
import { quoteIdent } from '../sql';

export interface OutboxWriterOptions {
  /** The service's Postgres schema, which holds its outbox table. */
  readonly schema: string;
  /** CloudEvents `source` of every event this service produces, e.g. `/salur/intake`. */
  readonly source: string;
}

/** The outbox's INSERT of some events, to run inside the caller's own statement. */
export interface OutboxInsert {
  /**
   * `INSERT INTO <schema>.outbox … SELECT …` with its parameters numbered from `$first`; with a
   * `condition` (SQL), the rows are written only where it holds.
   */
  sql(first: number, condition?: string): string;
  /** The parameters, in order, to place at `$first` onwards. */
  readonly params: readonly unknown[];
}

/** Events appended by several units of work of one transaction, written by one INSERT. */
export interface DeferredOutbox {
  /** Builds, validates and queues the events; returns their envelopes. */
  append(events: readonly NewEvent<unknown, EventType>[]): EventEnvelope[];
  /** Writes every queued event, in append order; call before the transaction commits. */
  flush(): Promise<void>;
}

/** The Postgres channel on which a service's relay is woken when its outbox gets rows. */
export function outboxChannel(schema: string): string {
  return `salur_outbox_${schema}`;
}

/**
 * Appends events to the outbox inside the caller's transaction, so they are published if and only
 * if the state change they describe commits. Every event is validated against the contract first:
 * an invalid event fails the transaction instead of reaching consumers.
 *
 * The relay is woken by a `NOTIFY` sent after the transaction commits, not inside it: Postgres
 * serialises the commits of all notifying transactions (one lock for the whole server), which
 * made every writing transaction wait for every other. The wake-ups of a process are coalesced:
 * at most one `NOTIFY` is in flight, and commits made meanwhile are covered by one more after it,
 * so every commit is followed by a `NOTIFY` sent after it. A wake-up lost to a crash between
 * commit and `NOTIFY` costs latency only: the relay also polls.
 */
export class OutboxWriter {
  private readonly table: string;
  private readonly channel: string;
  /** Transactions that appended events and have not committed yet. */
  private readonly appended = new WeakSet<QueryRunner>();
  /** Data sources whose commits this writer watches. */
  private readonly watched = new WeakSet<DataSource>();
  /** Per data source (a NOTIFY reaches one database): is a wake-up under way, is another due. */
  private readonly wakeUps = new WeakMap<DataSource, WakeUp>();

  constructor(private readonly options: OutboxWriterOptions) {
    this.table = `${quoteIdent(options.schema)}.outbox`;
    this.channel = outboxChannel(options.schema);
  }

  get source(): string {
    return this.options.source;
  }

  /**
   * Builds the envelope of a new event; validates attributes and data. Its `traceparent` is the
   * event's own, else the active span's (`append` makes that the event's producer span).
   */
  envelope<T extends EventType>(event: NewEvent<unknown, T>): EventEnvelope<unknown, T> {
    const traceparent = event.traceparent ?? currentTraceparent();
    const envelope: EventEnvelope<unknown, T> = {
      specversion: '1.0',
      id: event.id ?? randomUUID(),
      source: this.options.source,
      type: event.type,
      time: (event.time ?? new Date()).toISOString(),
      subject: event.subject,
      datacontenttype: 'application/json',
      ...(event.agency !== undefined ? { agency: event.agency } : {}),
      ...(event.region !== undefined ? { region: event.region } : {}),
      ...(traceparent !== undefined ? { traceparent } : {}),
      data: event.data,
    };
    validateEnvelope(envelope);
    validateEventData(event.type, event.data);
    return envelope;
  }

  async append(
    manager: EntityManager,
    events: readonly NewEvent<unknown, EventType>[],
  ): Promise<EventEnvelope[]> {
    if (events.length === 0) return [];
    const { envelopes } = await this.appendAlong(manager, events, (insert) =>
      manager.query(insert.sql(1), [...insert.params]),
    );
    return envelopes;
  }

  /**
   * As `append`, but the caller runs the outbox's INSERT itself, as part of its own statement
   * (a data-modifying `WITH`, say), so that its state change and its events take one round
   * trip. `run` must execute `insert` exactly once, on `manager`'s connection; whatever it
   * returns is passed through.
   */
  async appendAlong<R>(
    manager: EntityManager,
    events: readonly NewEvent<unknown, EventType>[],
    run: (insert: OutboxInsert) => Promise<R>,
  ): Promise<{ result: R; envelopes: EventEnvelope[] }> {
    // One producer span per event, a child of the work under way (or of the trace the event was
    // given explicitly); the event carries it as its `traceparent`, and the consumers' spans
    // become its children.
    const spans = events.map((e) => this.startProducerSpan(e));
    try {
      const envelopes = events.map((e, i) =>
        this.envelope({ ...e, traceparent: traceparentOf(spans[i]) ?? e.traceparent }),
      );
      envelopes.forEach((e, i) => spans[i]?.setAttributes({ 'messaging.message.id': e.id }));
      const result = await run(this.insertOf(envelopes));
      this.wakeRelayAfterCommit(manager);
      for (const span of spans) span.end();
      return { result, envelopes };
    } catch (error) {
      for (const span of spans) {
        span.setStatus({ code: SpanStatusCode.ERROR, message: String(error) });
        span.end();
      }
      throw error;
    }
  }

  /**
   * An outbox for several units of work in one transaction (a batch of consumed events): `append`
   * builds and validates the envelopes at once, as `append` on the writer does, but the rows are
   * written together, in append order, by one `flush` before the transaction commits.
   */
  deferred(manager: EntityManager): DeferredOutbox {
    const built: EventEnvelope<unknown, EventType>[] = [];
    return {
      append: (events) => {
        if (events.length === 0) return [];
        const spans = events.map((e) => this.startProducerSpan(e));
        try {
          const envelopes = events.map((e, i) =>
            this.envelope({ ...e, traceparent: traceparentOf(spans[i]) ?? e.traceparent }),
          );
          envelopes.forEach((e, i) => spans[i]?.setAttributes({ 'messaging.message.id': e.id }));
          built.push(...envelopes);
          return envelopes;
        } catch (error) {
          for (const span of spans)
            span.setStatus({ code: SpanStatusCode.ERROR, message: String(error) });
          throw error;
        } finally {
          for (const span of spans) span.end();
        }
      },
      flush: async () => {
        if (built.length === 0) return;
        const insert = this.insertOf(built.splice(0));
        await manager.query(insert.sql(1), [...insert.params]);
        this.wakeRelayAfterCommit(manager);
      },
    };
  }

  private startProducerSpan(event: NewEvent<unknown, EventType>): Span {
    const { name, options } = producerSpan({
      topic: topicOf(event.type),
      type: event.type,
      subject: event.subject,
      ...(event.id !== undefined ? { id: event.id } : {}),
    });
    const parent =
      event.traceparent !== undefined
        ? contextFromTraceparent(event.traceparent, context.active())
        : context.active();
    return salurTracer().startSpan(name, options, parent);
  }

  private insertOf(envelopes: readonly EventEnvelope<unknown, EventType>[]): OutboxInsert {
    const encoded = envelopes.map((e) => encodeEvent(e));
    const table = this.table;
    return {
      sql: (first, condition) => {
        const $ = (i: number): string => `$${first + i}`;
        return (
          `INSERT INTO ${table} (event_id, event_type, topic, message_key, headers, payload) ` +
          `SELECT * FROM unnest(${$(0)}::uuid[], ${$(1)}::text[], ${$(2)}::text[], ` +
          `${$(3)}::text[], ${$(4)}::jsonb[], ${$(5)}::text[])` +
          (condition !== undefined ? ` WHERE ${condition}` : '')
        );
      },
      params: [
        envelopes.map((e) => e.id),
        envelopes.map((e) => e.type),
        envelopes.map((e) => topicOf(e.type)),
        encoded.map((e) => e.key),
        encoded.map((e) => JSON.stringify(e.headers)),
        encoded.map((e) => e.value.toString('utf8')),
      ],
    };
  }

  private wakeRelayAfterCommit(manager: EntityManager): void {
    // A stand-in manager without a data source (in unit tests) has no relay to wake.
    if ((manager.dataSource as DataSource | undefined) === undefined) return;
    const runner = manager.queryRunner;
    if (!runner?.isTransactionActive) {
      // No transaction: the rows are already committed.
      this.wakeRelay(manager.dataSource);
      return;
    }
    this.watch(manager.dataSource);
    this.appended.add(runner);
  }

  private watch(dataSource: DataSource): void {
    if (this.watched.has(dataSource)) return;
    this.watched.add(dataSource);
    dataSource.subscribers.push({
      afterTransactionCommit: ({ queryRunner }) => {
        // A savepoint's release leaves the transaction active: wait for the real commit.
        if (queryRunner.isTransactionActive || !this.appended.has(queryRunner)) return;
        this.appended.delete(queryRunner);
        this.wakeRelay(dataSource);
      },
      afterTransactionRollback: ({ queryRunner }) => {
        if (!queryRunner.isTransactionActive) this.appended.delete(queryRunner);
      },
    });
  }

  /** Not awaited by the committing request: it must not hold the connection or the answer. */
  private wakeRelay(dataSource: DataSource): void {
    let state = this.wakeUps.get(dataSource);
    if (!state) {
      state = new WakeUp();
      this.wakeUps.set(dataSource, state);
    }
    if (state.notifying) {
      state.request();
      return;
    }
    state.notifying = true;
    void this.notifyUntilCaughtUp(dataSource, state);
  }

  private async notifyUntilCaughtUp(dataSource: DataSource, state: WakeUp): Promise<void> {
    try {
      do {
        if (!dataSource.isInitialized) return;
        // A failed wake-up is not retried: the relay's poll finds the rows.
        await dataSource
          .query('SELECT pg_notify($1, $2)', [this.channel, ''])
          .catch(() => undefined);
      } while (state.takeAgain());
    } finally {
      state.notifying = false;
    }
  }
}

/** The wake-up of one database's relay: one NOTIFY in flight, and whether another is due. */
class WakeUp {
  notifying = false;
  private again = false;

  /** A commit while a NOTIFY is in flight: it may have been sent before that commit. */
  request(): void {
    this.again = true;
  }

  takeAgain(): boolean {
    const again = this.again;
    this.again = false;
    return again;
  }
}
