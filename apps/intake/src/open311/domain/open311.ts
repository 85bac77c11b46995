import { CATEGORIES, type Category } from '@salur/directory';
import type { SubmissionInput } from '../../complaints/domain/submission';
import { isWithinIndonesia } from '../../complaints/domain/location';
import { normalisePhoneNumber } from '../../complaints/domain/phone';
import { hasForbiddenCharacters, normaliseText } from '../../complaints/domain/text';

/**
 * Open311 GeoReport v2 (https://wiki.open311.org/GeoReport_v2) over Salur: services are the
 * categories of the catalogue, service requests are complaints, `service_request_id` is the
 * tracking id. Pure mapping; the controller does the I/O.
 */

export type Open311Format = 'json' | 'xml';

/** The spec's error shape: a list of `{ code, description }`. */
export interface Open311Error {
  readonly code: number;
  readonly description: string;
}

export class Open311Failure extends Error {
  constructor(
    readonly status: 400 | 403 | 404,
    readonly errors: readonly Open311Error[],
  ) {
    super(errors.map((e) => e.description).join('; '));
  }
}

export function badRequest(...descriptions: string[]): Open311Failure {
  return new Open311Failure(
    400,
    descriptions.map((description) => ({ code: 400, description })),
  );
}

/** `requests.json` → `{ name: 'requests', format: 'json' }`; anything else is a 404. */
export function splitFormat(file: string): { name: string; format: Open311Format } {
  const match = /^(.+)\.(json|xml)$/.exec(file) as [string, string, string] | null;
  if (!match) {
    throw new Open311Failure(404, [
      { code: 404, description: 'resource not found: add .json or .xml' },
    ]);
  }
  return { name: match[1], format: match[2] === 'xml' ? 'xml' : 'json' };
}

/** Every service asks for the Kemendagri code of the location (unless `address_id` carries it). */
export const REGION_ATTRIBUTE = 'region_code';

export interface Open311Service {
  readonly service_code: string;
  readonly service_name: string;
  readonly description: string;
  readonly metadata: boolean;
  readonly type: 'realtime';
  readonly keywords: string;
  readonly group: string;
}

export function serviceOf(category: Category): Open311Service {
  return {
    service_code: category.code,
    service_name: category.name.id,
    description: `${category.name.id} (${category.name.en})`,
    metadata: true,
    type: 'realtime',
    keywords: category.code.replace(/-/g, ','),
    group: category.defaultAuthority === 'national' ? 'nasional' : 'daerah',
  };
}

export function listServices(): Open311Service[] {
  return CATEGORIES.map(serviceOf);
}

export function findService(code: string): Category | undefined {
  return CATEGORIES.find((c) => c.code === code);
}

/** The service definition: the one attribute every service asks for. */
export function serviceDefinition(category: Category): {
  service_code: string;
  attributes: Record<string, unknown>[];
} {
  return {
    service_code: category.code,
    attributes: [
      {
        variable: true,
        code: REGION_ATTRIBUTE,
        datatype: 'string',
        required: true,
        datatype_description:
          'Kemendagri region code of the location, e.g. 64.71 (Kota Balikpapan); may be given as address_id instead',
        order: 1,
        description: 'Kode wilayah Kemendagri / Kemendagri region code',
      },
    ],
  };
}

const MAX = { name: 100, description: 10_000, address: 500, url: 2048 } as const;

/**
 * A form-encoded `POST requests` as a submission, or a 400 naming every problem. The location is
 * `lat`+`long`, `address_string` or `address_id` (at least one, as the spec says); the region is
 * `attribute[region_code]`, or `address_id` when that is a Kemendagri code.
 */
