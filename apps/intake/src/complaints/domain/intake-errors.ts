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

export const INTAKE_PROBLEMS = {
  IdempotencyKeyReused: 422,
  ReporterDetailsMissing: 400,
  ComplaintNotFound: 404,
} as const;
