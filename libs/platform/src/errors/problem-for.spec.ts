import {
  BadRequestException,
  HttpException,
  InternalServerErrorException,
  NotFoundException,
  ValidationPipe,
} from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsEmail, IsInt, IsString, ValidateNested } from 'class-validator';
import { DomainError, ServiceUnavailableError } from './domain-error';
import { problemFor } from './problem-for';
import { ProblemMapping } from './problem-mapping';
import { createValidationPipe, RequestValidationError } from './request-validation';

class IllegalTransition extends DomainError {
  readonly code = 'IllegalTransition';
}
class NeverRegistered extends DomainError {
  readonly code = 'NeverRegistered';
}

describe('ProblemMapping', () => {
  beforeEach(() => {
    ProblemMapping.clear();
  });

  it('derives title and type from the code', () => {
    ProblemMapping.register({ ComplaintNotFound: 404 });
    expect(ProblemMapping.resolve('ComplaintNotFound')).toEqual({
      status: 404,
      title: 'Complaint not found',
      type: 'urn:salur:problem:complaint-not-found',
    });
  });

  it('takes an explicit title and type', () => {
    ProblemMapping.register({
      IllegalTransition: {
        status: 409,
        title: 'Transition not allowed',
        type: 'https://docs.example/illegal',
      },
    });
    expect(ProblemMapping.resolve('IllegalTransition')).toEqual({
      status: 409,
      title: 'Transition not allowed',
      type: 'https://docs.example/illegal',
    });
  });

  it('accepts the same registration twice and refuses a conflicting one', () => {
    ProblemMapping.register({ ComplaintNotFound: 404 });
    expect(() => {
      ProblemMapping.register({ ComplaintNotFound: 404 });
    }).not.toThrow();
    expect(() => {
      ProblemMapping.register({ ComplaintNotFound: 410 });
    }).toThrow(/ComplaintNotFound is already registered as 404/);
  });

  it('refuses statuses that are not errors', () => {
    expect(() => {
      ProblemMapping.register({ ComplaintNotFound: 200 });
    }).toThrow(/not a 4xx or 5xx/);
  });
});

