import type { IncomingHttpHeaders } from 'node:http';
import { continueTrace, type Traceparent } from './traceparent';

/**
 * The raw request as Node's server and Fastify's `inject()` hand it over; structural, so both fit.
 */
export interface RawRequest {
  readonly headers: IncomingHttpHeaders;
  readonly method?: string;
  readonly url?: string;
}

const traces = new WeakMap<RawRequest, Traceparent>();

/**
 * The trace an HTTP request runs in, decided once per request from its `traceparent` header.
 * Keyed by the raw request, because the logger middleware, the Fastify hooks and the exception
 * filter each see the request at a different moment and must agree on the same ids.
 */
export function requestTrace(request: RawRequest): Traceparent {
  let trace = traces.get(request);
  if (!trace) {
    const header = request.headers.traceparent;
    trace = continueTrace(Array.isArray(header) ? header[0] : header);
    traces.set(request, trace);
  }
  return trace;
}
