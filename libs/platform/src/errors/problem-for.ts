import { HttpException } from '@nestjs/common';
import { DomainError, ServiceUnavailableError } from './domain-error';
import { isTransientInfrastructureError } from './infrastructure-errors';
import { statusProblem, type ProblemDetails } from './problem-details';
import { ProblemMapping } from './problem-mapping';
import { RequestValidationError, type FieldError } from './request-validation';

/** How an exception is answered and whether it deserves an operator's attention. */
export interface ProblemResponse {
  readonly problem: ProblemDetails;
  readonly headers: Readonly<Record<string, string>>;
  /**
   * `error`: a bug or an unmapped case, logged with its stack; `warn`: a dependency is down;
   * `none`: the client's mistake, already visible in the request log line.
   */
  readonly log: 'error' | 'warn' | 'none';
}

const UNEXPECTED_DETAIL =
  'An unexpected error occurred. It has been logged; quote the traceId when reporting it.';
const UNAVAILABLE_DETAIL =
  'The service is temporarily unavailable. Retry after the indicated delay.';
const DEFAULT_RETRY_AFTER_SECONDS = 5;

/**
 * Maps anything thrown while serving a request to the problem the client gets. Pure, so the
 * mapping is unit-tested without a server; the filter adds `instance` and `traceId`.
 */
export function problemFor(exception: unknown): ProblemResponse {
  if (exception instanceof RequestValidationError) {
    return {
      problem: {
        type: 'urn:salur:problem:validation',
        title: 'Request validation failed',
        status: 400,
        detail: `${exception.errors.length} ${exception.errors.length === 1 ? 'field is' : 'fields are'} invalid.`,
        errors: exception.errors,
      },
      headers: {},
      log: 'none',
    };
  }
  if (exception instanceof DomainError) return domainProblem(exception);
  if (exception instanceof ServiceUnavailableError) {
    return unavailable(exception.retryAfterSeconds);
  }
  if (exception instanceof HttpException) return httpExceptionProblem(exception);
  if (isTransientInfrastructureError(exception)) return unavailable(DEFAULT_RETRY_AFTER_SECONDS);
  const clientStatus = clientErrorStatus(exception);
  if (clientStatus !== undefined && exception instanceof Error) {
    return { problem: statusProblem(clientStatus, exception.message), headers: {}, log: 'none' };
  }
  return unexpected();
}

function domainProblem(error: DomainError): ProblemResponse {
  const mapping = ProblemMapping.resolve(error.code);
  // An unmapped code is a gap in the module's registration: a 500 keeps the message (which was
  // written for a mapped case) from leaking, and the log names the code to register.
  if (!mapping) return unexpected();
  const { errors, ...rest } = error.details ?? {};
  const extensions = Object.fromEntries(
    Object.entries(rest).filter(([key]) => !RESERVED_MEMBERS.has(key)),
  );
  return {
    problem: {
      ...extensions,
      type: mapping.type,
      title: mapping.title,
      status: mapping.status,
      detail: error.message,
      code: error.code,
      // A domain rule about input (e.g. "name required unless anonymous") may name fields, in
      // the same shape as request validation errors.
      ...(isFieldErrors(errors) ? { errors } : {}),
    },
    headers: {},
    log: mapping.status >= 500 ? 'error' : 'none',
  };
}

const RESERVED_MEMBERS = new Set([
  'type',
  'title',
  'status',
  'detail',
  'instance',
  'code',
  'traceId',
]);

function isFieldErrors(value: unknown): value is FieldError[] {
  return (
    Array.isArray(value) &&
    value.every(
      (item: unknown) =>
        typeof item === 'object' &&
        item !== null &&
        typeof (item as { field?: unknown }).field === 'string' &&
        typeof (item as { message?: unknown }).message === 'string',
    )
  );
}

function httpExceptionProblem(exception: HttpException): ProblemResponse {
  const status = exception.getStatus();
  if (status === 503) return unavailable(DEFAULT_RETRY_AFTER_SECONDS);
  if (status >= 500) return unexpected(status);
  return {
    problem: statusProblem(status, httpExceptionDetail(exception)),
    headers: {},
    log: 'none',
  };
}

/** Nest's exceptions carry `{ message: string | string[] }` bodies; a plain string is used as is. */
function httpExceptionDetail(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.map(String).join('; ');
  if (typeof message === 'string') return message;
  return exception.message;
}

/**
 * Errors raised by Fastify and its parsers before a route runs (malformed JSON, for one) carry a
 * 4xx `statusCode` without being Nest exceptions; they describe the client's mistake.
 */
function clientErrorStatus(exception: unknown): number | undefined {
  if (!(exception instanceof Error)) return undefined;
  const { statusCode, status } = exception as { statusCode?: unknown; status?: unknown };
  const candidate = typeof statusCode === 'number' ? statusCode : status;
  return typeof candidate === 'number' && candidate >= 400 && candidate < 500
    ? candidate
    : undefined;
}

function unavailable(retryAfterSeconds: number): ProblemResponse {
  return {
    problem: {
      type: 'urn:salur:problem:service-unavailable',
      title: 'Service unavailable',
      status: 503,
      detail: UNAVAILABLE_DETAIL,
    },
    headers: { 'retry-after': String(Math.max(1, Math.ceil(retryAfterSeconds))) },
    log: 'warn',
  };
}

function unexpected(status = 500): ProblemResponse {
  return { problem: statusProblem(status, UNEXPECTED_DETAIL), headers: {}, log: 'error' };
}
