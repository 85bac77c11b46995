import { Writable } from 'node:stream';
import { Controller, Get, Module, Param } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import {
  InMemorySpanExporter,
  SimpleSpanProcessor,
  type ReadableSpan,
} from '@opentelemetry/sdk-trace';
import { Logger } from 'nestjs-pino';
import { PlatformModule } from '../bootstrap/platform.module';
import { requestTrace, type RawRequest } from './request-trace';
import { currentTraceparent, runInSpan } from './trace-context';
import { installTracing, type TracingHandle } from './tracing';

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const PARENT_SPAN = '00f067aa0ba902b7';
const COMPLAINT = '0b4e2f8e-7f5e-4b53-9a39-5d3f8c1d2a10';

@Controller('v1/complaints')
class ComplaintsController {
  @Get(':id/echo')
  echo(@Param('id') _id: string): { traceparent: string | undefined } {
    // A span of our own inside the handler: a child of the request's server span.
    return runInSpan('look up', {}, () => ({ traceparent: currentTraceparent() }));
  }

  @Get(':id/boom')
  boom(): never {
    throw new Error('boom');
  }
}

@Module({ controllers: [ComplaintsController] })
class TestModule {}

/**
 * The HTTP seam with the OpenTelemetry SDK's in-memory exporter: each request is a server span,
 * child of an incoming `traceparent`, named after its route; handlers run inside it, and its log
 * lines carry its trace id and, on a complaint's resource, the complaint id.
 */
describe('HTTP server spans', () => {
  let exporter: InMemorySpanExporter;
  let tracing: TracingHandle;
  let app: NestFastifyApplication;
  const lines: Record<string, unknown>[] = [];

  beforeAll(async () => {
    exporter = new InMemorySpanExporter();
    tracing = installTracing({
      serviceName: 'http-test',
      spanProcessors: [new SimpleSpanProcessor({ exporter })],
    });
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(JSON.parse(chunk.toString('utf8')) as Record<string, unknown>);
        done();
      },
    });
    app = await NestFactory.create<NestFastifyApplication>(
      {
        module: TestModule,
        imports: [
          PlatformModule.forRoot({
            service: 'http-test',
            logLevel: 'info',
            logDestination: destination,
          }),
        ],
      },
      new FastifyAdapter({
        logger: false,
        genReqId: (request: RawRequest) => requestTrace(request).spanId,
      }),
      { bufferLogs: true },
    );
    app.useLogger(app.get(Logger));
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });

  afterAll(async () => {
    await app.close();
    await tracing.shutdown();
  });

  beforeEach(() => {
    exporter.reset();
    lines.length = 0;
  });

  function serverSpan(): ReadableSpan {
    const spans = exporter.getFinishedSpans().filter((s) => s.kind === SpanKind.SERVER);
    expect(spans).toHaveLength(1);
    return spans[0];
  }

  it('continues the caller trace in a server span named after the route', async () => {
    const response = await app.inject({
      method: 'GET',
      url: `/v1/complaints/${COMPLAINT}/echo`,
      headers: { traceparent: `00-${TRACE_ID}-${PARENT_SPAN}-01` },
    });
    expect(response.statusCode).toBe(200);

    const server = serverSpan();
    expect(server.name).toBe('GET /v1/complaints/:id/echo');
    expect(server.spanContext().traceId).toBe(TRACE_ID);
    expect(server.parentSpanContext?.spanId).toBe(PARENT_SPAN);
    expect(server.attributes).toMatchObject({
      'http.request.method': 'GET',
      'http.route': '/v1/complaints/:id/echo',
      'http.response.status_code': 200,
      'url.path': `/v1/complaints/${COMPLAINT}/echo`,
      'salur.complaint.id': COMPLAINT,
    });

    const inner = exporter.getFinishedSpans().find((s) => s.name === 'look up');
    expect(inner?.parentSpanContext?.spanId).toBe(server.spanContext().spanId);
    expect(inner?.spanContext().traceId).toBe(TRACE_ID);
    const { traceparent } = response.json<{ traceparent: string }>();
    expect(traceparent).toBe(`00-${TRACE_ID}-${inner?.spanContext().spanId}-01`);

    const completed = lines.find((l) => l.msg === 'request completed');
    expect(completed).toMatchObject({
      trace_id: TRACE_ID,
      span_id: server.spanContext().spanId,
      complaintId: COMPLAINT,
    });
  });

  it('starts a new trace without a traceparent and marks 5xx answers as failed', async () => {
    const response = await app.inject({ method: 'GET', url: `/v1/complaints/${COMPLAINT}/boom` });
    expect(response.statusCode).toBe(500);
    const server = serverSpan();
    expect(server.parentSpanContext).toBeUndefined();
    expect(server.spanContext().traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(server.status.code).toBe(SpanStatusCode.ERROR);
    expect(response.json<{ traceId: string }>().traceId).toBe(server.spanContext().traceId);
    for (const line of lines.filter((l) => l.trace_id !== undefined)) {
      expect(line.trace_id).toBe(server.spanContext().traceId);
    }
  });

  it('keeps probes and scrapes out of the traces', async () => {
    const response = await app.inject({ method: 'GET', url: '/health/live' });
    expect(response.statusCode).toBe(200);
    expect(exporter.getFinishedSpans()).toEqual([]);
  });
});
