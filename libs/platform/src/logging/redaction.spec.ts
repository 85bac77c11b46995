import { createStandaloneLogger } from './logger';
import { redactSensitive, redactUrl } from './redaction';
import { runWithTrace } from '../tracing/trace-context';

const reporter = {
  name: 'Siti Aminah',
  email: 'siti.aminah@example.id',
  phone: '+6281234567890',
  nationalId: '6471010101900001',
};
const SECRETS = [
  reporter.name,
  reporter.email,
  reporter.phone,
  reporter.nationalId,
  'tt_5f2b9c0e7a',
  'Bearer eyJhbGciOiJIUzI1NiJ9.secret',
];

function capture(): { lines: string[]; logger: ReturnType<typeof createStandaloneLogger> } {
  const lines: string[] = [];
  const logger = createStandaloneLogger('intake', 'info', {
    write: (line: string) => lines.push(line),
  });
  return { lines, logger };
}

describe('log redaction', () => {
  it('prints no reporter identity or tracking token, at any depth', () => {
    const { lines, logger } = capture();
    logger.info({ reporter, trackingToken: 'tt_5f2b9c0e7a' }, 'top level');
    logger.info(
      {
        event: {
          type: 'salur.complaint.submitted.v1',
          data: { title: 'Jalan berlubang', reporter },
        },
      },
      'nested in an event',
    );
    logger.info(
      { batch: [{ complaint: { reporter, trackingToken: 'tt_5f2b9c0e7a' } }] },
      'in an array',
    );
    logger.info(
      { contact: { email: reporter.email, phone: reporter.phone } },
      'contact without reporter',
    );
    logger.info({ reporter: reporter.name }, 'reporter as a bare name');
    logger.child({ reporter }).info('in child bindings');
    logger.info(
      { headers: { authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.secret' } },
      'outgoing call',
    );

    const output = lines.join('');
    for (const secret of SECRETS) expect(output).not.toContain(secret);
    expect(output).toContain('"email":"[redacted]"');
    expect(output).toContain('Jalan berlubang');
    expect(lines).toHaveLength(7);
  });

  it('redacts credentials in headers', () => {
    const { lines, logger } = capture();
    const req = {
      method: 'GET',
      url: '/v1/complaints/LAP-1',
      headers: {
        authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.secret',
        'x-tracking-token': 'tt_5f2b9c0e7a',
      },
    };
    logger.info({ req }, 'request');
    const line = JSON.parse(lines[0]) as { req: { headers: Record<string, string> } };
    expect(line.req.headers).toEqual({
      authorization: '[redacted]',
      'x-tracking-token': '[redacted]',
    });
  });

  it('redacts sensitive properties an error carries', () => {
    const { lines, logger } = capture();
    const error = Object.assign(new Error('insert failed'), {
      parameters: [reporter.email],
      details: { reporter },
    });
    logger.error({ err: error }, 'failed');
    const output = lines.join('');
    expect(output).toContain('insert failed');
    for (const secret of SECRETS) expect(output).not.toContain(secret);
  });

  it('keeps what is not sensitive, absent values included', () => {
    const value = { agency: { name: 'Pemkot Balikpapan' }, reporter: { name: null }, count: 3 };
    expect(redactSensitive(value)).toBe(value);
  });

  it('copies only what it redacts and leaves the logged object untouched', () => {
    const payload = { meta: { region: '64.71' }, reporter: { ...reporter } };
    const redacted = redactSensitive(payload);
    expect(redacted.meta).toBe(payload.meta);
    expect(redacted.reporter.email).toBe('[redacted]');
    expect(payload.reporter.email).toBe(reporter.email);
  });

  it('adds the current trace to every line written inside a unit of work', () => {
    const { lines, logger } = capture();
    runWithTrace('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01', () => {
      logger.info('inside');
    });
    logger.info('outside');
    const [inside, outside] = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(inside).toMatchObject({
      service: 'intake',
      level: 'info',
      trace_id: '4bf92f3577b34da6a3ce929d0e0e4736',
    });
    expect(inside.span_id).toMatch(/^[0-9a-f]{16}$/);
    expect(outside.trace_id).toBeUndefined();
  });

  it('masks credential-like query parameters in logged URLs', () => {
    expect(redactUrl('/open311/v2/requests.json?api_key=abc123&service_code=001')).toBe(
      '/open311/v2/requests.json?api_key=[redacted]&service_code=001',
    );
    expect(redactUrl('/v1/complaints?token=t&page=2')).toBe(
      '/v1/complaints?token=[redacted]&page=2',
    );
    expect(redactUrl('/v1/complaints/LAP-1')).toBe('/v1/complaints/LAP-1');
  });
});
