import type { EventHandler } from './event-processor';

/**
 * Test-only fault injection: `<event type>:<text>` makes this service's handler of that event type
 * throw for every event whose data contains the text (e.g. a marker in one complaint's title), so
 * that event goes through the retry topic to the dead-letter topic. Honoured only with
 * NODE_ENV=test; any other environment refuses to start with it set.
 */
export const HANDLER_FAULT_VARIABLE = 'SALUR_FAULT_FAIL_HANDLER';

export interface HandlerFault {
  readonly type: string;
  readonly text: string;
}

/** Reads and checks the variable; throws naming it when it is malformed or not allowed here. */
export function handlerFaultFromEnv(
  env: NodeJS.ProcessEnv,
  nodeEnv: string,
): HandlerFault | undefined {
  const value = env[HANDLER_FAULT_VARIABLE];
  if (value === undefined || value === '') return undefined;
  if (nodeEnv !== 'test') {
    throw new Error(`${HANDLER_FAULT_VARIABLE} is a test-only fault and needs NODE_ENV=test`);
  }
  const separator = value.indexOf(':');
  const type = value.slice(0, separator);
  const text = value.slice(separator + 1);
  if (separator <= 0 || text === '' || !/^[a-z0-9.-]+$/.test(type)) {
    throw new Error(`${HANDLER_FAULT_VARIABLE} must be <event type>:<text>, got ${value}`);
  }
  return { type, text };
}

/** The handler, made to fail for the events the fault names. */
export function withHandlerFault(
  type: string,
  handler: EventHandler,
  fault: HandlerFault | undefined,
): EventHandler {
  if (fault?.type !== type) return handler;
  return (event, context) =>
    JSON.stringify(event.data).includes(fault.text)
      ? Promise.reject(new Error(`${HANDLER_FAULT_VARIABLE}: injected failure for ${event.id}`))
      : handler(event, context);
}
