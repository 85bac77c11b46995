import { randomBytes } from 'node:crypto';
import { waitFor } from '@salur/testing';
import { HttpReceiver } from '../apps/notification/test/support/receivers';
import { SalurStack, type ServiceName } from './support/salur-stack';

/** A span as the services exported it over OTLP/HTTP (JSON), with the service that made it. */
interface ExportedSpan {
  readonly service: string;
  readonly traceId: string;
  readonly spanId: string;
  readonly parentSpanId: string;
  readonly name: string;
  readonly kind: number;
}

interface OtlpAttribute {
  readonly key: string;
  readonly value: { readonly stringValue?: string };
}

interface OtlpExport {
  readonly resourceSpans: {
    readonly resource: { readonly attributes: OtlpAttribute[] };
    readonly scopeSpans: {
      readonly spans: Omit<ExportedSpan, 'service'>[];
    }[];
  }[];
}

/** OTLP span kinds. */
const SERVER = 2;
const CLIENT = 3;
const PRODUCER = 4;
const CONSUMER = 5;

/**
 * One complaint, one trace: the four services run as processes with the OTLP/HTTP exporter aimed
 * at a receiver on 127.0.0.1; a channel submits a complaint with its own `traceparent`, and every
 * span of intake, routing, sla and notification that its journey to "routed, clock started,
 * agency webhook delivered" made belongs to that trace, linked parent to child across HTTP and
 * Kafka.
 */
