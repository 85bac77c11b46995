import { EventEmitter } from 'node:events';

/**
 * What must never reach a log line: reporter identity (DESIGN.md: anonymous reporters are hidden
 * from everyone but the verifier), credentials and tokens. Keys match case-insensitively at any
 * depth of a logged object, so `{ event: { data: { reporter: { email } } } }` is covered as well
 * as `{ email }`. A new sensitive field name needs a line here.
 */
export const REDACTED_KEYS: readonly string[] = [
  // Reporter identity where it travels without the `reporter` wrapper (contacts, Open311).
  'email',
  'phone',
  'nationalId',
  'first_name',
  'last_name',
  // Credentials and tokens.
  'trackingToken',
  'password',
  'secret',
  'token',
  'accessToken',
  'refreshToken',
  'apiKey',
  'api_key',
  'signingSecret',
  'webhookSecret',
  'authorization',
  'cookie',
  'set-cookie',
  'x-tracking-token',
  'x-api-key',
  // Configuration objects that somebody logs whole.
  'DATABASE_URL',
  'AUTH_JWT_SECRET',
];

/** Fields of a `reporter` object; `name` is only personal there (agencies have names too). */
export const REDACTED_REPORTER_FIELDS: readonly string[] = [
  'name',
  'email',
  'phone',
  'nationalId',
  'address',
];

export const REDACT_CENSOR = '[redacted]';

const SENSITIVE = new Set(REDACTED_KEYS.map((key) => key.toLowerCase()));
const REPORTER_FIELDS = new Set(REDACTED_REPORTER_FIELDS.map((key) => key.toLowerCase()));
/** Deep enough for any payload we log; a bound on accidental cycles and huge object graphs. */
const MAX_DEPTH = 12;

/**
 * Returns `value` with every sensitive field replaced by `[redacted]`. Copies only the objects on
 * the way to a redacted field and returns the very same object when there is nothing to hide, so
 * the common case costs a walk and no allocation.
 *
 * pino's own path-based redaction has no "any depth" wildcard, and one path per key and depth
 * costs about a microsecond each on every line; this walk is what makes any-depth affordable.
 */
export function redactSensitive<T>(value: T): T {
  return walk(value, undefined, 0) as T;
}

function walk(value: unknown, parentKey: string | undefined, depth: number): unknown {
  if (depth > MAX_DEPTH || !isWalkable(value)) return value;
  if (Array.isArray(value)) {
    const items: readonly unknown[] = value;
    let copy: unknown[] | undefined;
    items.forEach((item, index) => {
      const redacted = walk(item, undefined, depth + 1);
      if (redacted !== item) {
        copy ??= [...items];
        copy[index] = redacted;
      }
    });
    return copy ?? value;
  }
  const record = value as Record<string, unknown>;
  let copy: Record<string, unknown> | undefined;
  for (const key of Object.keys(record)) {
    const child = record[key];
    const redacted = isSensitive(key, parentKey, child)
      ? REDACT_CENSOR
      : walk(child, key.toLowerCase(), depth + 1);
    if (redacted !== child) {
      copy ??= { ...record };
      copy[key] = redacted;
    }
  }
  return copy ?? value;
}

function isSensitive(key: string, parentKey: string | undefined, value: unknown): boolean {
  // An absent value hides nothing and tells the reader the field was empty.
  if (value === undefined || value === null) return false;
  const lower = key.toLowerCase();
  if (SENSITIVE.has(lower)) return true;
  if (parentKey === 'reporter' && REPORTER_FIELDS.has(lower)) return true;
  // `reporter: 'Siti Aminah'`: a reporter given as a bare name.
  return lower === 'reporter' && typeof value === 'string';
}

/**
 * Plain data and class instances (DTOs, entities) are walked. Not walked: streams, requests and
 * sockets (event emitters; the logger's serializers reduce them, and header paths are redacted
 * after), values with their own JSON form (dates, buffers), and errors, which go through the
 * error serializer.
 */
function isWalkable(value: unknown): value is object {
  if (typeof value !== 'object' || value === null) return false;
  if (value instanceof EventEmitter || value instanceof Error) return false;
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return false;
  if (value instanceof Map || value instanceof Set || value instanceof Promise) return false;
  return typeof (value as { toJSON?: unknown }).toJSON !== 'function';
}

/**
 * Paths redacted by pino itself, after serializers have turned the raw request and response into
 * plain objects (which the walk above never sees: it runs before serialization).
 */
export const SERIALIZED_REDACT_PATHS: readonly string[] = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-tracking-token"]',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  // TypeORM's QueryFailedError carries the statement's bound values.
  'err.parameters',
  'err.driverError.parameters',
];

const SENSITIVE_QUERY_PARAM = /token|key|secret|password|signature/i;
const QUERY_PARAM = /([?&])([^=&#]*)=([^&#]*)/g;

/**
 * Masks the values of credential-like query parameters (Open311's `api_key`, for instance) in a
 * URL that is about to be logged; the path and the other parameters stay as they were.
 */
export function redactUrl(url: string): string {
  if (!url.includes('?')) return url;
  return url.replace(QUERY_PARAM, (param: string, separator: string, name: string) =>
    SENSITIVE_QUERY_PARAM.test(decodeURIComponentSafe(name))
      ? `${separator}${name}=${REDACT_CENSOR}`
      : param,
  );
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
