import {
  deadLetterTopic,
  retryTopic,
  validateEnvelope,
  validateEventData,
  type EventEnvelope,
  type EventType,
} from '@salur/contracts';
import { SpanStatusCode } from '@opentelemetry/api';
import {
  annotateComplaint,
  contextFromTraceparent,
  openSpan,
  type SpanScope,
} from '@salur/platform';
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

/** A decoded message whose type this group handles. */
interface PreparedEvent {
  readonly message: IncomingMessage;
  readonly envelope: EventEnvelope<unknown, EventType>;
  readonly handler: EventHandler;
  /** Tries that failed before this delivery (0 on a message's first delivery). */
  readonly failedBefore: number;
  readonly started: number;
}

/** A prepared event whose data passed its contract. */
interface ValidEvent extends PreparedEvent {
  readonly event: EventEnvelope;
}

/** A handler failed inside a batch's transaction: the event at `index` of the batch. */
class BatchHandlerError extends Error {
  override readonly name = 'BatchHandlerError';

  constructor(
    readonly index: number,
    override readonly cause: unknown,
  ) {
    super(`handler failed for event ${index} of the batch`);
  }
}

/** Tries that failed before this delivery, and when it may be tried again (0: at once). */
function deliveryState(message: IncomingMessage): { failedBefore: number; notBefore: number } {
  return {
    failedBefore: Number(message.headers[FailureHeaders.attempts] ?? 0) || 0,
    notBefore: Number(message.headers[FailureHeaders.notBefore] ?? 0) || 0,
  };
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
    const { failedBefore, notBefore } = deliveryState(message);
    if (notBefore > Date.now() && !(await this.waitUntil(notBefore, controls))) return false;
    const prepared = await this.prepare(message, failedBefore, started);
    if (prepared) await this.handleAlone(prepared, controls);
    return true;
  }

  /**
   * Handles consecutive messages of one partition, in order, as `process` would one by one, but
   * with the fresh events of the batch in one transaction: one inbox insert, the handlers in
   * order, one outbox insert, one commit. When a handler fails, what came before it is handled
   * together again, the failing event alone (retry topic, dead letter), and what came after it
   * together. Redelivered events (from a retry topic) are handled alone. Resolves to how many
   * messages, from the first, are done; fewer than all only when the consumer is stopping.
   */
  async processBatch(
    messages: readonly IncomingMessage[],
    controls: DeliveryControls,
  ): Promise<number> {
    let done = 0;
    let run: PreparedEvent[] = [];
    const flush = async (): Promise<void> => {
      if (run.length > 0) await this.handleTogether(run, controls);
      run = [];
    };
    for (const [index, message] of messages.entries()) {
      if (!controls.isActive()) break;
      const { failedBefore, notBefore } = deliveryState(message);
      if (failedBefore > 0 || notBefore > 0) {
        await flush();
        if (!(await this.process(message, controls))) return done;
        done = index + 1;
        continue;
      }
      const prepared = await this.prepare(message, 0, Date.now());
      if (prepared) run.push(prepared);
      done = index + 1;
    }
    await flush();
    return done;
  }

  /**
   * Decodes and validates a message; dead-letters what cannot be handled and skips types without
   * a handler (both resolve to undefined); otherwise, what the handler needs.
   */
  private async prepare(
    message: IncomingMessage,
    failedBefore: number,
    started: number,
  ): Promise<PreparedEvent | undefined> {
    let envelope: EventEnvelope;
    try {
      envelope = decodeEvent(message);
      validateEnvelope(envelope);
    } catch (error) {
      await this.deadLetter(message, 'undecodable', error, failedBefore);
      this.observe('dead-lettered', headerOf(message, 'ce_type') ?? 'unknown', started);
      return undefined;
    }
    const handler = this.options.handlers.get(envelope.type);
    if (!handler) {
      this.observe('ignored', envelope.type, started);
      return undefined;
    }
    return { message, envelope, handler, failedBefore, started };
  }

  /** One event in its own transaction, with its retry or dead letter when the handler fails. */
  private async handleAlone(prepared: PreparedEvent, controls: DeliveryControls): Promise<void> {
    const scope = this.consumerScope(prepared);
    let outcome: ProcessingOutcome;
    try {
      outcome = await scope.run(() =>
        this.handle(
          prepared.message,
          prepared.envelope,
          prepared.handler,
          prepared.failedBefore,
          controls,
        ),
      );
    } catch (error) {
      scope.span.recordException(error instanceof Error ? error : String(error));
      scope.span.setStatus({ code: SpanStatusCode.ERROR, message: describe(error) });
      scope.span.end();
      throw error;
    }
    this.finish(prepared, scope, outcome);
  }

  /**
   * The event's consumer span, a child of its producer span: the handler's log lines, its queries
   * and the events it writes run in it, so they belong to the same trace.
   */
  private consumerScope(prepared: PreparedEvent): SpanScope {
    const { message, envelope } = prepared;
    const { name, options } = consumerSpan(
      {
        topic: this.originalTopic(message),
        type: envelope.type,
        id: envelope.id,
        subject: envelope.subject,
      },
      this.options.groupId,
    );
    const scope = openSpan(name, {
      ...options,
      parent: contextFromTraceparent(envelope.traceparent),
    });
    scope.run(() => {
      annotateComplaint(envelope.subject);
    });
    return scope;
  }

  /** Records the event's outcome: span attribute and status, metric, one log line; ends the span. */
  private finish(prepared: PreparedEvent, scope: SpanScope, outcome: ProcessingOutcome): void {
    const { envelope, failedBefore, started } = prepared;
    scope.span.setAttribute('salur.event.outcome', outcome);
    if (outcome === 'retry-scheduled' || outcome === 'dead-lettered') {
      scope.span.setStatus({ code: SpanStatusCode.ERROR, message: `event ${outcome}` });
    }
    this.observe(outcome, envelope.type, started);
    // One line per handled event, carrying the trace and complaint ids like every line here.
    scope.run(() => {
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
    });
    scope.span.end();
  }

  /**
   * Fresh events of one partition, in order, in one transaction. Events whose data is invalid are
   * dead-lettered first (they never reach a handler). If a handler fails, the transaction rolls
   * back and the batch is split around that event; if the transaction fails elsewhere (the inbox
   * insert, the outbox insert, the commit), every event is handled alone.
   */
  private async handleTogether(
    events: readonly PreparedEvent[],
    controls: DeliveryControls,
  ): Promise<void> {
    const valid: ValidEvent[] = [];
    for (const prepared of events) {
      try {
        const data = validateEventData(prepared.envelope.type, prepared.envelope.data);
        valid.push({ ...prepared, event: { ...prepared.envelope, data } });
      } catch (error) {
        const scope = this.consumerScope(prepared);
        await scope.run(() =>
          this.deadLetter(prepared.message, 'invalid-event', error, prepared.failedBefore),
        );
        this.finish(prepared, scope, 'dead-lettered');
      }
    }
    await this.handleValidTogether(valid, controls);
  }

  private async handleValidTogether(
    events: readonly ValidEvent[],
    controls: DeliveryControls,
  ): Promise<void> {
    if (events.length === 0) return;
    if (events.length === 1) {
      await this.handleAlone(events[0], controls);
      return;
    }
    const scopes = events.map((prepared) => this.consumerScope(prepared));
    let outcomes: ProcessingOutcome[];
    try {
      outcomes = await this.withHeartbeat(controls, () => this.transactBatch(events, scopes));
    } catch (error) {
      if (error instanceof BatchHandlerError) {
        // The failing handler's try counts as the event's first: it goes to its retry topic (or
        // dead-letter topic) as if handled alone. The others are handled again, in new spans.
        const failing = events[error.index];
        const failingScope = scopes[error.index];
        scopes.forEach((scope, i) => {
          if (i !== error.index) this.rolledBack(scope);
        });
        await this.handleValidTogether(events.slice(0, error.index), controls);
        const outcome = await failingScope.run(() =>
          this.failed(failing.message, error.cause, failing.failedBefore + 1),
        );
        this.finish(failing, failingScope, outcome);
        await this.handleValidTogether(events.slice(error.index + 1), controls);
      } else {
        for (const scope of scopes) this.rolledBack(scope);
        this.options.logger.warn(
          { err: error, events: events.length },
          'batch transaction failed; handling its events one by one',
        );
        for (const prepared of events) await this.handleAlone(prepared, controls);
      }
      return;
    }
    events.forEach((prepared, i) => {
      this.finish(prepared, scopes[i], outcomes[i]);
    });
  }

  /** A span of a batch that rolled back: its event is handled again, in a new span. */
  private rolledBack(scope: SpanScope): void {
    scope.span.setAttribute('salur.event.outcome', 'rolled-back');
    scope.span.end();
  }

  /**
   * The batch's transaction: one inbox insert for all its events, each fresh event's handler in
   * order (in its own consumer span), one outbox insert for every event they publish. Rejects
   * with a BatchHandlerError naming the event whose handler failed.
   */
  private transactBatch(
    events: readonly ValidEvent[],
    scopes: readonly SpanScope[],
  ): Promise<ProcessingOutcome[]> {
    return this.options.dataSource.transaction(async (manager) => {
      const inserted: { event_id: string }[] = await manager.query(
        `INSERT INTO ${this.inboxTable} (consumer_group, event_id, event_type)
         SELECT $1, * FROM unnest($2::uuid[], $3::text[])
         ON CONFLICT DO NOTHING RETURNING event_id`,
        [this.options.groupId, events.map((e) => e.event.id), events.map((e) => e.event.type)],
      );
      const fresh = new Set(inserted.map((row) => row.event_id));
      const outbox = this.options.outbox.deferred(manager);
      const tx: TransactionScope = {
        manager,
        publish: (...published) => Promise.resolve(outbox.append(published)),
      };
      const context: HandlerContext = { tx, groupId: this.options.groupId, attempt: 1 };
      const outcomes: ProcessingOutcome[] = [];
      for (const [index, prepared] of events.entries()) {
        // The inbox holds one row per event id: a repeat inside the batch is a duplicate too.
        if (!fresh.delete(prepared.event.id)) {
          outcomes.push('duplicate');
          continue;
        }
        try {
          await scopes[index].run(() => prepared.handler(prepared.event, context));
        } catch (error) {
          throw new BatchHandlerError(index, error);
        }
        outcomes.push('processed');
      }
      await outbox.flush();
      return outcomes;
    });
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
      return this.failed(message, error, attempt);
    }
  }

  /** Try `attempt` of the message's event failed: a retry with a due time, or a dead letter. */
  private async failed(
    message: IncomingMessage,
    error: unknown,
    attempt: number,
  ): Promise<ProcessingOutcome> {
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
