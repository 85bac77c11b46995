import { currentTrace, currentTraceparent, runWithTrace } from './trace-context';
import { continueTrace, formatTraceparent, newTraceparent, parseTraceparent } from './traceparent';

const W3C_EXAMPLE = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
const FORMAT = /^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/;

describe('traceparent', () => {
  it('parses the W3C example and formats it back', () => {
    const parsed = parseTraceparent(W3C_EXAMPLE);
    expect(parsed).toEqual({
      traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
      spanId: '00f067aa0ba902b7',
      flags: '01',
    });
    expect(formatTraceparent(parsed!)).toBe(W3C_EXAMPLE);
  });

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['garbage', 'not-a-traceparent'],
    ['short trace id', '00-4bf92f3577b34da6a3ce929d0e0e473-00f067aa0ba902b7-01'],
    ['non-hex', '00-4bf92f3577b34da6a3ce929d0e0e473g-00f067aa0ba902b7-01'],
    ['all-zero trace id', `00-${'0'.repeat(32)}-00f067aa0ba902b7-01`],
    ['all-zero span id', `00-4bf92f3577b34da6a3ce929d0e0e4736-${'0'.repeat(16)}-01`],
    ['forbidden version ff', 'ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01'],
    ['version 00 with trailing data', `${W3C_EXAMPLE}-extra`],
  ])('ignores a %s value', (_case, value) => {
    expect(parseTraceparent(value)).toBeUndefined();
  });

  it('accepts a future version by its first four fields, and upper-case hex', () => {
    expect(
      parseTraceparent(`01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-future`),
    ).toMatchObject({
      traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
    });
    expect(parseTraceparent(W3C_EXAMPLE.toUpperCase())).toMatchObject({
      spanId: '00f067aa0ba902b7',
    });
  });

  it('generates sampled traceparents in the W3C format, each different', () => {
    const generated = new Set(Array.from({ length: 50 }, () => newTraceparent()));
    expect(generated.size).toBe(50);
    for (const value of generated) {
      expect(value).toMatch(FORMAT);
      expect(parseTraceparent(value)).toBeDefined();
    }
  });

  it('continues an incoming trace with a new span, keeping its flags', () => {
    const continued = continueTrace('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00');
    expect(continued.traceId).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
    expect(continued.spanId).toMatch(/^[0-9a-f]{16}$/);
    expect(continued.spanId).not.toBe('00f067aa0ba902b7');
    expect(continued.flags).toBe('00');
  });

  it('starts a new trace when the incoming one is invalid', () => {
    expect(formatTraceparent(continueTrace('garbage'))).toMatch(FORMAT);
  });
});

describe('trace context', () => {
  it('is empty outside any unit of work', () => {
    expect(currentTrace()).toBeUndefined();
    expect(currentTraceparent()).toBeUndefined();
  });

  it('carries the trace through awaits and keeps concurrent units apart', async () => {
    const seen = await Promise.all(
      [
        '00-11111111111111111111111111111111-1111111111111111-01',
        '00-22222222222222222222222222222222-2222222222222222-01',
      ].map((incoming) =>
        runWithTrace(incoming, async () => {
          await new Promise((resolve) => setTimeout(resolve, 5));
          return currentTraceparent();
        }),
      ),
    );
    expect(seen[0]).toMatch(/^00-1{32}-[0-9a-f]{16}-01$/);
    expect(seen[1]).toMatch(/^00-2{32}-[0-9a-f]{16}-01$/);
    expect(currentTraceparent()).toBeUndefined();
  });

  it('starts a new trace for a missing traceparent, so there is always one to log', () => {
    expect(runWithTrace(undefined, () => currentTraceparent())).toMatch(FORMAT);
  });
});