export function submissionOfOpen311(
  form: Readonly<Partial<Record<string, string>>>,
  isKnownRegion: (code: string) => { readonly message: string } | null,
): SubmissionInput {
  const problems: string[] = [];
  const text = (field: string, max: number, kind: 'single-line' | 'multi-line' = 'single-line') => {
    const raw = form[field];
    if (raw === undefined || raw.trim() === '') return undefined;
    const value = normaliseText(raw.trim());
    if (value.length > max) problems.push(`${field} must be at most ${max} characters`);
    if (hasForbiddenCharacters(value, kind)) problems.push(`${field} has control characters`);
    return value;
  };

  const serviceCode = form.service_code;
  const category = serviceCode !== undefined ? findService(serviceCode) : undefined;
  if (serviceCode === undefined || serviceCode === '') problems.push('service_code is required');
  else if (!category) problems.push(`service_code ${serviceCode} is not a service`);

  const description = text('description', MAX.description, 'multi-line');
  if (description === undefined) problems.push('description is required');
  const address = text('address_string', MAX.address);
  const addressId = text('address_id', 13);
  const latRaw = form.lat;
  const lonRaw = form.long;
  let lat: number | undefined;
  let lon: number | undefined;
  if (latRaw !== undefined || lonRaw !== undefined) {
    lat = Number(latRaw);
    lon = Number(lonRaw);
    if (
      latRaw === undefined ||
      lonRaw === undefined ||
      latRaw.trim() === '' ||
      lonRaw.trim() === '' ||
      !Number.isFinite(lat) ||
      !Number.isFinite(lon)
    ) {
      problems.push('lat and long must be given together, as decimal degrees');
    } else if (!isWithinIndonesia(lat, lon)) {
      problems.push('lat and long must lie within Indonesia');
    }
  }
  if (
    latRaw === undefined &&
    lonRaw === undefined &&
    address === undefined &&
    addressId === undefined
  ) {
    problems.push('one of lat & long, address_string or address_id is required');
  }

  const regionCode = form[`attribute[${REGION_ATTRIBUTE}]`] ?? addressId;
  if (regionCode === undefined || regionCode === '') {
    problems.push(`attribute[${REGION_ATTRIBUTE}] (or a Kemendagri address_id) is required`);
  } else {
    const problem = isKnownRegion(regionCode);
    if (problem) problems.push(`attribute[${REGION_ATTRIBUTE}]: ${problem.message}`);
  }
  for (const key of Object.keys(form)) {
    const attribute = /^attribute\[(.+)\]$/.exec(key);
    if (attribute && attribute[1] !== REGION_ATTRIBUTE) {
      problems.push(`attribute[${attribute[1]}] is not an attribute of this service`);
    }
  }

  const first = text('first_name', MAX.name);
  const last = text('last_name', MAX.name);
  const name = [first, last].filter((p) => p !== undefined).join(' ') || undefined;
  const email = text('email', 254);
  if (email !== undefined && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
    problems.push('email is not an email address');
  }
  const phoneRaw = text('phone', 32);
  const phone = phoneRaw !== undefined ? normalisePhoneNumber(phoneRaw) : undefined;
  if (phoneRaw !== undefined && phone === null) problems.push('phone is not a phone number');
  const mediaUrl = text('media_url', MAX.url);
  if (mediaUrl !== undefined && !/^https?:\/\/\S+$/.test(mediaUrl)) {
    problems.push('media_url must be an http(s) URL');
  }

  if (problems.length > 0) throw badRequest(...problems);

  // Without a name and a way to reach them, the reporter is anonymous, as in any channel.
  const identified = name !== undefined && (email !== undefined || phone != null);
  const body = mediaUrl !== undefined ? `${description}\n\nmedia_url: ${mediaUrl}` : description;
  return {
    type: 'complaint',
    channel: 'open311',
    title: titleOf(description as string, category as Category),
    body: body as string,
    category: (category as Category).code,
    regionCode: regionCode as string,
    ...(address !== undefined ? { address } : {}),
    ...(lat !== undefined && lon !== undefined ? { lat, lon } : {}),
    privacy: identified ? 'public' : 'anonymous',
    language: 'id',
    ...(identified
      ? {
          reporter: {
            name,
            ...(email !== undefined ? { email } : {}),
            ...(phone != null ? { phone } : {}),
          },
        }
      : {}),
    attachments: [],
  };
}

function titleOf(description: string, category: Category): string {
  const firstLine = description.split('\n')[0]?.trim() ?? '';
  if (firstLine === '') return category.name.id;
  return firstLine.length <= 200 ? firstLine : `${firstLine.slice(0, 199)}…`;
}

/** Our statuses in Open311's two: only `closed` and `rejected` are closed. */
export function open311Status(status: string): 'open' | 'closed' {
  return status === 'closed' || status === 'rejected' ? 'closed' : 'open';
}

