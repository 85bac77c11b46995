import {
  deadLetterTopic,
  retryTopic,
  validateEnvelope,
  validateEventData,
  type EventEnvelope,
  type EventType,
} from '@salur/contracts';
import { SpanStatusCode } from '@opentelemetry/api';
import { annotateComplaint, contextFromTraceparent, runInSpan } from '@salur/platform';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { DeliveryControls, IncomingMessage, MessageProducer } from '../broker/message-broker';
import { decodeEvent } from '../codec/cloudevents-kafka';
import { consumerSpan } from '../codec/event-span';
import type { OutboxWriter } from '../outbox/outbox-writer';
import { quoteIdent } from '../sql';
import { transactionScope, type TransactionScope } from '../unit-of-work';
import { FailureHeaders, type DeadLetterReason } from './failure-headers';
import { decideRetry, type RetryPolicy } from './retry-policy';

export interface HandlerContext {
  /** The transaction that also records the event as processed: effects go through it. */
  readonly tx: TransactionScope;
  readonly groupId: string;
  /** 1 on the first try. */
  readonly attempt: number;
}

export type EventHandler = (event: EventEnvelope, context: HandlerContext) => Promise<void>;

/**
 * Thrown (or any error with `retriable === false`) by a handler that knows trying again cannot
 * help; its event goes straight to the dead-letter topic.
 */
export class NonRetriableError extends Error {
  override readonly name = 'NonRetriableError';
  readonly retriable = false;
}

export type ProcessingOutcome =
  'processed' | 'duplicate' | 'ignored' | 'retry-scheduled' | 'dead-lettered';

export interface EventProcessorObserver {
  outcome?(outcome: ProcessingOutcome, type: string, durationMs: number): void;
  /** An event was sent to the dead-letter topic `topic`. */
  deadLettered?(topic: string): void;
}

export interface EventProcessorOptions {
  readonly groupId: string;
  readonly schema: string;
  readonly dataSource: DataSource;
  readonly outbox: OutboxWriter;
  /** Sends to the retry and dead-letter topics. */
  readonly producer: MessageProducer;
  readonly logger: Logger;
  /** Handlers by CloudEvents type; events of other types on a subscribed topic are skipped. */
  readonly handlers: ReadonlyMap<string, EventHandler>;
  readonly retry: RetryPolicy;
  readonly observer?: EventProcessorObserver;
  /** How often a long handler or a retry wait keeps the group membership alive. */
  readonly heartbeatIntervalMs?: number;
}

function describe(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.length > 1_000 ? `${text.slice(0, 1_000)}…` : text;
}

function headerOf(message: IncomingMessage, name: string): string | undefined {
  return Object.hasOwn(message.headers, name) ? message.headers[name] : undefined;
}

function isNonRetriable(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    ((error as { retriable?: unknown }).retriable === false ||
      (error as { name?: unknown }).name === 'EventValidationError')
  );
}

/**
 * Turns one Kafka message into at most one effect: decode and validate (failures go straight to
 * the dead-letter topic), then in one Postgres transaction record the event id in the inbox and
 * run the handler, whose state changes and outgoing events commit with that record. A duplicate
 * finds its id already there and changes nothing. A failing handler rolls back and its event is
 * parked on the group's retry topic with a due time; after the last try it is dead-lettered.
 * Nothing here blocks the partition for longer than one try.
 */
export class EventProcessor {
  private readonly inboxTable: string;

  constructor(private readonly options: EventProcessorOptions) {
    this.inboxTable = `${quoteIdent(options.schema)}.inbox`;
  }

  async process(message: IncomingMessage, controls: DeliveryControls): Promise<boolean> {
    const started = Date.now();
    const failedBefore = Number(message.headers[FailureHeaders.attempts] ?? 0) || 0;
    const notBefore = Number(message.headers[FailureHeaders.notBefore] ?? 0) || 0;
    if (notBefore > Date.now() && !(await this.waitUntil(notBefore, controls))) return false;

    let envelope: EventEnvelope;
    try {
      envelope = decodeEvent(message);
      validateEnvelope(envelope);
    } catch (error) {
      await this.deadLetter(message, 'undecodable', error, failedBefore);
      this.observe('dead-lettered', headerOf(message, 'ce_type') ?? 'unknown', started);
      return true;
    }
    const handler = this.options.handlers.get(envelope.type);
    if (!handler) {
      this.observe('ignored', envelope.type, started);
      return true;
    }
    // Everything from here runs in the event's consumer span, a child of its producer span, so
    // the handler's log lines, its queries and the events it writes belong to the same trace.
    const { name, options } = consumerSpan(
      {
        topic: this.originalTopic(message),
        type: envelope.type,
        id: envelope.id,
        subject: envelope.subject,
      },
      this.options.groupId,
    );
    return runInSpan(
      name,
      { ...options, parent: contextFromTraceparent(envelope.traceparent) },
      async (span) => {
        annotateComplaint(envelope.subject);
        const outcome = await this.handle(message, envelope, handler, failedBefore, controls);
        span.setAttribute('salur.event.outcome', outcome);
        if (outcome === 'retry-scheduled' || outcome === 'dead-lettered') {
          span.setStatus({ code: SpanStatusCode.ERROR, message: `event ${outcome}` });
        }
        this.observe(outcome, envelope.type, started);
        // One line per handled event, carrying the trace and complaint ids like every line here.
        this.options.logger[outcome === 'processed' || outcome === 'duplicate' ? 'info' : 'warn'](
          {
            eventId: envelope.id,
            eventType: envelope.type,
            outcome,
            attempt: failedBefore + 1,
            durationMs: Date.now() - started,
          },
          'event handled',
        );
        return true;
      },
    );
  }

