import {
  AGENCY_CODE_PATTERN,
  CHANNELS,
  COMPLAINT_TYPES,
  instanceWith,
  isDateOrInstant,
  LANGUAGES,
  plainObject,
  PRIVACIES,
  validArray,
  type PlainObject,
} from '@salur/contracts';
import {
  isEmail,
  isIn,
  isInt,
  isNumber,
  isURL,
  matches,
  max,
  maxLength,
  min,
} from 'class-validator';
import { ATTACHMENT_CONTENT_TYPES, ATTACHMENT_LIMITS } from '../domain/attachments';
import { INDONESIA_BOUNDS } from '../domain/location';
import { normalisePhoneNumber } from '../domain/phone';
import { hasForbiddenCharacters, normaliseText, type TextKind } from '../domain/text';
import { AttachmentDto } from './attachment.dto';
import {
  CATEGORY_CODES,
  LocationDto,
  ReporterDto,
  SubmitComplaintDto,
} from './submit-complaint.dto';

/*
 * The submission DTO's rules (submit-complaint.dto.ts, field-decorators.ts, attachment.dto.ts)
 * written out by hand, for the global validation pipe's cheap path: `validSubmission` returns
 * what class-transformer and class-validator would return for a body they accept, and
 * `undefined` for anything it is not sure of — a wrong type, a `null`, an unknown or missing
 * field — which the pipe then validates as before, so every refusal keeps its field errors.
 * Each rule calls the same class-validator function as its decorator, on the value after the
 * same transformation. A rule added to the DTO must be added here too, or this check accepts
 * what the DTO refuses: the spec next to this file compares the two on generated bodies.
 */

/** `TextField(maxChars, kind)`: NFC, a non-empty string, at most `maxChars`, no control characters. */
function textField(value: unknown, maxChars: number, kind: TextKind): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = normaliseText(value);
  return text !== '' && maxLength(text, maxChars) && !hasForbiddenCharacters(text, kind)
    ? text
    : undefined;
}

/** `IsString`, `MaxLength(maxChars)` if given, `Matches(pattern)`. */
function matchingString(value: unknown, pattern: RegExp, maxChars?: number): string | undefined {
  return typeof value === 'string' &&
    (maxChars === undefined || maxLength(value, maxChars)) &&
    matches(value, pattern)
    ? value
    : undefined;
}

function oneOf<T>(value: unknown, allowed: readonly T[]): T | undefined {
  return isIn(value, allowed) ? (value as T) : undefined;
}

const REGION_CODE = /^\d{2}(?:\.\d{2}(?:\.\d{2}(?:\.\d{4})?)?)?$/;
const LOCATION_KEYS = new Set(['regionCode', 'address', 'lat', 'lon']);
const FINITE = { allowNaN: false, allowInfinity: false };

function validLocation(value: unknown): LocationDto | undefined {
  const plain = plainObject(value, LOCATION_KEYS);
  if (!plain) return undefined;
  const regionCode = matchingString(plain.regionCode, REGION_CODE, 13);
  if (regionCode === undefined) return undefined;
  const address = 'address' in plain ? textField(plain.address, 500, 'single-line') : null;
  if (address === undefined) return undefined;
  // Both or neither: one alone is refused, and only the pipe names the field.
  const hasLat = 'lat' in plain;
  const hasLon = 'lon' in plain;
  if (hasLat !== hasLon) return undefined;
  if (hasLat) {
    const b = INDONESIA_BOUNDS;
    if (!isNumber(plain.lat, FINITE) || !min(plain.lat, b.minLat) || !max(plain.lat, b.maxLat)) {
      return undefined;
    }
    if (!isNumber(plain.lon, FINITE) || !min(plain.lon, b.minLon) || !max(plain.lon, b.maxLon)) {
      return undefined;
    }
  }
  return instanceWith(new LocationDto(), plain, { ...plain, regionCode, address });
}

const NATIONAL_ID = /^\d{16}$/;
const REPORTER_KEYS = new Set(['name', 'email', 'phone', 'nationalId']);

