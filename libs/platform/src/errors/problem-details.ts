import { STATUS_CODES } from 'node:http';
import type { FieldError } from './request-validation';

/** RFC 9457 problem details, as every Salur service answers errors (`application/problem+json`). */
export interface ProblemDetails {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  /** The request path the problem occurred on. */
  readonly instance?: string;
  /** The domain error code, for clients that switch on it. */
  readonly code?: string;
  /** Field-level details of a validation failure. */
  readonly errors?: readonly FieldError[];
  /** The trace id of the request, to quote when reporting a problem; it finds the logs. */
  readonly traceId?: string;
  readonly [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

/** `about:blank`: the problem has no more semantics than its HTTP status (RFC 9457, 4.2.1). */
export function statusProblem(status: number, detail?: string): ProblemDetails {
  return {
    type: 'about:blank',
    title: STATUS_CODES[status] ?? 'Error',
    status,
    ...(detail === undefined ? {} : { detail }),
  };
}
