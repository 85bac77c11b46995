import { SpanKind } from '@opentelemetry/api';
import {
  InMemorySpanExporter,
  SimpleSpanProcessor,
  type ReadableSpan,
} from '@opentelemetry/sdk-trace';
import { sampleEvent, type EventType, type NewEvent } from '@salur/contracts';
import {
  createStandaloneLogger,
  installTracing,
  runInSpan,
  type TracingHandle,
} from '@salur/platform';
import { Writable } from 'node:stream';
import type { DataSource, EntityManager } from 'typeorm';
import type { IncomingMessage, OutgoingMessage } from '../broker/message-broker';
import { OutboxWriter } from '../outbox/outbox-writer';
import { DEFAULT_RETRY_POLICY } from './retry-policy';
import { EventProcessor, type EventHandler } from './event-processor';

/**
 * The messaging seams with the OpenTelemetry SDK's in-memory exporter: an event written to the
 * outbox is a producer span whose context the event carries as `traceparent`; handling it is a
 * consumer span, child of that producer span, and what the handler publishes continues the trace.
 * Postgres is not involved here: the outbox rows are read back from the statements issued.
 */
describe('tracing through the outbox and the consumer', () => {
  let exporter: InMemorySpanExporter;
  let tracing: TracingHandle;

  beforeEach(() => {
    // A fresh exporter each time: shutting tracing down shuts its exporter down too.
    exporter = new InMemorySpanExporter();
    tracing = installTracing({
      serviceName: 'messaging-test',
      spanProcessors: [new SimpleSpanProcessor({ exporter })],
    });
  });

  afterEach(() => tracing.shutdown());

  function newEvent(type: EventType): NewEvent<unknown, EventType> {
    const { subject, agency, region, data } = sampleEvent(type);
    return { type, subject, data, ...(agency ? { agency } : {}), ...(region ? { region } : {}) };
  }

  /** A manager that keeps the outbox rows written through it, as the relay would publish them. */
  function recordingManager(): { manager: EntityManager; rows: OutgoingMessage[] } {
    const rows: OutgoingMessage[] = [];
    const manager = {
      query: (sql: string, parameters: unknown[] = []): Promise<unknown[]> => {
        if (sql.includes('.outbox')) {
          const [, , topics, keys, headers, payloads] = parameters as string[][];
          topics.forEach((topic, i) => {
            rows.push({
              topic,
              key: keys[i],
              headers: JSON.parse(headers[i]) as Record<string, string>,
              value: Buffer.from(payloads[i], 'utf8'),
            });
          });
        }
        // The inbox insert answers one row: the event is new to the group.
        return Promise.resolve(sql.includes('.inbox') ? [{ event_id: 'x' }] : []);
      },
    } as unknown as EntityManager;
    return { manager, rows };
  }

  function spanNamed(name: string): ReadableSpan {
    const span = exporter.getFinishedSpans().find((s) => s.name === name);
    if (!span) {
      const names = exporter.getFinishedSpans().map((s) => s.name);
      throw new Error(`no span ${name}; finished: ${names.join(', ')}`);
    }
    return span;
  }

  it('makes the outbox event a producer span, child of the work that wrote it', async () => {
    const outbox = new OutboxWriter({ schema: 'intake', source: '/salur/intake' });
    const { manager, rows } = recordingManager();
    await runInSpan('POST /v1/complaints', { kind: SpanKind.SERVER }, () =>
      outbox.append(manager, [newEvent('salur.complaint.submitted.v1')]),
    );

    const request = spanNamed('POST /v1/complaints');
    const producer = spanNamed('create salur.intake.v1');
    expect(producer.kind).toBe(SpanKind.PRODUCER);
    expect(producer.spanContext().traceId).toBe(request.spanContext().traceId);
    expect(producer.parentSpanContext?.spanId).toBe(request.spanContext().spanId);
    expect(producer.attributes).toMatchObject({
      'messaging.system': 'kafka',
      'messaging.destination.name': 'salur.intake.v1',
      'cloudevents.event_type': 'salur.complaint.submitted.v1',
      'salur.complaint.id': rows[0]?.key,
    });
    // The row the relay publishes carries the producer span as the Kafka `traceparent` header.
    const { traceId, spanId } = producer.spanContext();
    expect(rows[0]?.headers.traceparent).toBe(`00-${traceId}-${spanId}-01`);
    expect(producer.attributes['messaging.message.id']).toBe(rows[0]?.headers.ce_id);
  });

  it('handles an event in a consumer span that continues the producer trace, logs and all', async () => {
    const outbox = new OutboxWriter({ schema: 'routing', source: '/salur/routing' });
    const submitted = recordingManager();
    await new OutboxWriter({ schema: 'intake', source: '/salur/intake' }).append(
      submitted.manager,
      [newEvent('salur.complaint.submitted.v1')],
    );
    const published = submitted.rows[0];

    const logged: string[] = [];
    const logger = createStandaloneLogger(
      'routing',
      'info',
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          logged.push(chunk.toString('utf8'));
          done();
        },
      }),
    );
    const routed = recordingManager();
    const handler: EventHandler = async (_event, context) => {
      logger.info('routing the complaint');
      await context.tx.publish(newEvent('salur.complaint.routed.v1'));
    };
    const processor = new EventProcessor({
      groupId: 'salur-routing',
      schema: 'routing',
      dataSource: {
        transaction: (work: (manager: EntityManager) => Promise<unknown>) => work(routed.manager),
      } as unknown as DataSource,
      outbox,
      producer: { send: () => Promise.resolve(), disconnect: () => Promise.resolve() },
      logger,
      handlers: new Map([['salur.complaint.submitted.v1', handler]]),
      retry: DEFAULT_RETRY_POLICY,
    });
    const message: IncomingMessage = { ...published, partition: 0, offset: '0', timestamp: 0 };
    await processor.process(message, {
      heartbeat: () => Promise.resolve(),
      isActive: () => true,
    });

    const producer = spanNamed('create salur.intake.v1');
    const consumer = spanNamed('process salur.intake.v1');
    const next = spanNamed('create salur.complaints.v1');
    const traceId = producer.spanContext().traceId;
    expect(consumer.kind).toBe(SpanKind.CONSUMER);
    expect(consumer.spanContext().traceId).toBe(traceId);
    expect(consumer.parentSpanContext?.spanId).toBe(producer.spanContext().spanId);
    expect(consumer.attributes).toMatchObject({
      'messaging.consumer.group.name': 'salur-routing',
      'salur.event.outcome': 'processed',
      'salur.complaint.id': published.key,
    });
    expect(next.spanContext().traceId).toBe(traceId);
    expect(next.parentSpanContext?.spanId).toBe(consumer.spanContext().spanId);
    expect(routed.rows[0]?.headers.traceparent).toBe(
      `00-${traceId}-${next.spanContext().spanId}-01`,
    );

    // The handler's own line and the one line per handled event carry trace and complaint.
    const lines = logged.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.msg)).toEqual(['routing the complaint', 'event handled']);
    for (const line of lines) {
      expect(line).toMatchObject({
        trace_id: traceId,
        span_id: consumer.spanContext().spanId,
        complaintId: published.key,
      });
    }
    expect(lines[1]).toMatchObject({
      eventType: 'salur.complaint.submitted.v1',
      outcome: 'processed',
    });
  });

  it('starts a new trace for an event that arrives without a traceparent', async () => {
    const { manager, rows } = recordingManager();
    await new OutboxWriter({ schema: 'intake', source: '/salur/intake' }).append(manager, [
      newEvent('salur.complaint.submitted.v1'),
    ]);
    const producer = spanNamed('create salur.intake.v1');
    expect(producer.parentSpanContext).toBeUndefined();
    expect(rows[0]?.headers.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
  });
});
