import type { EventEnvelope } from '@salur/contracts';
import type { EventHandler, HandlerContext } from './event-processor';
import { handlerFaultFromEnv, HANDLER_FAULT_VARIABLE, withHandlerFault } from './handler-fault';

const routed = 'salur.complaint.routed.v1';

function event(type: string, title: string): EventEnvelope {
  return { id: `id-${title}`, type, data: { complaint: { title } } } as unknown as EventEnvelope;
}

describe('handler fault injection', () => {
  it('is off when the variable is unset or empty', () => {
    expect(handlerFaultFromEnv({}, 'production')).toBeUndefined();
    expect(handlerFaultFromEnv({ [HANDLER_FAULT_VARIABLE]: '' }, 'production')).toBeUndefined();
  });

  it('reads <event type>:<text> under NODE_ENV=test', () => {
    expect(handlerFaultFromEnv({ [HANDLER_FAULT_VARIABLE]: `${routed}:POISON:1` }, 'test')).toEqual(
      { type: routed, text: 'POISON:1' },
    );
  });

  it('refuses to run outside tests and names the variable', () => {
    expect(() =>
      handlerFaultFromEnv({ [HANDLER_FAULT_VARIABLE]: `${routed}:x` }, 'production'),
    ).toThrow(`${HANDLER_FAULT_VARIABLE} is a test-only fault and needs NODE_ENV=test`);
  });

  it.each(['no-separator', ':text', `${routed}:`, 'Bad Type:x'])('rejects %j', (value) => {
    expect(() => handlerFaultFromEnv({ [HANDLER_FAULT_VARIABLE]: value }, 'test')).toThrow(
      HANDLER_FAULT_VARIABLE,
    );
  });

  it('fails only the named type for events containing the text', async () => {
    const handled: string[] = [];
    const handler: EventHandler = (e) => {
      handled.push(e.id);
      return Promise.resolve();
    };
    const context = {} as HandlerContext;
    const fault = { type: routed, text: 'POISON' };
    const faulty = withHandlerFault(routed, handler, fault);
    await expect(faulty(event(routed, 'x POISON y'), context)).rejects.toThrow(
      'injected failure for id-x POISON y',
    );
    await faulty(event(routed, 'fine'), context);
    const other = withHandlerFault('salur.complaint.verified.v1', handler, fault);
    await other(event('salur.complaint.verified.v1', 'POISON'), context);
    expect(handled).toEqual(['id-fine', 'id-POISON']);
    expect(withHandlerFault(routed, handler, undefined)).toBe(handler);
  });
});
