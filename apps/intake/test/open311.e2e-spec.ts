import { XMLParser } from 'fast-xml-parser';
import { IntakeStack, post, validComplaint } from './support/intake-stack';

/**
 * Open311 GeoReport v2 as a client that follows the published spec sees it: form-encoded posts,
 * `.json` and `.xml` answers parsed as plain data (not with our DTOs), the spec's error lists.
 */
describe('Open311 GeoReport v2', () => {
  let stack: IntakeStack;
  const xml = new XMLParser({ parseTagValue: false, ignoreDeclaration: true });

  beforeAll(async () => {
    stack = await IntakeStack.start({
      RATE_LIMIT_PER_CLIENT: '10000',
      RATE_LIMIT_PER_REPORTER: '10000',
      OPEN311_API_KEYS: 'key-one, open311-test-key',
    });
  });

  afterAll(async () => {
    await stack.stop();
  });

  const get = async (path: string) => {
    const response = await fetch(stack.url(`/open311/v2/${path}`));
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      text: await response.text(),
    };
  };

  const postForm = async (path: string, fields: Record<string, string>) => {
    const response = await fetch(stack.url(`/open311/v2/${path}`), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      text: await response.text(),
    };
  };

  const report = {
    api_key: 'open311-test-key',
    service_code: 'infrastruktur',
    lat: '-1.2654',
    long: '116.8312',
    'attribute[region_code]': '64.71',
    description: 'Lampu jalan mati di Jl. Jenderal Sudirman\nSudah seminggu.',
    first_name: 'Siti',
    last_name: 'Rahmawati',
    email: 'siti@example.test',
    phone: '0812-3456-7890',
  };

  it('lists services (the category catalogue) and their definitions in JSON and XML', async () => {
    const json = await get('services.json');
    expect(json.status).toBe(200);
    expect(json.type).toContain('application/json');
    const services = JSON.parse(json.text) as Record<string, unknown>[];
    expect(services).toContainEqual(
      expect.objectContaining({ service_code: 'infrastruktur', metadata: true, type: 'realtime' }),
    );

    const asXml = await get('services.xml');
    expect(asXml.type).toContain('text/xml');
    const parsed = xml.parse(asXml.text) as { services: { service: { service_code: string }[] } };
    expect(parsed.services.service.map((s) => s.service_code)).toEqual(
      services.map((s) => s.service_code),
    );

    const definition = JSON.parse((await get('services/infrastruktur.json')).text) as {
      attributes: { code: string; required: boolean }[];
    };
    expect(definition.attributes).toEqual([
      expect.objectContaining({ code: 'region_code', required: true }),
    ]);
    const definitionXml = xml.parse((await get('services/infrastruktur.xml')).text) as {
      service_definition: { attributes: { attribute: { code: string } } };
    };
    expect(definitionXml.service_definition.attributes.attribute.code).toBe('region_code');

    const missing = await get('services/no-such-service.json');
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.text)).toEqual([{ code: 404, description: expect.any(String) }]);
    const missingXml = await get('services/no-such-service.xml');
    expect(xml.parse(missingXml.text)).toEqual({
      errors: { error: { code: '404', description: expect.any(String) } },
    });
  });

  it('takes a form-encoded request with api_key and answers it by service_request_id', async () => {
    const created = await postForm('requests.json', report);
    expect(created.status).toBe(201);
    const [answer] = JSON.parse(created.text) as { service_request_id: string }[];
    expect(answer.service_request_id).toMatch(/^SLR-/);

    const one = await get(`requests/${answer.service_request_id}.json`);
    expect(one.status).toBe(200);
    const [request] = JSON.parse(one.text) as Record<string, unknown>[];
    expect(request).toMatchObject({
      service_request_id: answer.service_request_id,
      status: 'open',
      status_notes: expect.stringContaining('Belum terverifikasi'),
      service_code: 'infrastruktur',
      description: 'Lampu jalan mati di Jl. Jenderal Sudirman',
      agency_responsible: null,
      address_id: '64.71',
      lat: -1.2654,
      long: 116.8312,
      requested_datetime: expect.any(String),
      expected_datetime: null,
    });
    expect(one.text).not.toContain('Siti');
    expect(one.text).not.toContain('siti@example.test');

    const asXml = xml.parse((await get(`requests/${answer.service_request_id}.xml`)).text) as {
      service_requests: { request: { service_request_id: string; status: string } };
    };
    expect(asXml.service_requests.request).toMatchObject({
      service_request_id: answer.service_request_id,
      status: 'open',
    });

    const listed = JSON.parse(
      (await get('requests.json?service_code=infrastruktur&status=open')).text,
    ) as { service_request_id: string }[];
    expect(listed.map((r) => r.service_request_id)).toContain(answer.service_request_id);
    const closedOnly = JSON.parse((await get('requests.json?status=closed')).text) as unknown[];
    expect(closedOnly).toEqual([]);
  });

  it("refuses a post without a valid api_key (403) and names the spec's 400s", async () => {
    const forbidden = await postForm('requests.json', { ...report, api_key: 'wrong' });
    expect(forbidden.status).toBe(403);
    expect(JSON.parse(forbidden.text)).toEqual([{ code: 403, description: expect.any(String) }]);

    const bad = await postForm('requests.xml', {
      api_key: 'key-one',
      service_code: 'no-such-service',
      'attribute[colour]': 'red',
    });
    expect(bad.status).toBe(400);
    const errors = (xml.parse(bad.text) as { errors: { error: { description: string }[] } }).errors
      .error;
    const descriptions = errors.map((e) => e.description).join(' | ');
    expect(descriptions).toContain('service_code');
    expect(descriptions).toContain('description is required');
    expect(descriptions).toContain('one of lat & long, address_string or address_id');
    expect(descriptions).toContain('attribute[colour]');

    const outside = await postForm('requests.json', { ...report, lat: '48.85', long: '2.35' });
    expect(outside.status).toBe(400);
    const unknownRegion = await postForm('requests.json', {
      ...report,
      'attribute[region_code]': '64.99',
    });
    expect(unknownRegion.status).toBe(400);
    expect(unknownRegion.text).toContain('64.99');
  });

  it('never lists a confidential complaint nor shows a reporter, and honours the 90-day window', async () => {
    const confidential = await post(
      stack.url('/v1/complaints'),
      validComplaint({ privacy: 'confidential' }),
    );
    expect(confidential.status).toBe(202);
    const id = confidential.json.trackingId as string;
    expect((await get(`requests/${id}.json`)).status).toBe(404);
    const all = await get('requests.json');
    expect(all.text).not.toContain(id);
    expect(all.text).not.toContain('6471012345670001');

    const tooLong = await get(
      'requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z',
    );
    expect(tooLong.status).toBe(400);
    expect(JSON.parse(tooLong.text)).toEqual([
      { code: 400, description: expect.stringContaining('90 days') },
    ]);
    const old = JSON.parse(
      (await get('requests.json?start_date=2025-01-01T00:00:00Z&end_date=2025-02-01T00:00:00Z'))
        .text,
    ) as unknown[];
    expect(old).toEqual([]);
  });

  it('resolves a token to its service_request_id', async () => {
    const accepted = await post(stack.url('/v1/complaints'), validComplaint());
    const token = accepted.json.complaintId as string;
    const answer = JSON.parse((await get(`tokens/${token}.json`)).text) as unknown[];
    expect(answer).toEqual([{ service_request_id: accepted.json.trackingId, token }]);
    expect((await get('tokens/00000000-0000-4000-8000-000000000000.json')).status).toBe(404);
  });
});