function validReporter(value: unknown): ReporterDto | undefined {
  const plain = plainObject(value, REPORTER_KEYS);
  if (!plain) return undefined;
  const values: PlainObject = {};
  if ('name' in plain) {
    values.name = textField(plain.name, 200, 'single-line');
    if (values.name === undefined) return undefined;
  }
  if ('email' in plain) {
    if (typeof plain.email !== 'string') return undefined;
    const email = plain.email.trim().normalize('NFC');
    if (!maxLength(email, 254) || !isEmail(email)) return undefined;
    values.email = email;
  }
  if ('phone' in plain) {
    if (typeof plain.phone !== 'string') return undefined;
    const phone = normalisePhoneNumber(plain.phone);
    if (phone === null || !maxLength(phone, 32) || normalisePhoneNumber(phone) !== phone) {
      return undefined;
    }
    values.phone = phone;
  }
  if ('nationalId' in plain) {
    values.nationalId = matchingString(plain.nationalId, NATIONAL_ID);
    if (values.nationalId === undefined) return undefined;
  }
  return instanceWith(new ReporterDto(), plain, values);
}

const SHA256_HEX = /^[0-9a-f]{64}$/;
const ATTACHMENT_KEYS = new Set(['url', 'contentType', 'size', 'sha256']);
const URL_OPTIONS = { protocols: ['https', 'http'], require_protocol: true, require_tld: false };

function validAttachment(value: unknown): AttachmentDto | undefined {
  const plain = plainObject(value, ATTACHMENT_KEYS);
  if (!plain) return undefined;
  const { url, contentType, size, sha256 } = plain;
  const valid =
    typeof url === 'string' &&
    maxLength(url, 2048) &&
    isURL(url, URL_OPTIONS) &&
    isIn(contentType, ATTACHMENT_CONTENT_TYPES) &&
    isInt(size) &&
    min(size, 1) &&
    max(size, ATTACHMENT_LIMITS.bytes) &&
    matchingString(sha256, SHA256_HEX) !== undefined;
  return valid ? instanceWith(new AttachmentDto(), plain) : undefined;
}

const SUBMISSION_KEYS = new Set([
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
]);

/** A present optional field: its valid value, or undefined; an absent one: null. */
function optional<T>(
  plain: PlainObject,
  key: string,
  valid: (value: unknown) => T | undefined,
): T | null | undefined {
  return key in plain ? valid(plain[key]) : null;
}

/**
 * The `SubmitComplaintDto` the validation pipe would make of `value`, when `value` certainly
 * passes the DTO's rules; otherwise `undefined`.
 */
export function validSubmission(value: unknown): SubmitComplaintDto | undefined {
  const plain = plainObject(value, SUBMISSION_KEYS);
  if (!plain) return undefined;
  const required = {
    type: oneOf(plain.type, COMPLAINT_TYPES),
    channel: oneOf(plain.channel, CHANNELS),
    title: textField(plain.title, 200, 'single-line'),
    body: textField(plain.body, 10_000, 'multi-line'),
    location: validLocation(plain.location),
    privacy: oneOf(plain.privacy, PRIVACIES),
  };
  const optionals = {
    category: optional(plain, 'category', (v) => oneOf(v, CATEGORY_CODES)),
    occurredAt: optional(plain, 'occurredAt', (v) =>
      typeof v === 'string' && maxLength(v, 40) && isDateOrInstant(v) ? v : undefined,
    ),
    targetAgency: optional(plain, 'targetAgency', (v) =>
      matchingString(v, AGENCY_CODE_PATTERN, 64),
    ),
    language: optional(plain, 'language', (v) => oneOf(v, LANGUAGES)),
    reporter: optional(plain, 'reporter', validReporter),
    attachments: optional(plain, 'attachments', (v) =>
      validArray(v, ATTACHMENT_LIMITS.count, validAttachment),
    ),
  };
  if (Object.values(required).some((v) => v === undefined)) return undefined;
  if (Object.values(optionals).some((v) => v === undefined)) return undefined;
  return instanceWith(new SubmitComplaintDto(), plain, { ...required, ...optionals });
}