describe('tracing across the services', () => {
  let stack: SalurStack;
  let otlp: HttpReceiver;
  let agencyHook: HttpReceiver;
  const cleanups: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    otlp = await HttpReceiver.start();
    cleanups.push(() => otlp.close());
    agencyHook = await HttpReceiver.start();
    cleanups.push(() => agencyHook.close());
    stack = await SalurStack.start({
      WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
      OTEL_TRACES_EXPORTER: 'otlp',
      OTEL_EXPORTER_OTLP_ENDPOINT: otlp.url(''),
    });
    cleanups.push(() => stack.stop());
    const subscribed = await fetch(stack.url('notification', '/v1/subscriptions'), {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await stack.token({ roles: ['admin'] })}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        agency: 'pemda-64.71',
        url: agencyHook.url(),
        eventTypes: ['salur.complaint.routed.v1'],
      }),
    });
    expect(subscribed.status).toBe(201);
  });

  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  function exportedSpans(): ExportedSpan[] {
    return otlp.requests
      .filter((r) => r.path === '/v1/traces')
      .flatMap((r) => (JSON.parse(r.body) as OtlpExport).resourceSpans)
      .flatMap((rs) => {
        const service =
          rs.resource.attributes.find((a) => a.key === 'service.name')?.value.stringValue ?? '';
        return rs.scopeSpans.flatMap((ss) => ss.spans.map((span) => ({ ...span, service })));
      });
  }

  it('joins submit, route, SLA clock and webhook delivery in one trace', async () => {
    const traceId = randomBytes(16).toString('hex');
    const channelSpan = randomBytes(8).toString('hex');
    const submitted = await fetch(stack.url('intake', '/v1/complaints'), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        traceparent: `00-${traceId}-${channelSpan}-01`,
      },
      body: JSON.stringify({
        type: 'complaint',
        channel: 'web',
        title: 'Lampu jalan mati di Jl. MT Haryono',
        body: 'Sudah seminggu lampu jalan di depan sekolah mati, jalan gelap dan rawan kecelakaan.',
        category: 'infrastruktur',
        location: { regionCode: '64.71', address: 'Jl. MT Haryono, Balikpapan' },
        privacy: 'public',
        reporter: { name: 'Andi Saputra', email: 'andi@example.test' },
      }),
    });
    expect(submitted.status).toBe(202);

    // The agency's system receives the trace with the webhook.
    await waitFor(() => agencyHook.requests.length === 1, {
      timeoutMs: 60_000,
      description: 'the agency webhook to be delivered',
    });
    expect(agencyHook.requests[0]?.headers.traceparent).toMatch(
      new RegExp(`^00-${traceId}-[0-9a-f]{16}-01$`),
    );

    const inTrace = (): ExportedSpan[] => exportedSpans().filter((s) => s.traceId === traceId);
    const find = (
      service: ServiceName,
      kind: number,
      name: string,
      among = inTrace(),
    ): ExportedSpan[] =>
      among.filter((s) => s.service === service && s.kind === kind && s.name === name);
    const expected: [ServiceName, number, string][] = [
      ['intake', SERVER, 'POST /v1/complaints'],
      ['intake', PRODUCER, 'create salur.intake.v1'],
      ['routing', CONSUMER, 'process salur.intake.v1'],
      ['routing', PRODUCER, 'create salur.complaints.v1'],
      ['sla', CONSUMER, 'process salur.intake.v1'],
      ['sla', CONSUMER, 'process salur.complaints.v1'],
      ['sla', PRODUCER, 'create salur.sla.v1'],
      ['notification', CONSUMER, 'process salur.complaints.v1'],
      ['notification', CLIENT, 'POST'],
    ];
    // Spans are exported in batches, about a second after they end.
    await waitFor(
      () => expected.every(([service, kind, name]) => find(service, kind, name).length > 0),
      {
        timeoutMs: 30_000,
        description: `spans of the trace: ${expected.map((e) => `${e[0]} ${e[2]}`).join(', ')}`,
      },
    );

    const spans = inTrace();
    const byId = new Map(spans.map((s) => [s.spanId, s]));
    const parentOf = (span: ExportedSpan): ExportedSpan | undefined => byId.get(span.parentSpanId);

    // The request is the root within the services, a child of the channel's span.
    const matching = (service: ServiceName, kind: number, name: string): ExportedSpan[] =>
      find(service, kind, name, spans);
    const requests = matching('intake', SERVER, 'POST /v1/complaints');
    expect(requests).toHaveLength(1);
    const request = requests[0];
    expect(request.parentSpanId).toBe(channelSpan);
    // Every other span of the trace hangs off a span of the same trace: one connected tree.
    for (const span of spans) {
      if (span === request) continue;
      expect({ span: `${span.service} ${span.name}`, parent: parentOf(span)?.name }).toEqual({
        span: `${span.service} ${span.name}`,
        parent: expect.any(String),
      });
    }
    // Across Kafka a consumer span is the child of the producer span that wrote the event.
    const [intakeProducer] = matching('intake', PRODUCER, 'create salur.intake.v1');
    expect(parentOf(intakeProducer)).toBe(request);
    for (const service of ['routing', 'sla', 'notification'] as const) {
      const consumers = matching(service, CONSUMER, 'process salur.intake.v1');
      expect(consumers).toHaveLength(1);
      expect(parentOf(consumers[0])).toBe(intakeProducer);
    }
    for (const [service, kind, name] of [
      ['sla', CONSUMER, 'process salur.complaints.v1'],
      ['notification', CONSUMER, 'process salur.complaints.v1'],
    ] as const) {
      for (const consumer of matching(service, kind, name)) {
        expect(parentOf(consumer)).toMatchObject({ service: 'routing', kind: PRODUCER });
      }
    }
    // The SLA clock's event was written while handling routing's event.
    for (const producer of matching('sla', PRODUCER, 'create salur.sla.v1')) {
      expect(parentOf(producer)).toMatchObject({ service: 'sla', kind: CONSUMER });
    }
    // The webhook request continues the routed event's trace, and the agency got its span id.
    const [webhook] = matching('notification', CLIENT, 'POST');
    expect(parentOf(webhook)).toMatchObject({
      service: 'routing',
      kind: PRODUCER,
      name: 'create salur.complaints.v1',
    });
    expect(agencyHook.requests[0]?.headers.traceparent).toBe(`00-${traceId}-${webhook.spanId}-01`);
  });
});
