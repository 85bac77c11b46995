import fc from 'fast-check';
import { IntakeStack, validComplaint } from './support/intake-stack';

/**
 * Generated junk at every intake endpoint of the running service: whatever arrives, the answer is
 * never a 5xx, and a refused request leaves nothing behind (no submission, no idempotency record).
 */
describe('intake under generated junk', () => {
  let stack: IntakeStack;
  let trackingId: string;
  let trackingToken: string;
  let accepted = 0;

  beforeAll(async () => {
    stack = await IntakeStack.start({
      RATE_LIMIT_PER_CLIENT: '1000000',
      RATE_LIMIT_PER_REPORTER: '1000000',
    });
    const response = await send('POST', '/v1/complaints', JSON.stringify(validComplaint()));
    expect(response.status).toBe(202);
    const body = JSON.parse(response.text) as { trackingId: string; trackingToken: string };
    ({ trackingId, trackingToken } = body);
  });

  afterAll(async () => {
    await stack.stop();
  });

  async function send(
    method: string,
    path: string,
    body?: string,
    headers: Record<string, string> = { 'content-type': 'application/json' },
  ): Promise<{ status: number; text: string }> {
    const response = await fetch(stack.url(path), {
      method,
      headers,
      ...(body !== undefined ? { body } : {}),
    });
    const text = await response.text();
    if (response.status === 202 && path === '/v1/complaints') accepted += 1;
    if (response.status === 201 && path.startsWith('/open311/v2/requests')) accepted += 1;
    return { status: response.status, text };
  }

  async function stored(): Promise<{ submissions: number; keys: number }> {
    const [row] = await stack.query<{ submissions: string; keys: string }>(
      `SELECT (SELECT count(*) FROM intake.submissions) AS submissions,
              (SELECT count(*) FROM intake.idempotency_keys) AS keys`,
    );
    return { submissions: Number(row.submissions), keys: Number(row.keys) };
  }

  /** Values shaped like a complaint with any field replaced, dropped or added. */
  const nearlyValid = fc
    .record({
      field: fc.constantFrom(
        'type',
        'channel',
        'title',
        'body',
        'category',
        'occurredAt',
        'location',
        'targetAgency',
        'privacy',
        'language',
        'reporter',
        'attachments',
        '__proto__',
        'constructor',
      ),
      value: fc.oneof(
        fc.anything(),
        fc.string({ unit: 'binary' }),
        fc.constant({ regionCode: '99.99' }),
        fc.constant([{ url: 'javascript:alert(1)', contentType: 'text/html', size: -1 }]),
        fc.constant({ name: 'x', phone: '+62' }),
      ),
      drop: fc.boolean(),
    })
    .map(({ field, value, drop }) => {
      const body = Object.fromEntries(
        Object.entries(validComplaint()).filter(([key]) => !drop || key !== field),
      );
      if (!drop) Object.defineProperty(body, field, { value, enumerable: true });
      return JSON.stringify(body);
    });

  const junkBody = fc.oneof(
    fc.json(),
    fc.string({ unit: 'binary' }),
    nearlyValid,
    fc.anything().map((v) => (JSON.stringify(v) as string | undefined) ?? 'undefined'),
  );

  it('never answers 5xx and stores nothing for what it refuses', async () => {
    const before = await stored();
    const acceptedBefore = accepted;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(
          'POST /v1/complaints',
          'POST replies',
          'POST confirmation',
          'POST reopen',
          'GET status',
          'POST open311',
          'GET open311',
        ),
        junkBody,
        fc.option(fc.string({ unit: 'grapheme-ascii', maxLength: 300 }), { nil: undefined }),
        fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain', ''),
        async (endpoint, body, key, contentType) => {
          const headers: Record<string, string> = {};
          if (contentType !== '') headers['content-type'] = contentType;
          if (key !== undefined && /^[\x20-\x7e]*$/.test(key)) headers['idempotency-key'] = key;
          let response: { status: number; text: string };
          if (endpoint === 'POST /v1/complaints') {
            response = await send('POST', '/v1/complaints', body, headers);
          } else if (endpoint === 'POST open311') {
            headers['content-type'] = 'application/x-www-form-urlencoded';
            const form = new URLSearchParams({ api_key: 'open311-test-key', junk: body });
            response = await send(
              'POST',
              '/open311/v2/requests.json',
              `${form.toString()}&${body}`,
              headers,
            );
          } else if (endpoint === 'GET open311') {
            response = await send(
              'GET',
              `/open311/v2/requests.xml?${encodeURI(body.slice(0, 300))}`,
            );
          } else if (endpoint === 'GET status') {
            response = await send(
              'GET',
              `/v1/complaints/${encodeURIComponent(Array.from(body).slice(0, 100).join(''))}`,
              undefined,
              key !== undefined && /^[\x20-\x7e]*$/.test(key) ? { 'x-tracking-token': key } : {},
            );
          } else {
            // A junk body with a wrong token, or the right token: either way no 5xx.
            headers['x-tracking-token'] = key === undefined ? trackingToken : 'wrong-token-value';
            response = await send(
              'POST',
              `/v1/complaints/${trackingId}/${endpoint.slice(5)}`,
              body,
              headers,
            );
          }
          expect(response.status).toBeLessThan(500);
          expect(response.status).toBeGreaterThanOrEqual(200);
        },
      ),
      { numRuns: 300 },
    );
    const after = await stored();
    const newlyAccepted = accepted - acceptedBefore;
    expect(after.submissions - before.submissions).toBe(newlyAccepted);
    // Idempotency records only for accepted submissions that carried a key.
    expect(after.keys - before.keys).toBeLessThanOrEqual(newlyAccepted);
  });
});
