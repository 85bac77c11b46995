import { DomainError } from '@salur/platform';

export class IdempotencyKeyReused extends DomainError {
  readonly code = 'IdempotencyKeyReused';
  constructor() {
    super('this Idempotency-Key was already used with a different request body');
  }
}

export class ReporterDetailsMissing extends DomainError {
  readonly code = 'ReporterDetailsMissing';
  constructor(readonly fields: string[]) {
    super(
      `a reporter who is not anonymous must give a name and an email or phone (missing: ${fields.join(', ')})`,
      {
        details: {
          errors: fields.map((field) => ({
            field,
            message: 'is required unless privacy is anonymous',
          })),
        },
      },
    );
  }
}

export class ComplaintNotFound extends DomainError {
  readonly code = 'ComplaintNotFound';
  constructor(trackingId: string) {
    super(`no complaint has tracking id ${trackingId}`);
  }
}

/** The complaint's status does not allow what the reporter asked; routing would refuse it too. */
export class ReporterActionNotAllowed extends DomainError {
  readonly code = 'ReporterActionNotAllowed';
  constructor(
    readonly action: string,
    readonly currentStatus: string,
    reason: string,
  ) {
    super(`cannot ${action}: ${reason}`, { details: { currentStatus } });
  }
}

/** Too many requests from one client address or for one reporter; retry after the window. */
export class RateLimited extends DomainError {
  readonly code = 'RateLimited';
  constructor(
    readonly scope: 'client' | 'reporter',
    readonly retryAfterSeconds: number,
  ) {
    super(
      scope === 'client'
        ? `too many requests from this client; retry in ${retryAfterSeconds} s`
        : `too many submissions for this reporter; retry in ${retryAfterSeconds} s`,
      { details: { retryAfterSeconds } },
    );
  }
}

export const INTAKE_PROBLEMS = {
  IdempotencyKeyReused: 422,
  ReporterDetailsMissing: 400,
  ComplaintNotFound: 404,
  ReporterActionNotAllowed: 409,
  RateLimited: 429,
} as const;
