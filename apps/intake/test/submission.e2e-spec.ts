import { waitFor, TopicProbe } from '@salur/testing';
import { brokers, IntakeStack, post, validComplaint } from './support/intake-stack';

/**
 * POST /v1/complaints against the running intake service, real Postgres and Kafka: the full body,
 * its normalisation, every kind of refusal as problem+json naming the field, and idempotency.
 */
describe('intake submissions', () => {
  let stack: IntakeStack;
  let probe: TopicProbe;

  beforeAll(async () => {
    stack = await IntakeStack.start({
      RATE_LIMIT_PER_CLIENT: '10000',
      RATE_LIMIT_PER_REPORTER: '1000',
    });
    probe = await TopicProbe.start(brokers(), [stack.topic('salur.intake.v1')]);
  });

  afterAll(async () => {
    await probe.stop();
    await stack.stop();
  });

  const submissions = () =>
    stack.query<{ n: string }>('SELECT count(*) AS n FROM intake.submissions');

  it('accepts the full body, normalises it and publishes it in the submitted event', async () => {
    const decomposedTitle = 'Jalan berlubang di depan Cafe\u0301 <b>Senja</b>';
    const accepted = await post(
      stack.url('/v1/complaints'),
      validComplaint({ title: decomposedTitle }),
    );
    expect(accepted.status).toBe(202);
    expect(accepted.json).toEqual({
      complaintId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      trackingId: expect.stringMatching(/^SLR-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/),
      trackingToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      status: 'pending_verification',
      submittedAt: expect.any(String),
    });
    const id = accepted.json.complaintId as string;

    await waitFor(() => probe.on(stack.topic('salur.intake.v1')).some((m) => m.key === id), {
      timeoutMs: 30_000,
      description: 'the submitted event on salur.intake.v1',
    });
    const message = probe.on(stack.topic('salur.intake.v1')).find((m) => m.key === id);
    expect(message?.headers.ce_type).toBe('salur.complaint.submitted.v1');
    const data = JSON.parse(message?.value ?? '{}') as Record<string, unknown>;
    expect(data).toMatchObject({
      complaintId: id,
      title: 'Jalan berlubang di depan Caf\u00e9 <b>Senja</b>',
      occurredAt: '2026-11-20',
      targetAgency: 'pemda-64.71',
      location: { regionCode: '64.71', lat: -1.2654, lon: 116.8312 },
      reporter: { phone: '+6281234567890', nationalId: '6471012345670001' },
      attachments: [{ contentType: 'image/jpeg', size: 182_044, sha256: 'a'.repeat(64) }],
    });

    // The token is stored only as its hash.
    const [row] = await stack.query<{ tracking_token_hash: string; title: string }>(
      'SELECT tracking_token_hash, title FROM intake.submissions WHERE complaint_id = $1',
      [id],
    );
    expect(row.tracking_token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.tracking_token_hash).not.toContain(accepted.json.trackingToken as string);
    expect(row.title).toBe('Jalan berlubang di depan Caf\u00e9 <b>Senja</b>');
  });

  it('names every bad field in one problem+json and stores nothing', async () => {
    const before = await submissions();
    const refused = await post(
      stack.url('/v1/complaints'),
      validComplaint({
        type: 'grievance',
        title: 'two\nlines',
        body: 'bell \u0007 character',
        category: 'not-a-category',
        occurredAt: 'yesterday',
        location: { regionCode: '64.71', lat: 51.5, lon: -0.12 },
        targetAgency: 'The Mayor',
        reporter: { name: 'Siti', email: 'not-an-email', phone: '12345', nationalId: '12' },
        attachments: [
          { url: 'ftp://x', contentType: 'application/x-msdownload', size: 0, sha256: 'ABC' },
        ],
        extra: 'unknown field',
      }),
    );
    expect(refused.status).toBe(400);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    const fields = new Set((refused.json.errors as { field: string }[]).map((e) => e.field));
    expect([...fields].sort()).toEqual(
      [
        'type',
        'title',
        'body',
        'category',
        'occurredAt',
        'location.lat',
        'location.lon',
        'targetAgency',
        'reporter.email',
        'reporter.phone',
        'reporter.nationalId',
        'attachments[0].url',
        'attachments[0].contentType',
        'attachments[0].size',
        'attachments[0].sha256',
        'extra',
      ].sort(),
    );
    expect(await submissions()).toEqual(before);
  });

  it('refuses overlong text, too many attachments, and a reporter with no way to reach them', async () => {
    const long = await post(
      stack.url('/v1/complaints'),
      validComplaint({
        title: 'x'.repeat(201),
        attachments: Array.from({ length: 11 }, () => ({
          url: 'https://files.example.test/a.jpg',
          contentType: 'image/jpeg',
          size: 10,
          sha256: 'b'.repeat(64),
        })),
      }),
    );
    expect(long.status).toBe(400);
    expect((long.json.errors as { field: string }[]).map((e) => e.field).sort()).toEqual([
      'attachments',
      'title',
    ]);

    const unreachable = await post(
      stack.url('/v1/complaints'),
      validComplaint({ reporter: { name: 'Siti' } }),
    );
    expect(unreachable.status).toBe(400);
    expect((unreachable.json.errors as { field: string }[]).map((e) => e.field)).toEqual([
      'reporter.email',
      'reporter.phone',
    ]);

    const anonymous = await post(
      stack.url('/v1/complaints'),
      validComplaint({ privacy: 'anonymous', reporter: undefined }),
    );
    expect(anonymous.status).toBe(202);
  });

  it('answers an unknown region with a 400 that names it', async () => {
    const refused = await post(
      stack.url('/v1/complaints'),
      validComplaint({ location: { regionCode: '64.99' } }),
    );
    expect(refused.status).toBe(400);
    expect(refused.json.errors).toEqual([
      { field: 'location.regionCode', message: expect.stringContaining('64.99') },
    ]);
  });

  it('answers malformed JSON 400, another content type 415, an oversized body 413', async () => {
    const malformed = await post(stack.url('/v1/complaints'), '{"type": "complaint",');
    expect(malformed.status).toBe(400);
    expect(malformed.headers.get('content-type')).toContain('application/problem+json');

    const xml = await fetch(stack.url('/v1/complaints'), {
      method: 'POST',
      headers: { 'content-type': 'application/xml' },
      body: '<complaint/>',
    });
    expect(xml.status).toBe(415);
    expect(xml.headers.get('content-type')).toContain('application/problem+json');

    const huge = await post(
      stack.url('/v1/complaints'),
      validComplaint({ body: 'x'.repeat(1_100_000) }),
    );
    expect(huge.status).toBe(413);
    expect(huge.headers.get('content-type')).toContain('application/problem+json');
  });

  it('gives a retry the first answer, refuses the key with another body, forgets it when expired', async () => {
    const key = 'idem-e2e-1';
    const first = await post(stack.url('/v1/complaints'), validComplaint(), {
      'idempotency-key': key,
    });
    expect(first.status).toBe(202);
    const again = await post(stack.url('/v1/complaints'), validComplaint(), {
      'idempotency-key': key,
    });
    expect(again.status).toBe(202);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.json).toEqual(first.json);

    const other = await post(
      stack.url('/v1/complaints'),
      validComplaint({ title: 'Lampu jalan mati' }),
      { 'idempotency-key': key },
    );
    expect(other.status).toBe(422);
    expect(other.json.code).toBe('IdempotencyKeyReused');

    // The key's time is up (as if IDEMPOTENCY_KEY_TTL_HOURS had passed): it is free again.
    await stack.query(
      `UPDATE intake.idempotency_keys SET expires_at = now() - interval '1 second' WHERE key = $1`,
      [key],
    );
    const afterExpiry = await post(
      stack.url('/v1/complaints'),
      validComplaint({ title: 'Lampu jalan mati' }),
      { 'idempotency-key': key },
    );
    expect(afterExpiry.status).toBe(202);
    expect(afterExpiry.headers.get('idempotent-replayed')).toBeNull();
    expect(afterExpiry.json.complaintId).not.toBe(first.json.complaintId);
  });
});
