import { IntakeStack, post, validComplaint } from './support/intake-stack';

/** Rate limits per client address and per reporter, against the running service. */
describe('intake rate limits', () => {
  let stack: IntakeStack;

  beforeAll(async () => {
    stack = await IntakeStack.start({
      RATE_LIMIT_PER_CLIENT: '5',
      RATE_LIMIT_PER_REPORTER: '2',
      RATE_LIMIT_WINDOW_SECONDS: '600',
    });
  });

  afterAll(async () => {
    await stack.stop();
  });

  const reporter = (phone: string) => ({ name: 'Budi', phone });
  const submit = (body: Record<string, unknown>, headers: Record<string, string> = {}) =>
    post(stack.url('/v1/complaints'), validComplaint(body), headers);

  it('limits one reporter (however the number is written), then one client address', async () => {
    const first = await submit(
      { reporter: reporter('0812-1111-2222') },
      { 'idempotency-key': 'k1' },
    );
    expect(first.status).toBe(202);
    // A retry that gets the first answer does not count against the reporter.
    const retry = await submit(
      { reporter: reporter('0812-1111-2222') },
      { 'idempotency-key': 'k1' },
    );
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect((await submit({ reporter: reporter('+6281211112222'), title: 'Dua' })).status).toBe(202);

    const third = await submit({ reporter: reporter('62 812 1111 2222'), title: 'Tiga' });
    expect(third.status).toBe(429);
    expect(third.headers.get('content-type')).toContain('application/problem+json');
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(third.json.code).toBe('RateLimited');

    // Another reporter is not affected; the client address's 5 writes are now used up.
    expect((await submit({ reporter: reporter('0813-9999-0000') })).status).toBe(202);
    const client = await submit({ reporter: reporter('0814-5555-6666') });
    expect(client.status).toBe(429);
    expect(Number(client.headers.get('retry-after'))).toBeGreaterThan(0);

    const [{ n }] = await stack.query<{ n: string }>(
      'SELECT count(*) AS n FROM intake.submissions',
    );
    expect(Number(n)).toBe(3);
  });
});
