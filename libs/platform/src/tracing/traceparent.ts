import { randomBytes } from 'node:crypto';

/**
 * A W3C Trace Context `traceparent` (https://www.w3.org/TR/trace-context/#traceparent-header),
 * version `00`: `00-<trace-id: 32 hex>-<parent-id: 16 hex>-<flags: 2 hex>`.
 */
export interface Traceparent {
  readonly traceId: string;
  /** The span this process is working in; propagated downstream as the parent-id. */
  readonly spanId: string;
  /** Trace flags as two hex digits; `01` means sampled. */
  readonly flags: string;
}

const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?$/;
const ALL_ZERO_TRACE = '0'.repeat(32);
const ALL_ZERO_SPAN = '0'.repeat(16);

/**
 * Reads a `traceparent` header value. Returns undefined for anything the spec says to ignore:
 * malformed values, version `ff`, all-zero ids, and version-00 values with trailing data.
 * A future version is accepted when its first four fields parse, as the spec asks.
 */
export function parseTraceparent(value: string | undefined | null): Traceparent | undefined {
  if (typeof value !== 'string') return undefined;
  const match = TRACEPARENT.exec(value.trim().toLowerCase());
  if (!match) return undefined;
  const [, version, traceId, spanId, flags, rest] = match as unknown as [
    string,
    string,
    string,
    string,
    string,
    string | undefined,
  ];
  if (version === 'ff') return undefined;
  if (version === '00' && rest !== undefined) return undefined;
  if (traceId === ALL_ZERO_TRACE || spanId === ALL_ZERO_SPAN) return undefined;
  return { traceId, spanId, flags };
}

export function formatTraceparent(trace: Traceparent): string {
  return `00-${trace.traceId}-${trace.spanId}-${trace.flags}`;
}

/** A random span id (8 bytes); the spec forbids all zeros, which 2^-64 odds make moot but cheap to rule out. */
export function newSpanId(): string {
  return nonZeroHex(8);
}

export function newTraceId(): string {
  return nonZeroHex(16);
}

/** Starts a new, sampled trace: `00-<32 hex>-<16 hex>-01`. */
export function newTraceparent(): string {
  return formatTraceparent({ traceId: newTraceId(), spanId: newSpanId(), flags: '01' });
}

/**
 * The span this process works in when it picks up work that arrived with `incoming` (an HTTP
 * request or a Kafka event): the same trace with a fresh span id, or a new trace when the incoming
 * value is missing or invalid, so that every log line still has a trace id to group by.
 */
export function continueTrace(incoming: string | undefined | null): Traceparent {
  const parent = parseTraceparent(incoming);
  if (!parent) return { traceId: newTraceId(), spanId: newSpanId(), flags: '01' };
  return { traceId: parent.traceId, spanId: newSpanId(), flags: parent.flags };
}

function nonZeroHex(bytes: number): string {
  for (;;) {
    const hex = randomBytes(bytes).toString('hex');
    if (!/^0+$/.test(hex)) return hex;
  }
}
