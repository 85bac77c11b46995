import type { IncomingHttpHeaders } from 'node:http';
import { SpanKind, SpanStatusCode, trace, type Context, type Span } from '@opentelemetry/api';
import {
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_HTTP_ROUTE,
  ATTR_URL_PATH,
  ATTR_URL_SCHEME,
} from '@opentelemetry/semantic-conventions';
import { QUIET_PATHS, requestPath } from '../http/request-path';
import {
  contextFromTraceparent,
  logFieldsOf,
  traceOf,
  untracedSpan,
  withLogFieldsHolder,
  type LogFields,
} from './trace-context';
import { salurTracer } from './tracing';
import type { Traceparent } from './traceparent';

/**
 * The raw request as Node's server and Fastify's `inject()` hand it over; structural, so both fit.
 */
export interface RawRequest {
  readonly headers: IncomingHttpHeaders;
  readonly method?: string;
  readonly url?: string;
}

interface RequestTracing {
  readonly span: Span;
  readonly context: Context;
  readonly trace: Traceparent;
  ended: boolean;
}

const requests = new WeakMap<RawRequest, RequestTracing>();

/**
 * The server span of an HTTP request, started once per request, as a child of its `traceparent`
 * header when there is a valid one. Keyed by the raw request, because Fastify's request id, the
 * logger middleware, the Fastify hooks and the exception filter each see the request at a
 * different moment and must agree on the same ids. Probes and scrapes get ids but no span.
 */
function tracingOf(request: RawRequest): RequestTracing {
  let tracing = requests.get(request);
  if (!tracing) {
    const header = request.headers.traceparent;
    const incoming = Array.isArray(header) ? header[0] : header;
    const parent = contextFromTraceparent(incoming);
    const method = request.method ?? 'GET';
    const path = requestPath(request.url);
    const span = QUIET_PATHS.includes(path)
      ? untracedSpan(incoming)
      : salurTracer().startSpan(
          method,
          {
            kind: SpanKind.SERVER,
            attributes: {
              [ATTR_HTTP_REQUEST_METHOD]: method,
              // The path only: a query string may carry credentials (Open311's api_key).
              [ATTR_URL_PATH]: path,
              [ATTR_URL_SCHEME]: 'http',
            },
          },
          parent,
        );
    tracing = {
      span,
      context: withLogFieldsHolder(trace.setSpan(parent, span)),
      trace: traceOf(span) as Traceparent,
      ended: false,
    };
    requests.set(request, tracing);
  }
  return tracing;
}

/** The trace ids of an HTTP request: its server span's. */
export function requestTrace(request: RawRequest): Traceparent {
  return tracingOf(request).trace;
}

/** The context a request's work runs in: its server span, and its log fields. */
export function requestContext(request: RawRequest): Context {
  return tracingOf(request).context;
}

/** The log fields of a request (read by its completion line, written outside its context). */
export function requestLogFields(request: RawRequest): Readonly<LogFields> {
  return logFieldsOf(tracingOf(request).context);
}

/**
 * Ends the request's span with its outcome: named `<METHOD> <route>` once the route is known,
 * failed for 5xx answers and for requests the client gave up on.
 */
export function endRequestSpan(
  request: RawRequest,
  outcome: { readonly statusCode?: number; readonly route?: string; readonly aborted?: boolean },
): void {
  const tracing = tracingOf(request);
  if (tracing.ended) return;
  tracing.ended = true;
  const { span } = tracing;
  if (outcome.route) {
    span.setAttribute(ATTR_HTTP_ROUTE, outcome.route);
    span.updateName(`${request.method ?? 'GET'} ${outcome.route}`);
  }
  if (outcome.statusCode !== undefined) {
    span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, outcome.statusCode);
    if (outcome.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
  }
  if (outcome.aborted) {
    span.setStatus({ code: SpanStatusCode.ERROR, message: 'the client aborted the request' });
  }
  span.end();
}
