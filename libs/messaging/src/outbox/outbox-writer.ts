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
import type { EntityManager } from 'typeorm';
import { encodeEvent } from '../codec/cloudevents-kafka';
import { producerSpan } from '../codec/event-span';
import { quoteIdent } from '../sql';

export interface OutboxWriterOptions {
  /** The service's Postgres schema, which holds its outbox table. */
  readonly schema: string;
  /** CloudEvents `source` of every event this service produces, e.g. `/salur/intake`. */
  readonly source: string;
}

/** The Postgres channel on which a service's relay is woken when its outbox gets rows. */
export function outboxChannel(schema: string): string {
  return `salur_outbox_${schema}`;
}

/**
 * Appends events to the outbox inside the caller's transaction, so they are published if and only
 * if the state change they describe commits. Every event is validated against the contract first:
 * an invalid event fails the transaction instead of reaching consumers.
 */
export class OutboxWriter {
  private readonly table: string;

  constructor(private readonly options: OutboxWriterOptions) {
    this.table = `${quoteIdent(options.schema)}.outbox`;
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
    // One producer span per event, a child of the work under way (or of the trace the event was
    // given explicitly); the event carries it as its `traceparent`, and the consumers' spans
    // become its children.
    const spans = events.map((e) => this.startProducerSpan(e));
    try {
      const envelopes = events.map((e, i) =>
        this.envelope({ ...e, traceparent: traceparentOf(spans[i]) ?? e.traceparent }),
      );
      envelopes.forEach((e, i) => spans[i]?.setAttributes({ 'messaging.message.id': e.id }));
      await this.insert(manager, envelopes);
      for (const span of spans) span.end();
      return envelopes;
    } catch (error) {
      for (const span of spans) {
        span.setStatus({ code: SpanStatusCode.ERROR, message: String(error) });
        span.end();
      }
      throw error;
    }
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

  private async insert(
    manager: EntityManager,
    envelopes: readonly EventEnvelope<unknown, EventType>[],
  ): Promise<void> {
    const encoded = envelopes.map((e) => encodeEvent(e));
    await manager.query(
      `INSERT INTO ${this.table} (event_id, event_type, topic, message_key, headers, payload)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::jsonb[], $6::text[])`,
      [
        envelopes.map((e) => e.id),
        envelopes.map((e) => e.type),
        envelopes.map((e) => topicOf(e.type)),
        encoded.map((e) => e.key),
        encoded.map((e) => JSON.stringify(e.headers)),
        encoded.map((e) => e.value.toString('utf8')),
      ],
    );
    // Delivered when the transaction commits, and not at all if it rolls back.
    await manager.query('SELECT pg_notify($1, $2)', [outboxChannel(this.options.schema), '']);
  }
}
