import { AsyncLocalStorage } from 'node:async_hooks';
import { continueTrace, formatTraceparent, type Traceparent } from './traceparent';

/**
 * The trace the current unit of work (an HTTP request, a Kafka event) belongs to, carried through
 * async calls by AsyncLocalStorage so that loggers and producers find it without it being passed
 * around. HTTP requests enter it in a Fastify hook; the messaging lib enters it per event.
 */
const storage = new AsyncLocalStorage<Traceparent>();

/**
 * Runs `fn` in the trace of `traceparent` (continued with a new span id), or in a new trace when
 * it is missing or invalid. Accepts a parsed trace as well, to re-enter a context already chosen.
 */
export function runWithTrace<T>(
  traceparent: string | Traceparent | undefined | null,
  fn: () => T,
): T {
  const trace =
    typeof traceparent === 'object' && traceparent !== null
      ? traceparent
      : continueTrace(traceparent);
  return storage.run(trace, fn);
}

/** The trace of the current unit of work, if any. */
export function currentTrace(): Traceparent | undefined {
  return storage.getStore();
}

/** The `traceparent` to propagate from the current unit of work (HTTP call, Kafka header), if any. */
export function currentTraceparent(): string | undefined {
  const trace = storage.getStore();
  return trace ? formatTraceparent(trace) : undefined;
}
