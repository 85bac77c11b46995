import { plainToInstance } from 'class-transformer';
import { isUUID, validateSync, type ValidationError } from 'class-validator';
import { EventCatalogue, type EventDataMap } from './catalogue';
import { isAgencyCode, isRegionCode } from './codes';
import type { EventEnvelope } from './envelope';
import { EventTypes, isEventType, type EventType } from './event-types';
import { isInstant } from './payloads/field-decorators';
import { validComplaintSubmittedData } from './payloads/intake.valid-check';

export interface ValidationIssue {
  /** Where, in dotted form with array indexes: `complaint.status`, `attachments[0].sha256`; `''` for the whole value. */
  readonly path: string;
  readonly message: string;
}

/**
 * An event's attributes or data break the contract. Not retriable: the same bytes will fail the
 * same way, so a consumer dead-letters the event and a producer has a bug to fix.
 */
export class EventValidationError extends Error {
  override readonly name = 'EventValidationError';
  readonly retriable = false;

  constructor(
    /** What was checked, e.g. `salur.complaint.routed.v1 data` or `event envelope`. */
    readonly checked: string,
    readonly issues: readonly ValidationIssue[],
  ) {
    super(
      `${checked} is invalid: ${issues
        .slice(0, 10)
        .map((issue) => `${issue.path === '' ? '(value)' : issue.path}: ${issue.message}`)
        .join('; ')}${issues.length > 10 ? `; and ${issues.length - 10} more` : ''}`,
    );
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Keys that would reach an object's prototype when copied; JSON.parse makes them own keys. */
function forbiddenKeyIssues(value: unknown, path: string): ValidationIssue[] {
  if (Array.isArray(value)) {
    return value.flatMap((item, index) => forbiddenKeyIssues(item, `${path}[${index}]`));
  }
  if (!isPlainObject(value)) return [];
  return Object.keys(value).flatMap((key) => {
    const at = path === '' ? key : `${path}.${key}`;
    return FORBIDDEN_KEYS.has(key)
      ? [{ path: at, message: `property ${key} should not exist` }]
      : forbiddenKeyIssues(value[key], at);
  });
}

function flatten(errors: readonly ValidationError[], parent: string): ValidationIssue[] {
  return errors.flatMap((error) => {
    const path = /^\d+$/.test(error.property)
      ? `${parent}[${error.property}]`
      : parent === ''
        ? error.property
        : `${parent}.${error.property}`;
    const constraints = Object.values(error.constraints ?? {});
    // A missing field fails every constraint on it; one issue says it better.
    const own =
      error.value === undefined && constraints.length > 0
        ? [{ path, message: `${error.property} is required` }]
        : constraints.map((message) => ({ path, message }));
    return [...own, ...flatten(error.children ?? [], path)];
  });
}

/** Per event type, a check that returns the valid instance or `undefined` (see its file). */
const VALID_DATA_CHECKS: {
  readonly [T in EventType]?: (data: unknown) => EventDataMap[T] | undefined;
} = {
  [EventTypes.ComplaintSubmitted]: validComplaintSubmittedData,
};

/**
 * Checks an event's `data` against its payload class and returns it as an instance of that class.
 * Unknown properties are refused, at every depth. Throws {@link EventValidationError}.
 */
export function validateEventData<T extends EventType>(type: T, data: unknown): EventDataMap[T] {
  if (!isEventType(type)) {
    throw new EventValidationError('event data', [
      { path: '', message: `unknown event type ${JSON.stringify(type)}` },
    ]);
  }
  const checked = `${type} data`;
  if (!isPlainObject(data)) {
    throw new EventValidationError(checked, [{ path: '', message: 'data must be a JSON object' }]);
  }
  const unsafe = forbiddenKeyIssues(data, '');
  if (unsafe.length > 0) throw new EventValidationError(checked, unsafe);

  // The most frequent event has its rules written out as well, to spare class-validator's cost
  // when they certainly hold (anything else is checked by the decorators, as every other event).
  const vouched = VALID_DATA_CHECKS[type]?.(data);
  if (vouched !== undefined) return vouched;

  const dataClass = EventCatalogue[type].dataClass;
  const instance = plainToInstance(dataClass, data);
  const errors = validateSync(instance, {
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    // Values are read to tell a missing field apart; issues never quote them (they may be personal).
    validationError: { target: false, value: true },
  });
  if (errors.length > 0) throw new EventValidationError(checked, flatten(errors, ''));
  return instance;
}

/** The attributes of a valid envelope (whatever its `data`). */
export type EventEnvelopeAttributes = Omit<EventEnvelope<unknown, EventType>, 'data'>;

/** A URI reference that is an absolute path: `/salur/intake`. */
const SOURCE_PATTERN = /^\/[A-Za-z0-9\-._~!$&'()*+,;=:@%/]*$/;
const TRACEPARENT_PATTERN = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}$/;

export function isTraceparent(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = TRACEPARENT_PATTERN.exec(value);
  return match !== null && match[1] !== 'ff' && !/^0+$/.test(match[2]) && !/^0+$/.test(match[3]);
}

function envelopeIssues(attrs: Record<string, unknown>): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const check = (path: string, ok: boolean, message: string): void => {
    if (!ok) issues.push({ path, message });
  };
  const { specversion, id, source, type, time, subject, datacontenttype } = attrs;
  check('specversion', specversion === '1.0', "specversion must be '1.0'");
  check('id', typeof id === 'string' && isUUID(id), 'id must be a UUID');
  check(
    'source',
    typeof source === 'string' && source.length <= 255 && SOURCE_PATTERN.test(source),
    'source must be a URI reference starting with /, e.g. /salur/intake',
  );
  check('type', isEventType(type), `type ${JSON.stringify(type)} is not a known event type`);
  check('time', isInstant(time), 'time must be an RFC 3339 instant');
  check(
    'subject',
    typeof subject === 'string' && subject.trim() !== '' && subject.length <= 255,
    'subject must be a non-empty string (the complaint id)',
  );
  check(
    'datacontenttype',
    datacontenttype === 'application/json',
    "datacontenttype must be 'application/json'",
  );
  if (attrs.agency !== undefined) {
    check('agency', isAgencyCode(attrs.agency), 'agency must be an agency code, e.g. pemda-64.71');
  }
  if (attrs.region !== undefined) {
    check('region', isRegionCode(attrs.region), 'region must be a Kemendagri code, e.g. 64.71');
  }
  if (attrs.traceparent !== undefined) {
    check('traceparent', isTraceparent(attrs.traceparent), 'traceparent must be W3C trace context');
  }
  return issues;
}

/**
 * Checks the CloudEvents attributes of an envelope (its `data` is not looked at; see
 * {@link validateEventData} and {@link validateEvent}). Unknown extension attributes are allowed,
 * as CloudEvents requires. Throws {@link EventValidationError}.
 */
export function validateEnvelope(attrs: unknown): asserts attrs is EventEnvelopeAttributes {
  if (!isPlainObject(attrs)) {
    throw new EventValidationError('event envelope', [
      { path: '', message: 'the envelope must be an object' },
    ]);
  }
  const issues = envelopeIssues(attrs);
  if (issues.length > 0) throw new EventValidationError('event envelope', issues);
}