const STATUS_NOTES: Readonly<Record<string, string>> = {
  pending_verification: 'Belum terverifikasi (awaiting verification)',
  rejected: 'Diarsipkan (archived by the verifier)',
  awaiting_follow_up: 'Belum ditindaklanjuti (with the agency, awaiting follow-up)',
  in_progress: 'Proses (the agency is following up)',
  responded: 'Menunggu tanggapan pelapor (the agency responded)',
  closed: 'Selesai (closed)',
};

export function statusNotes(status: string): string {
  return STATUS_NOTES[status] ?? status;
}

/** One complaint as the spec's service request; never a reporter's identity. */
export interface Open311RequestView {
  readonly trackingId: string;
  readonly status: string;
  readonly category: string | null;
  readonly title: string;
  readonly agency: string | null;
  readonly regionCode: string;
  readonly address: string | null;
  readonly lat: number | null;
  readonly lon: number | null;
  readonly submittedAt: Date;
  readonly updatedAt: Date;
  readonly dueAt: Date | null;
}

export function serviceRequestOf(view: Open311RequestView): Record<string, unknown> {
  const category = view.category !== null ? findService(view.category) : undefined;
  return {
    service_request_id: view.trackingId,
    status: open311Status(view.status),
    status_notes: statusNotes(view.status),
    service_name: category?.name.id ?? null,
    service_code: view.category,
    description: view.title,
    agency_responsible: view.agency,
    service_notice: null,
    requested_datetime: view.submittedAt.toISOString(),
    updated_datetime: view.updatedAt.toISOString(),
    expected_datetime: view.dueAt?.toISOString() ?? null,
    address: view.address,
    address_id: view.regionCode,
    zipcode: null,
    lat: view.lat,
    long: view.lon,
    media_url: null,
  };
}

export const REQUEST_WINDOW_DAYS = 90;
export const REQUEST_LIMIT = 1000;

export interface RequestQuery {
  readonly ids: string[] | null;
  readonly serviceCodes: string[] | null;
  readonly status: 'open' | 'closed' | null;
  readonly from: Date;
  readonly to: Date;
  readonly limit: number;
}

/**
 * `GET requests` filters. With `service_request_id`, the others are ignored (the spec). Without
 * dates, the last 90 days; a window longer than 90 days is refused; at most 1,000 results.
 */
export function requestQueryOf(query: Readonly<Record<string, unknown>>, now: Date): RequestQuery {
  const str = (key: string): string | undefined => {
    const v = query[key];
    return typeof v === 'string' && v !== '' ? v : undefined;
  };
  const list = (key: string) =>
    str(key)
      ?.split(',')
      .map((s) => s.trim())
      .filter(Boolean) ?? null;
  const problems: string[] = [];
  const date = (key: string): Date | undefined => {
    const v = str(key);
    if (v === undefined) return undefined;
    const d = new Date(v);
    if (Number.isNaN(d.getTime()) || !/^\d{4}-\d{2}-\d{2}/.test(v)) {
      problems.push(`${key} must be a W3C datetime such as 2026-11-01T00:00:00Z`);
      return undefined;
    }
    return d;
  };
  const ids = list('service_request_id');
  const status = str('status');
  if (status !== undefined && status !== 'open' && status !== 'closed') {
    problems.push('status must be open or closed');
  }
  const windowMs = REQUEST_WINDOW_DAYS * 86_400_000;
  const start = date('start_date');
  const end = date('end_date');
  if (problems.length > 0) throw badRequest(...problems);
  const to = end ?? (start ? new Date(start.getTime() + windowMs) : now);
  const from = start ?? new Date(to.getTime() - windowMs);
  if (to.getTime() < from.getTime()) throw badRequest('end_date must not be before start_date');
  if (ids === null && to.getTime() - from.getTime() > windowMs) {
    throw badRequest(`the date range must not exceed ${REQUEST_WINDOW_DAYS} days`);
  }
  if (ids !== null && ids.length > REQUEST_LIMIT) {
    throw badRequest(`at most ${REQUEST_LIMIT} service_request_id values`);
  }
  return {
    ids,
    serviceCodes: ids === null ? list('service_code') : null,
    status: ids === null ? ((status as 'open' | 'closed' | undefined) ?? null) : null,
    from,
    to,
    limit: REQUEST_LIMIT,
  };
}
