import {
  Open311Failure,
  open311Status,
  requestQueryOf,
  splitFormat,
  submissionOfOpen311,
} from './open311';
import { toXml } from './open311-xml';

const known = (code: string) => (code === '64.71' ? null : { message: `${code} is unknown` });
const form = {
  api_key: 'k',
  service_code: 'infrastruktur',
  'attribute[region_code]': '64.71',
  description: 'Lampu jalan mati\nsudah seminggu',
  lat: '-1.2654',
  long: '116.8312',
};

function failure(run: () => unknown): Open311Failure {
  try {
    run();
  } catch (error) {
    if (error instanceof Open311Failure) return error;
    throw error;
  }
  throw new Error('expected an Open311Failure');
}

describe('Open311 mapping', () => {
  it('maps a post to a submission: first line as title, anonymous without contact', () => {
    expect(submissionOfOpen311(form, known)).toEqual({
      type: 'complaint',
      channel: 'open311',
      title: 'Lampu jalan mati',
      body: 'Lampu jalan mati\nsudah seminggu',
      category: 'infrastruktur',
      regionCode: '64.71',
      lat: -1.2654,
      lon: 116.8312,
      privacy: 'anonymous',
      language: 'id',
      attachments: [],
    });
    const named = submissionOfOpen311(
      { ...form, first_name: 'Siti', last_name: 'R', phone: '0812 3456 7890' },
      known,
    );
    expect(named.privacy).toBe('public');
    expect(named.reporter).toEqual({ name: 'Siti R', phone: '+6281234567890' });
  });

  it('takes the region from a Kemendagri address_id when no attribute is given', () => {
    const { 'attribute[region_code]': _ignored, lat: _lat, long: _long, ...rest } = form;
    expect(submissionOfOpen311({ ...rest, address_id: '64.71' }, known).regionCode).toBe('64.71');
  });

  it('names every problem of a bad post', () => {
    const error = failure(() =>
      submissionOfOpen311(
        { service_code: 'x', lat: '1', 'attribute[region_code]': '99', 'attribute[x]': 'y' },
        known,
      ),
    );
    expect(error.status).toBe(400);
    expect(error.errors.map((e) => e.description)).toEqual([
      'service_code x is not a service',
      'description is required',
      'lat and long must be given together, as decimal degrees',
      'attribute[region_code]: 99 is unknown',
      'attribute[x] is not an attribute of this service',
    ]);
  });

  it('maps statuses to open and closed', () => {
    expect(open311Status('in_progress')).toBe('open');
    expect(open311Status('responded')).toBe('open');
    expect(open311Status('closed')).toBe('closed');
    expect(open311Status('rejected')).toBe('closed');
  });

  it('defaults GET requests to the last 90 days and refuses a longer window', () => {
    const now = new Date('2026-11-29T00:00:00Z');
    const query = requestQueryOf({}, now);
    expect(query.to).toEqual(now);
    expect(query.from).toEqual(new Date('2026-08-31T00:00:00Z'));
    expect(query.limit).toBe(1000);
    expect(
      failure(() =>
        requestQueryOf(
          { start_date: '2026-01-01T00:00:00Z', end_date: '2026-05-01T00:00:00Z' },
          now,
        ),
      ).errors[0]?.description,
    ).toContain('90 days');
    expect(failure(() => requestQueryOf({ status: 'pending' }, now)).status).toBe(400);
    // With ids, the other filters do not apply (the spec).
    const byId = requestQueryOf({ service_request_id: 'A,B', status: 'open' }, now);
    expect(byId).toMatchObject({ ids: ['A', 'B'], status: null, serviceCodes: null });
  });

  it('splits the format and escapes XML', () => {
    expect(splitFormat('requests.xml')).toEqual({ name: 'requests', format: 'xml' });
    expect(failure(() => splitFormat('requests')).status).toBe(404);
    expect(toXml('errors', 'error', [{ code: 400, description: '<b>&"' }])).toBe(
      '<?xml version="1.0" encoding="utf-8"?><errors><error><code>400</code>' +
        '<description>&lt;b&gt;&amp;&quot;</description></error></errors>',
    );
  });
});
