import type { SendResult } from '../application/deliver/ports';
import { EndpointBreakers } from './endpoint-breakers';

const ok: SendResult = { ok: true, target: 'https://a' };
const down: SendResult = { ok: false, target: 'https://a', statusCode: 503 };
const gone: SendResult = { ok: false, target: 'https://a', statusCode: 410, permanent: true };

describe('per-endpoint circuit breakers', () => {
  it('opens after consecutive failures, only for that endpoint, and closes after a good probe', async () => {
    const breakers = new EndpointBreakers(3, 100);
    for (let i = 0; i < 3; i++) {
      expect(await breakers.execute('dead', () => Promise.resolve(down))).toEqual(down);
    }
    expect(breakers.isOpen('dead')).toBe(true);
    expect(breakers.isOpen('alive')).toBe(false);
    let tried = false;
    const skipped = await breakers.execute('dead', () => {
      tried = true;
      return Promise.resolve(ok);
    });
    expect(skipped).toBe('open');
    expect(tried).toBe(false);
    expect(await breakers.execute('alive', () => Promise.resolve(ok))).toEqual(ok);

    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(breakers.isOpen('dead')).toBe(false); // half-open: one probe may go
    expect(await breakers.execute('dead', () => Promise.resolve(ok))).toEqual(ok);
    expect(await breakers.execute('dead', () => Promise.resolve(ok))).toEqual(ok);
  });

  it('does not count permanent refusals against the endpoint', async () => {
    const breakers = new EndpointBreakers(2, 1_000);
    for (let i = 0; i < 5; i++) await breakers.execute('strict', () => Promise.resolve(gone));
    expect(breakers.isOpen('strict')).toBe(false);
  });
});