  private async handle(
    message: IncomingMessage,
    envelope: EventEnvelope<unknown, EventType>,
    handler: EventHandler,
    failedBefore: number,
    controls: DeliveryControls,
  ): Promise<ProcessingOutcome> {
    let data: unknown;
    try {
      data = validateEventData(envelope.type, envelope.data);
    } catch (error) {
      await this.deadLetter(message, 'invalid-event', error, failedBefore);
      return 'dead-lettered';
    }
    const event: EventEnvelope = { ...envelope, data };
    const attempt = failedBefore + 1;
    try {
      const fresh = await this.withHeartbeat(controls, () =>
        this.handleOnce(event, handler, attempt),
      );
      return fresh ? 'processed' : 'duplicate';
    } catch (error) {
      if (isNonRetriable(error)) {
        await this.deadLetter(message, 'non-retriable', error, attempt);
        return 'dead-lettered';
      }
      const decision = decideRetry(this.options.retry, attempt);
      if (decision.kind === 'dead-letter') {
        await this.deadLetter(message, 'attempts-exhausted', error, attempt);
        return 'dead-lettered';
      }
      await this.scheduleRetry(message, error, attempt, decision.delayMs);
      return 'retry-scheduled';
    }
  }

  /** Returns false when the event had already been processed by this group. */
  private handleOnce(
    event: EventEnvelope,
    handler: EventHandler,
    attempt: number,
  ): Promise<boolean> {
    return this.options.dataSource.transaction(async (manager) => {
      const inserted: unknown[] = await manager.query(
        `INSERT INTO ${this.inboxTable} (consumer_group, event_id, event_type) VALUES ($1, $2, $3)
         ON CONFLICT DO NOTHING RETURNING event_id`,
        [this.options.groupId, event.id, event.type],
      );
      if (inserted.length === 0) return false;
      await handler(event, {
        tx: transactionScope(manager, this.options.outbox),
        groupId: this.options.groupId,
        attempt,
      });
      return true;
    });
  }

  private originalTopic(message: IncomingMessage): string {
    return message.headers[FailureHeaders.originalTopic] ?? message.topic;
  }

  private failureHeaders(
    message: IncomingMessage,
    error: unknown,
    attempts: number,
  ): Record<string, string> {
    return {
      ...message.headers,
      [FailureHeaders.originalTopic]: this.originalTopic(message),
      [FailureHeaders.originalPartition]:
        message.headers[FailureHeaders.originalPartition] ?? String(message.partition),
      [FailureHeaders.originalOffset]:
        message.headers[FailureHeaders.originalOffset] ?? message.offset,
      [FailureHeaders.consumerGroup]: this.options.groupId,
      [FailureHeaders.attempts]: String(attempts),
      [FailureHeaders.error]: describe(error),
      [FailureHeaders.failedAt]: new Date().toISOString(),
    };
  }

  private async scheduleRetry(
    message: IncomingMessage,
    error: unknown,
    attempts: number,
    delayMs: number,
  ): Promise<void> {
    const topic = retryTopic(this.originalTopic(message), this.options.groupId);
    this.options.logger.warn(
      { err: error, eventId: message.headers.ce_id, attempts, delayMs, topic },
      'event handler failed; retry scheduled',
    );
    await this.options.producer.send([
      {
        topic,
        key: message.key,
        value: message.value,
        headers: {
          ...this.failureHeaders(message, error, attempts),
          [FailureHeaders.notBefore]: String(Date.now() + delayMs),
        },
      },
    ]);
  }

  private async deadLetter(
    message: IncomingMessage,
    reason: DeadLetterReason,
    error: unknown,
    attempts: number,
  ): Promise<void> {
    const topic = deadLetterTopic(this.originalTopic(message), this.options.groupId);
    this.options.logger.error(
      { err: error, eventId: message.headers.ce_id, reason, attempts, topic },
      'event dead-lettered',
    );
    const { [FailureHeaders.notBefore]: _notBefore, ...headers } = this.failureHeaders(
      message,
      error,
      attempts,
    );
    await this.options.producer.send([
      {
        topic,
        key: message.key,
        value: message.value,
        headers: { ...headers, [FailureHeaders.reason]: reason },
      },
    ]);
    this.options.observer?.deadLettered?.(topic);
  }

  private async waitUntil(due: number, controls: DeliveryControls): Promise<boolean> {
    const step = this.options.heartbeatIntervalMs ?? 1_000;
    while (Date.now() < due) {
      if (!controls.isActive()) return false;
      await new Promise((resolve) => setTimeout(resolve, Math.min(step, due - Date.now())));
      await controls.heartbeat().catch(() => undefined);
    }
    return true;
  }

  private async withHeartbeat<T>(controls: DeliveryControls, fn: () => Promise<T>): Promise<T> {
    const timer = setInterval(() => {
      controls.heartbeat().catch(() => undefined);
    }, this.options.heartbeatIntervalMs ?? 1_000);
    try {
      return await fn();
    } finally {
      clearInterval(timer);
    }
  }

  private observe(outcome: ProcessingOutcome, type: string, started: number): void {
    this.options.observer?.outcome?.(outcome, type, Date.now() - started);
  }
}
