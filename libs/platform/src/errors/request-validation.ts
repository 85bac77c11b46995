import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';

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
 * A cheaper check of one DTO's input, for a hot route: the DTO instance exactly as the validation
 * pipe would return it (same class, same transformed values) when the input certainly passes
 * its rules, else `undefined`, and the pipe validates as usual. It never refuses anything itself,
 * so every error still comes from class-validator with the same fields and messages.
 */
export type ValidDtoCheck<T> = (value: unknown) => T | undefined;

const validDtoChecks = new Map<abstract new () => unknown, ValidDtoCheck<unknown>>();

/** Gives the global validation pipe a cheaper check for inputs of `metatype` (see above). */
export function registerValidDtoCheck<T>(
  metatype: abstract new () => T,
  check: ValidDtoCheck<T>,
): void {
  validDtoChecks.set(metatype, check);
}

/**
 * class-validator and class-transformer read their decorator metadata anew for every object
 * they meet, which made validation one of the largest costs of a submission: a DTO with a
 * registered check skips them when the check vouches for the input.
 */
class RequestValidationPipe extends ValidationPipe {
  override transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const check =
      metadata.metatype === undefined ? undefined : validDtoChecks.get(metadata.metatype);
    const valid = check?.(value);
    return valid !== undefined ? Promise.resolve(valid) : super.transform(value, metadata);
  }
}

/**
 * The global validation pipe: strips nothing silently (unknown properties are errors, so a typo in
 * a client's field name is reported rather than ignored), converts to the DTO classes, and turns
 * failures into `RequestValidationError` with nested field paths.
 */
export function createValidationPipe(): ValidationPipe {
  return new RequestValidationPipe({
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
