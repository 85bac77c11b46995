/**
 * The intake benchmark's baseline: a bare Fastify route that does what a submission must do at
 * the least — one transaction with the complaint row and its outbox row (the same tables, columns
 * and sizes as intake) — and answers 202. Nothing else: no validation library, no idempotency
 * record, no rate limit, no DI container (with BASELINE_NOTIFY=1 it also sends the outbox's
 * NOTIFY before committing, as intake does). Run as its own process, like intake:
 *
 *   PORT=4100 DATABASE_URL=postgres://… node dist/bench/support/baseline-server.js
 */
import Fastify from 'fastify';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Pool } from 'pg';

interface Body {
  type: string;
  channel: string;
  title: string;
  body: string;
  category?: string;
  location: { regionCode: string; address?: string };
  privacy: string;
  reporter?: Record<string, string>;
}

const pool = new Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
});
const app = Fastify({ logger: false });
const notify = process.env.BASELINE_NOTIFY === '1';

app.post<{ Body: Body }>('/v1/complaints', async (request, reply) => {
  const b = request.body;
  const complaintId = randomUUID();
  const trackingId = `SLR-${randomBytes(6).toString('hex').toUpperCase().match(/.{4}/g)!.join('-')}`;
  const trackingToken = randomBytes(32).toString('base64url');
  const now = new Date();
  const data = {
    complaintId,
    trackingId,
    type: b.type,
    channel: b.channel,
    title: b.title,
    body: b.body,
    category: b.category ?? null,
    location: b.location,
    privacy: b.privacy,
    language: 'id',
    reporter: b.reporter ?? null,
    submittedAt: now.toISOString(),
  };
  const headers = {
    ce_specversion: '1.0',
    ce_id: randomUUID(),
    ce_source: '/salur/intake',
    ce_type: 'salur.complaint.submitted.v1',
    ce_time: now.toISOString(),
    ce_subject: complaintId,
    ce_region: b.location.regionCode,
    'content-type': 'application/json',
  };
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(
      `INSERT INTO intake.submissions (complaint_id, tracking_id, tracking_token_hash, type, channel,
         title, body, category, region_code, address, attachments, privacy, language, reporter,
         status, state_version, submitted_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, '[]', $11, 'id', $12, 'pending_verification',
         0, $13, $13)`,
      [
        complaintId,
        trackingId,
        createHash('sha256').update(trackingToken).digest('hex'),
        b.type,
        b.channel,
        b.title,
        b.body,
        b.category ?? null,
        b.location.regionCode,
        b.location.address ?? null,
        b.privacy,
        b.reporter ?? null,
        now,
      ],
    );
    await client.query(
      `INSERT INTO intake.outbox (event_id, event_type, topic, message_key, headers, payload)
       VALUES ($1, $2, 'salur.intake.v1', $3, $4, $5)`,
      [headers.ce_id, headers.ce_type, complaintId, headers, JSON.stringify(data)],
    );
    // BASELINE_NOTIFY=1 adds what intake's outbox writer does on top: wake the relay on commit.
    if (notify) await client.query(`SELECT pg_notify('salur_outbox_intake', '')`);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
  return reply.code(202).send({
    complaintId,
    trackingId,
    trackingToken,
    status: 'pending_verification',
    submittedAt: now.toISOString(),
  });
});

app.get('/health/ready', async () => {
  await pool.query('SELECT 1');
  return { status: 'ok' };
});

const shutdown = (): void => {
  void app.close().then(() => pool.end());
};
process.once('SIGTERM', shutdown);
process.once('SIGINT', shutdown);

app
  .listen({ host: '127.0.0.1', port: Number(process.env.PORT ?? 4100) })
  .catch((error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exit(1);
  });
