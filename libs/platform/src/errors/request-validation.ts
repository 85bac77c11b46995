import { ValidationPipe, type ValidationError } from '@nestjs/common';

export interface FieldError {
  /** Dotted path into the request body or query: `reporter.email`, `attachments[0].url`. */
  readonly field: string;
  readonly message: string;
}

/**
 * The input of a request did not satisfy its DTO. Raised by the validation pipe; answered as a
 * 400 problem with one entry per failed constraint.
 */
export class RequestValidationError extends Error {
  override readonly name = 'RequestValidationError';

  constructor(readonly errors: readonly FieldError[]) {
    super(`request validation failed on ${errors.map((error) => error.field).join(', ')}`);
  }
}

/**
 * The global validation pipe: strips nothing silently (unknown properties are errors, so a typo in
 * a client's field name is reported rather than ignored), converts to the DTO classes, and turns
 * failures into `RequestValidationError` with nested field paths.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors: ValidationError[]) =>
      new RequestValidationError(flattenValidationErrors(errors)),
  });
}

/** Turns class-validator's error tree into one entry per failed constraint, with full paths. */
export function flattenValidationErrors(
  errors: readonly ValidationError[],
  parentPath = '',
): FieldError[] {
  return errors.flatMap((error) => {
    const path = joinPath(parentPath, error.property);
    const own = Object.values(error.constraints ?? {}).map((message) => ({
      field: path,
      message,
    }));
    return [...own, ...flattenValidationErrors(error.children ?? [], path)];
  });
}

function joinPath(parent: string, property: string): string {
  if (/^\d+$/.test(property)) return `${parent}[${property}]`;
  return parent === '' ? property : `${parent}.${property}`;
}
