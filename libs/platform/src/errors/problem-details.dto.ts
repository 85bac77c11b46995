import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { FieldError } from './request-validation';
import type { ProblemDetails } from './problem-details';

/*
 * The problem+json shape for OpenAPI documents, so controllers can declare their error answers:
 * `@ApiNotFoundResponse({ type: ProblemDetailsDto, description: 'No such complaint' })`.
 */

export class FieldErrorDto implements FieldError {
  @ApiProperty({ example: 'reporter.email' })
  readonly field!: string;

  @ApiProperty({ example: 'email must be an email' })
  readonly message!: string;
}

export class ProblemDetailsDto implements ProblemDetails {
  readonly [extension: string]: unknown;

  @ApiProperty({ example: 'urn:salur:problem:illegal-transition' })
  readonly type!: string;

  @ApiProperty({ example: 'Illegal transition' })
  readonly title!: string;

  @ApiProperty({ example: 409 })
  readonly status!: number;

  @ApiPropertyOptional({ example: 'complaint is closed; it cannot be acknowledged' })
  readonly detail?: string;

  @ApiPropertyOptional({ example: '/v1/complaints/7f9c…/acknowledge' })
  readonly instance?: string;

  @ApiPropertyOptional({ example: 'IllegalTransition', description: 'Domain error code' })
  readonly code?: string;

  @ApiPropertyOptional({ type: [FieldErrorDto], description: 'Field-level validation failures' })
  readonly errors?: FieldErrorDto[];

  @ApiPropertyOptional({
    example: '4bf92f3577b34da6a3ce929d0e0e4736',
    description: 'Trace id of the request; quote it when reporting a problem',
  })
  readonly traceId?: string;
}
