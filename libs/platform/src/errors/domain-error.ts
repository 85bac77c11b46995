/**
 * Base of the errors domain and application code throws. It knows nothing of HTTP: each module
 * maps its codes to statuses once, at the edge (`ProblemMapping.register`).
 *
 * ```ts
 * export class ComplaintNotFound extends DomainError {
 *   readonly code = 'ComplaintNotFound';
 *   constructor(id: string) { super(`complaint ${id} does not exist`); }
 * }
 * ```
 *
 * The message is meant for the client (it becomes the problem's `detail`), so it may name the
 * current state but never internals. `details` become extension members of the problem.
 */
export abstract class DomainError extends Error {
  abstract readonly code: string;
  readonly details?: Readonly<Record<string, unknown>>;

  constructor(
    message: string,
    options: { readonly details?: Record<string, unknown>; readonly cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    if (options.details) this.details = Object.freeze({ ...options.details });
  }
}

/**
 * A dependency the request needs is unavailable for now (database down, broker unreachable).
 * Answered with 503 and `Retry-After`, so clients and proxies back off and retry.
 */
export class ServiceUnavailableError extends Error {
  override readonly name = 'ServiceUnavailableError';
  readonly retryAfterSeconds: number;

  constructor(
    message = 'a dependency of this service is unavailable',
    options: { readonly retryAfterSeconds?: number; readonly cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.retryAfterSeconds = options.retryAfterSeconds ?? 5;
  }
}