describe('problemFor', () => {
  beforeAll(() => {
    ProblemMapping.clear();
    ProblemMapping.register({ ComplaintNotFound: 404, IllegalTransition: 409 });
  });

  it('maps a registered domain error with its message and details', () => {
    const error = new IllegalTransition('complaint is closed; cannot acknowledge', {
      details: { currentStatus: 'closed', status: 999, type: 'spoofed' },
    });
    expect(problemFor(error)).toEqual({
      problem: {
        type: 'urn:salur:problem:illegal-transition',
        title: 'Illegal transition',
        status: 409,
        detail: 'complaint is closed; cannot acknowledge',
        code: 'IllegalTransition',
        currentStatus: 'closed',
      },
      headers: {},
      log: 'none',
    });
  });

  it('passes field errors a domain error names, in the validation shape', () => {
    const error = new IllegalTransition('a reporter who is not anonymous must give a name', {
      details: {
        errors: [{ field: 'reporter.name', message: 'is required unless privacy is anonymous' }],
      },
    });
    expect(problemFor(error).problem.errors).toEqual([
      { field: 'reporter.name', message: 'is required unless privacy is anonymous' },
    ]);
    const malformed = new IllegalTransition('x', { details: { errors: 'not a list' } });
    expect(problemFor(malformed).problem).not.toHaveProperty('errors');
  });

  it('answers an unmapped domain error with a bare 500, hiding its message', () => {
    const { problem, log } = problemFor(new NeverRegistered('internal state dump'));
    expect(problem.status).toBe(500);
    expect(JSON.stringify(problem)).not.toContain('internal state dump');
    expect(log).toBe('error');
  });

  it('answers unexpected errors with a bare 500', () => {
    const { problem, headers, log } = problemFor(
      new TypeError("Cannot read properties of undefined (reading 'id')"),
    );
    expect(problem).toMatchObject({
      type: 'about:blank',
      title: 'Internal Server Error',
      status: 500,
    });
    expect(problem.detail).not.toContain('undefined');
    expect(headers).toEqual({});
    expect(log).toBe('error');
    expect(problemFor('a string was thrown').problem.status).toBe(500);
  });

  it('answers ServiceUnavailableError with 503 and Retry-After', () => {
    const { problem, headers, log } = problemFor(
      new ServiceUnavailableError('postgres at 10.0.0.5 refused', { retryAfterSeconds: 2.5 }),
    );
    expect(problem).toMatchObject({ status: 503, type: 'urn:salur:problem:service-unavailable' });
    expect(problem.detail).not.toContain('10.0.0.5');
    expect(headers).toEqual({ 'retry-after': '3' });
    expect(log).toBe('warn');
  });

  it('recognises a database that is down from the driver error', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
      code: 'ECONNREFUSED',
    });
    const queryFailed = Object.assign(new Error('terminating connection'), {
      driverError: Object.assign(new Error('terminating connection due to administrator command'), {
        code: '57P01',
      }),
    });
    const poolTimeout = new Error('timeout exceeded when trying to connect');
    for (const error of [refused, queryFailed, poolTimeout]) {
      expect(problemFor(error)).toMatchObject({
        problem: { status: 503 },
        headers: { 'retry-after': '5' },
      });
    }
    const constraint = Object.assign(new Error('duplicate key'), { code: '23505' });
    expect(problemFor(constraint).problem.status).toBe(500);
  });

  it('keeps the status and message of Nest HTTP exceptions below 500', () => {
    expect(problemFor(new NotFoundException('Cannot GET /nope')).problem).toEqual({
      type: 'about:blank',
      title: 'Not Found',
      status: 404,
      detail: 'Cannot GET /nope',
    });
    expect(problemFor(new BadRequestException(['a is bad', 'b is bad'])).problem.detail).toBe(
      'a is bad; b is bad',
    );
    expect(problemFor(new HttpException('Request body is too large', 413)).problem).toMatchObject({
      status: 413,
      title: 'Payload Too Large',
    });
  });

  it('hides the message of Nest HTTP exceptions of 500 and above', () => {
    const { problem, log } = problemFor(new InternalServerErrorException('stack trace here'));
    expect(problem.status).toBe(500);
    expect(problem.detail).not.toContain('stack trace here');
    expect(log).toBe('error');
  });

  it('answers framework client errors (malformed JSON) with their 4xx status', () => {
    const syntax = Object.assign(new SyntaxError('Unexpected end of JSON input'), {
      statusCode: 400,
    });
    expect(problemFor(syntax)).toEqual({
      problem: {
        type: 'about:blank',
        title: 'Bad Request',
        status: 400,
        detail: 'Unexpected end of JSON input',
      },
      headers: {},
      log: 'none',
    });
  });

  it('answers validation failures with field errors', () => {
    const error = new RequestValidationError([
      { field: 'reporter.email', message: 'email must be an email' },
    ]);
    expect(problemFor(error).problem).toEqual({
      type: 'urn:salur:problem:validation',
      title: 'Request validation failed',
      status: 400,
      detail: '1 field is invalid.',
      errors: [{ field: 'reporter.email', message: 'email must be an email' }],
    });
  });
});

class AttachmentDto {
  @IsString()
  url!: string;
}
class ReporterDto {
  @IsEmail()
  email!: string;
}
class SubmitDto {
  @IsInt()
  rating!: number;

  @ValidateNested()
  @Type(() => ReporterDto)
  reporter!: ReporterDto;

  @ValidateNested({ each: true })
  @Type(() => AttachmentDto)
  attachments!: AttachmentDto[];
}

describe('createValidationPipe', () => {
  const pipe: ValidationPipe = createValidationPipe();
  const transform = (value: unknown): Promise<unknown> =>
    pipe.transform(value, { type: 'body', metatype: SubmitDto });

  it('reports nested and array fields with their full path, and unknown properties', async () => {
    const failure = await transform({
      rating: 'five',
      reporter: { email: 'nope', nickname: 'x' },
      attachments: [{ url: 'https://x' }, { url: 42 }],
      sneaky: true,
    }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(RequestValidationError);
    const { errors } = failure as RequestValidationError;
    expect(errors).toEqual(
      expect.arrayContaining([
        { field: 'rating', message: 'rating must be an integer number' },
        { field: 'reporter.email', message: 'email must be an email' },
        { field: 'reporter.nickname', message: 'property nickname should not exist' },
        { field: 'attachments[1].url', message: 'url must be a string' },
        { field: 'sneaky', message: 'property sneaky should not exist' },
      ]),
    );
    expect(errors).toHaveLength(5);
  });

  it('returns an instance of the DTO when the input is valid', async () => {
    const value = await transform({
      rating: 5,
      reporter: { email: 'a@example.id' },
      attachments: [],
    });
    expect(value).toBeInstanceOf(SubmitDto);
    expect((value as SubmitDto).reporter).toBeInstanceOf(ReporterDto);
  });
});
