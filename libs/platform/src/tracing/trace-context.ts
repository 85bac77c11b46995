import {
  context,
  createContextKey,
  defaultTextMapGetter,
  isSpanContextValid,
  ROOT_CONTEXT,
  SpanStatusCode,
  trace,
  TraceFlags,
  type Context,
  type Span,
  type SpanContext,
  type SpanOptions,
} from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { salurTracer } from './tracing';
import { continueTrace, formatTraceparent, type Traceparent } from './traceparent';

/**
 * The trace the current unit of work (an HTTP request, a Kafka event, a scheduler batch) belongs
 * to is OpenTelemetry's active context, carried through async calls by AsyncLocalStorage, so that
 * loggers and producers find it without it being passed around. HTTP requests enter it in a
 * Fastify hook; the messaging lib enters a consumer span per event.
 */

/** Used directly rather than through the global API: extraction must work before setup, too. */
const propagator = new W3CTraceContextPropagator();

/** `base` with the remote parent a `traceparent` names; `base` itself when it is missing or invalid. */
export function contextFromTraceparent(
  traceparent: string | undefined | null,
  base: Context = ROOT_CONTEXT,
): Context {
  if (typeof traceparent !== 'string' || traceparent === '') return base;
  return propagator.extract(base, { traceparent }, defaultTextMapGetter);
}

/** The `traceparent` that makes the receiver a child of `span`; undefined for an invalid span. */
export function traceparentOf(span: Span | SpanContext | undefined): string | undefined {
  const trace = traceOf(span);
  return trace ? formatTraceparent(trace) : undefined;
}

/** The ids of `span` in the `Traceparent` shape logs and problem details use. */
export function traceOf(span: Span | SpanContext | undefined): Traceparent | undefined {
  const spanContext = span && 'spanContext' in span ? span.spanContext() : span;
  if (!spanContext || !isSpanContextValid(spanContext)) return undefined;
  return {
    traceId: spanContext.traceId,
    spanId: spanContext.spanId,
    flags: (spanContext.traceFlags & TraceFlags.SAMPLED) !== 0 ? '01' : '00',
  };
}

/** The trace of the current unit of work, if any. */
export function currentTrace(): Traceparent | undefined {
  return traceOf(trace.getActiveSpan());
}

/** The `traceparent` to propagate from the current unit of work (HTTP call, Kafka header), if any. */
export function currentTraceparent(): string | undefined {
  return traceparentOf(trace.getActiveSpan());
}

export interface RunInSpanOptions extends SpanOptions {
  /** The parent; the active context when omitted. */
  readonly parent?: Context;
}

/**
 * Runs `fn` in a new span: active for everything `fn` calls and awaits, ended when `fn` returns or
 * its promise settles. A throw or rejection marks the span as failed and records the exception.
 */
export function runInSpan<T>(name: string, options: RunInSpanOptions, fn: (span: Span) => T): T {
  const { parent = context.active(), ...spanOptions } = options;
  const span = salurTracer().startSpan(name, spanOptions, parent);
  const failed = (error: unknown): never => {
    span.recordException(error instanceof Error ? error : String(error));
    span.setStatus({
      code: SpanStatusCode.ERROR,
      message: error instanceof Error ? error.message : String(error),
    });
    span.end();
    throw error;
  };
  let result: T;
  try {
    result = context.with(withLogFieldsHolder(trace.setSpan(parent, span)), () => fn(span));
  } catch (error) {
    return failed(error);
  }
  if (result instanceof Promise) {
    return result.then((value: unknown) => {
      span.end();
      return value;
    }, failed) as T;
  }
  span.end();
  return result;
}

/** A span left open by `openSpan`, and a way to run work in its context. */
export interface SpanScope {
  readonly span: Span;
  /** Runs `fn` in the span's context (its log fields holder included); does not end the span. */
  run<T>(fn: () => T): T;
}

/**
 * Opens a span (a child of `parent`, else of the active context) that the caller ends: for a unit
 * of work whose outcome is known only later, such as an event handled in a batch that commits
 * after every handler has run.
 */
export function openSpan(name: string, options: RunInSpanOptions): SpanScope {
  const { parent = context.active(), ...spanOptions } = options;
  const span = salurTracer().startSpan(name, spanOptions, parent);
  const ctx = withLogFieldsHolder(trace.setSpan(parent, span));
  return { span, run: (fn) => context.with(ctx, fn) };
}

/**
 * Runs `fn` in the trace of `traceparent`, in a new span (`name`) that is its child, or in a new
 * trace when it is missing or invalid. Given a parsed trace instead, re-enters exactly that span
 * context (no new span), to come back to a context already chosen.
 */
export function runWithTrace<T>(
  traceparent: string | Traceparent | undefined | null,
  fn: () => T,
  name = 'unit of work',
): T {
  if (typeof traceparent === 'object' && traceparent !== null) {
    const entered = trace.wrapSpanContext({
      traceId: traceparent.traceId,
      spanId: traceparent.spanId,
      traceFlags: traceparent.flags === '01' ? TraceFlags.SAMPLED : TraceFlags.NONE,
    });
    return context.with(withLogFieldsHolder(trace.setSpan(context.active(), entered)), fn);
  }
  return runInSpan(name, { parent: contextFromTraceparent(traceparent) }, () => fn());
}

/**
 * A span context with fresh ids continuing `traceparent`, that records nothing: for work that is
 * not worth a span (health probes, metric scrapes) but whose log lines still want ids.
 */
export function untracedSpan(traceparent: string | undefined): Span {
  const ids = continueTrace(traceparent);
  return trace.wrapSpanContext({
    traceId: ids.traceId,
    spanId: ids.spanId,
    traceFlags: ids.flags === '01' ? TraceFlags.SAMPLED : TraceFlags.NONE,
  });
}

// Log fields of the unit of work --------------------------------------------------------------

const LOG_FIELDS = createContextKey('salur.log-fields');

/** Fields every log line of one unit of work carries, besides the trace ids (e.g. `complaintId`). */
export interface LogFields {
  complaintId?: string;
}

/**
 * `ctx` with a fresh, mutable holder of log fields for one unit of work, inheriting what the
 * enclosing one knew. Mutable on purpose: a use case learns the complaint id halfway through (a
 * submission creates it) and later log lines of the same request should carry it.
 */
export function withLogFieldsHolder(ctx: Context): Context {
  const inherited = ctx.getValue(LOG_FIELDS) as LogFields | undefined;
  return ctx.setValue(LOG_FIELDS, { ...inherited });
}

/** The log fields of the current unit of work (empty outside one). */
export function currentLogFields(): Readonly<LogFields> {
  return logFieldsOf(context.active());
}

export function logFieldsOf(ctx: Context): Readonly<LogFields> {
  return (ctx.getValue(LOG_FIELDS) as LogFields | undefined) ?? {};
}

/**
 * Says which complaint the current unit of work is about: later log lines carry `complaintId`, and
 * the active span the attribute `salur.complaint.id`.
 */
export function annotateComplaint(complaintId: string, ctx: Context = context.active()): void {
  const fields = ctx.getValue(LOG_FIELDS) as LogFields | undefined;
  if (fields) fields.complaintId = complaintId;
  trace.getSpan(ctx)?.setAttribute(COMPLAINT_ID_ATTRIBUTE, complaintId);
}

export const COMPLAINT_ID_ATTRIBUTE = 'salur.complaint.id';
