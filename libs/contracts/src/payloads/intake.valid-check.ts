import {
  isEmail,
  isIn,
  isInt,
  isNumber,
  isURL,
  isUUID,
  matches,
  max,
  maxLength,
  min,
  minLength,
} from 'class-validator';
import {
  CATEGORY_MAX_LENGTH,
  CATEGORY_PATTERN,
  isAgencyCode,
  isRegionCode,
  TRACKING_ID_PATTERN,
} from '../codes';
import { CHANNELS, COMPLAINT_TYPES, LANGUAGES, PRIVACIES } from '../vocabulary';
import { AttachmentRefPayload, PayloadLimits } from './common';
import { isDateOrInstant, isInstant } from './field-decorators';
import { instanceWith, plainObject, validArray } from './plain-object';
import {
  ComplaintSubmittedPayload,
  NATIONAL_ID_PATTERN,
  PHONE_PATTERN,
  ReporterIdentityPayload,
  SubmittedLocationPayload,
} from './intake.payloads';

/*
 * The rules of `ComplaintSubmittedPayload` (intake.payloads.ts, common.ts, field-decorators.ts)
 * written out by hand, for `validateEventData`'s cheap path: every submission's event is
 * validated when intake writes it and again by each consumer, and class-validator reads its
 * decorator metadata anew for every object it meets. `validComplaintSubmittedData` returns what
 * class-transformer and class-validator would return for data they accept, and `undefined` for
 * anything it is not sure of, which `validateEventData` then checks as before, so every refusal
 * keeps its issues. Each rule calls the same class-validator function as its decorator. A rule
 * added to the payload must be added here too: the spec next to this file compares the two.
 */

/** `Text(maxChars)`: a string of 1 to `maxChars` characters, not blank. */
function isText(value: unknown, maxChars: number): boolean {
  return minLength(value, 1) && maxLength(value, maxChars) && matches(value as string, /\S/);
}

/** `Optional()`: absent (or undefined), or valid. */
function absentOr(value: unknown, valid: (value: unknown) => boolean): boolean {
  return value === undefined || valid(value);
}

const LOCATION_KEYS = new Set(['regionCode', 'address', 'lat', 'lon']);
const FINITE = { allowNaN: false, allowInfinity: false };

function validLocation(value: unknown): SubmittedLocationPayload | undefined {
  const plain = plainObject(value, LOCATION_KEYS);
  if (!plain) return undefined;
  const { regionCode, address, lat, lon } = plain;
  // `RequiredWhen`: each coordinate is required when the other is given.
  const coordinates =
    lat === undefined && lon === undefined
      ? true
      : isNumber(lat, FINITE) &&
        min(lat, -90) &&
        max(lat, 90) &&
        isNumber(lon, FINITE) &&
        min(lon, -180) &&
        max(lon, 180);
  const valid =
    isRegionCode(regionCode) &&
    absentOr(address, (v) => isText(v, PayloadLimits.shortText)) &&
    coordinates;
  return valid ? instanceWith(new SubmittedLocationPayload(), plain) : undefined;
}

const REPORTER_KEYS = new Set(['name', 'email', 'phone', 'nationalId']);

function validReporter(value: unknown): ReporterIdentityPayload | undefined {
  const plain = plainObject(value, REPORTER_KEYS);
  if (!plain) return undefined;
  const { name, email, phone, nationalId } = plain;
  const valid =
    // `IsNotEmptyObject({ nullable: false })`: something given.
    Object.values(plain).some((v) => v !== undefined && v !== null) &&
    absentOr(name, (v) => isText(v, 200)) &&
    absentOr(email, (v) => isEmail(v) && maxLength(v, 254)) &&
    absentOr(phone, (v) => typeof v === 'string' && matches(v, PHONE_PATTERN)) &&
    absentOr(nationalId, (v) => typeof v === 'string' && matches(v, NATIONAL_ID_PATTERN));
  return valid ? instanceWith(new ReporterIdentityPayload(), plain) : undefined;
}

const ATTACHMENT_KEYS = new Set(['url', 'contentType', 'size', 'sha256']);
const URL_OPTIONS = { protocols: ['http', 'https'], require_protocol: true, require_tld: false };
const MIME_TYPE = /^[a-z]+\/[a-z0-9][a-z0-9.+-]*$/;
const SHA256_HEX = /^[0-9a-f]{64}$/;

function validAttachment(value: unknown): AttachmentRefPayload | undefined {
  const plain = plainObject(value, ATTACHMENT_KEYS);
  if (!plain) return undefined;
  const { url, contentType, size, sha256 } = plain;
  const valid =
    typeof url === 'string' &&
    isURL(url, URL_OPTIONS) &&
    maxLength(url, PayloadLimits.urlLength) &&
    typeof contentType === 'string' &&
    matches(contentType, MIME_TYPE) &&
    maxLength(contentType, 127) &&
    isInt(size) &&
    min(size, 1) &&
    max(size, PayloadLimits.attachmentBytes) &&
    typeof sha256 === 'string' &&
    matches(sha256, SHA256_HEX);
  return valid ? instanceWith(new AttachmentRefPayload(), plain) : undefined;
}

const SUBMITTED_KEYS = new Set([
  'complaintId',
  'trackingId',
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
  'submittedAt',
]);

/**
 * The `ComplaintSubmittedPayload` instance `validateEventData` would return for `data`, when
 * `data` certainly passes the payload's rules; otherwise `undefined`.
 */
export function validComplaintSubmittedData(data: unknown): ComplaintSubmittedPayload | undefined {
  const plain = plainObject(data, SUBMITTED_KEYS);
  if (!plain) return undefined;
  const location = validLocation(plain.location);
  const reporter = plain.reporter === undefined ? undefined : validReporter(plain.reporter);
  const attachments = validArray(
    plain.attachments,
    PayloadLimits.attachmentsPerMessage,
    validAttachment,
  );
  const valid =
    isUUID(plain.complaintId) &&
    typeof plain.trackingId === 'string' &&
    matches(plain.trackingId, TRACKING_ID_PATTERN) &&
    isIn(plain.type, COMPLAINT_TYPES) &&
    isIn(plain.channel, CHANNELS) &&
    isText(plain.title, PayloadLimits.title) &&
    isText(plain.body, PayloadLimits.body) &&
    absentOr(
      plain.category,
      (v) =>
        typeof v === 'string' && matches(v, CATEGORY_PATTERN) && maxLength(v, CATEGORY_MAX_LENGTH),
    ) &&
    absentOr(plain.occurredAt, isDateOrInstant) &&
    location !== undefined &&
    absentOr(plain.targetAgency, isAgencyCode) &&
    isIn(plain.privacy, PRIVACIES) &&
    isIn(plain.language, LANGUAGES) &&
    (plain.reporter === undefined || reporter !== undefined) &&
    attachments !== undefined &&
    isInstant(plain.submittedAt);
  if (!valid) return undefined;
  return instanceWith(new ComplaintSubmittedPayload(), plain, {
    ...plain,
    location,
    reporter,
    attachments,
  });
}
