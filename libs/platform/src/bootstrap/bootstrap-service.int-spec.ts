import { Body, Controller, Get, Module, Param, Post } from '@nestjs/common';
import { ApiNotFoundResponse } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsEmail, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { DataSource } from 'typeorm';
import {
  BaseServiceEnv,
  bootstrapService,
  currentTraceparent,
  DomainError,
  loadConfig,
  ProblemDetailsDto,
  ProblemMapping,
  ServiceUnavailableError,
  TypeOrmDatabaseModule,
  type ReadinessIndicator,
  type ServiceHandle,
} from '@salur/platform';

const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const TRACEPARENT = `00-${TRACE_ID}-00f067aa0ba902b7-01`;

class ReporterDto {
  @IsString()
  @MaxLength(200)
  name!: string;

  @IsOptional()
  @IsEmail()
  email?: string;
}

class CreateThingDto {
  @IsString()
  title!: string;

  @ValidateNested()
  @Type(() => ReporterDto)
  reporter!: ReporterDto;
}

class ThingNotFound extends DomainError {
  readonly code = 'ThingNotFound';
  constructor(id: string) {
    super(`thing ${id} does not exist`, { details: { thingId: id } });
  }
}

class ThingLocked extends DomainError {
  readonly code = 'ThingLocked';
}

class UnmappedFailure extends DomainError {
  readonly code = 'UnmappedFailure';
}

@Controller('v1/things')
class ThingsController {
  @Post()
  create(@Body() body: CreateThingDto): { title: string; traceparent: string | undefined } {
    return { title: body.title, traceparent: currentTraceparent() };
  }

  @Get('slow')
  async slow(): Promise<{ done: true }> {
    await new Promise((resolve) => setTimeout(resolve, 400));
    return { done: true };
  }

  @Get('boom')
  boom(): never {
    throw new Error('password=hunter2 at db.internal:5432');
  }

  @Get('unavailable')
  unavailable(): never {
    throw new ServiceUnavailableError('database is down', { retryAfterSeconds: 7 });
  }

  @Get('locked')
  locked(): never {
    throw new ThingLocked('the thing is locked; current status is closed');
  }

  @Get('unmapped')
  unmapped(): never {
    throw new UnmappedFailure('should not be shown');
  }

  @Get(':id')
  @ApiNotFoundResponse({ type: ProblemDetailsDto, description: 'No such thing' })
  find(@Param('id') id: string): never {
    throw new ThingNotFound(id);
  }
}

@Module({
  imports: [
    TypeOrmDatabaseModule.forService({ schema: 'public', url: DATABASE_URL, entities: [] }),
  ],
  controllers: [ThingsController],
})
class ThingsModule {}

ProblemMapping.register({
  ThingNotFound: 404,
  ThingLocked: { status: 409, title: 'Thing is locked' },
});

describe('bootstrapService', () => {
  let service: ServiceHandle;
  let kafkaUp = true;
  const kafka: ReadinessIndicator = {
    name: 'kafka',
    check: () => (kafkaUp ? Promise.resolve() : Promise.reject(new Error('producer disconnected'))),
  };
  const logLines: Array<Record<string, unknown>> = [];
  const rawLog: string[] = [];

  beforeAll(async () => {
    const config = loadConfig(BaseServiceEnv, {
      PORT: '0',
      DATABASE_URL,
      KAFKA_BROKERS: '127.0.0.1:9092',
      AUTH_JWT_SECRET: 'a-development-secret-of-32-chars!!',
      HTTP_BODY_LIMIT: '2048',
      SHUTDOWN_DELAY_MS: '300',
      SHUTDOWN_GRACE_MS: '5000',
      LOG_LEVEL: 'info',
    });
    service = await bootstrapService({
      name: 'platform-test',
      module: ThingsModule,
      config,
      host: '127.0.0.1',
      handleSignals: false,
      health: { checks: [kafka], timeoutMs: 1000 },
      swagger: { title: 'Platform test', version: '1.0.0' },
      logDestination: {
        write(line: string) {
          rawLog.push(line);
          logLines.push(JSON.parse(line) as Record<string, unknown>);
        },
      },
    });
  });

  afterAll(async () => {
    await service.shutdown('test finished');
  });

  const url = (path: string): string => `${service.url}${path}`;
  const postJson = (path: string, body: string, headers: Record<string, string> = {}) =>
    fetch(url(path), {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', ...headers },
    });

  it('answers liveness and readiness with Postgres and registered indicators up', async () => {
    const live = await fetch(url('/health/live'));
    expect(live.status).toBe(200);
    const ready = await fetch(url('/health/ready'));
    expect(ready.status).toBe(200);
    const body = (await ready.json()) as {
      status: string;
      details: Record<string, { status: string }>;
    };
    expect(body.status).toBe('ok');
    expect(body.details.database.status).toBe('up');
    expect(body.details.kafka.status).toBe('up');
  });

  it('connects to Postgres with a statement timeout and no schema synchronization', async () => {
    const dataSource = service.app.get(DataSource);
    expect(dataSource.options.synchronize).toBe(false);
    expect(dataSource.options.migrationsRun).toBe(false);
    const rows =
      await dataSource.query<Array<{ statement_timeout: string }>>('SHOW statement_timeout');
    expect(rows).toEqual([{ statement_timeout: '15s' }]);
  });

  it('answers readiness 503 when a registered indicator fails, and 200 once it recovers', async () => {
    kafkaUp = false;
    try {
      const ready = await fetch(url('/health/ready'));
      expect(ready.status).toBe(503);
      const body = (await ready.json()) as {
        status: string;
        error: Record<string, { status: string; message?: string }>;
      };
      expect(body.status).toBe('error');
      expect(body.error.kafka).toMatchObject({ status: 'down', message: 'producer disconnected' });
      expect((await fetch(url('/health/live'))).status).toBe(200);
    } finally {
      kafkaUp = true;
    }
    expect((await fetch(url('/health/ready'))).status).toBe(200);
  });

  it('runs handlers in the caller trace and logs the trace id on the request line', async () => {
    const response = await postJson(
      '/v1/things',
      JSON.stringify({
        title: 'Jalan berlubang',
        reporter: { name: 'Siti Aminah', email: 'siti@example.id' },
      }),
      {
        traceparent: TRACEPARENT,
        authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.secret-token',
        'x-tracking-token': 'tt_5f2b9c0e7a',
      },
    );
    expect(response.status).toBe(201);
    const body = (await response.json()) as { traceparent: string };
    expect(body.traceparent).toMatch(new RegExp(`^00-${TRACE_ID}-[0-9a-f]{16}-01$`));
    expect(body.traceparent).not.toBe(TRACEPARENT);

    // The line is written on the response's "finish" event, which may trail the client.
    const line = await eventually(() =>
      logLines.find((entry) => entry.msg === 'request completed' && entry.trace_id === TRACE_ID),
    );
    expect(line).toMatchObject({
      service: 'platform-test',
      level: 'info',
      res: { statusCode: 201 },
      req: {
        method: 'POST',
        url: '/v1/things',
        headers: { authorization: '[redacted]', 'x-tracking-token': '[redacted]' },
      },
    });
  });

  it('records http_requests_total by route template', async () => {
    await fetch(url('/v1/things/42'));
    await fetch(url('/v1/things/43'));
    const metrics = await fetch(url('/metrics'));
    expect(metrics.status).toBe(200);
    expect(metrics.headers.get('content-type')).toContain('text/plain; version=0.0.4');
    const text = await metrics.text();
    expect(text).toMatch(
      /http_requests_total\{method="GET",route="\/v1\/things\/:id",status="404"\} [2-9]/,
    );
    expect(text).toContain(
      'http_request_duration_seconds_bucket{le="0.005",method="GET",route="/v1/things/:id"',
    );
    expect(text).not.toContain('route="/v1/things/42"');
    expect(text).toContain('process_cpu_user_seconds_total');
  });

  it('answers a DTO validation error as problem+json naming the nested field', async () => {
    const response = await postJson(
      '/v1/things',
      JSON.stringify({ title: 'x', reporter: { name: 'Siti', email: 'not-an-email', extra: 1 } }),
    );
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    const problem = (await response.json()) as Record<string, unknown>;
    expect(problem).toMatchObject({
      type: 'urn:salur:problem:validation',
      status: 400,
      instance: '/v1/things',
    });
    expect(problem.errors).toEqual(
      expect.arrayContaining([
        { field: 'reporter.email', message: 'email must be an email' },
        { field: 'reporter.extra', message: 'property extra should not exist' },
      ]),
    );
  });

  it('answers malformed JSON with 400', async () => {
    const response = await postJson('/v1/things', '{"title": ');
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(await response.json()).toMatchObject({
      type: 'about:blank',
      title: 'Bad Request',
      status: 400,
    });
  });

  it('answers a body over the limit with 413', async () => {
    const response = await postJson('/v1/things', JSON.stringify({ title: 'x'.repeat(4096) }));
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ status: 413, title: 'Payload Too Large' });
  });

  it('answers an unsupported content type with 415', async () => {
    for (const contentType of ['application/xml', 'text/plain']) {
      const response = await fetch(url('/v1/things'), {
        method: 'POST',
        body: '<thing/>',
        headers: { 'content-type': contentType },
      });
      expect(response.status).toBe(415);
      expect(await response.json()).toMatchObject({ status: 415, title: 'Unsupported Media Type' });
    }
  });

  it('answers an unknown route with 404 problem+json', async () => {
    const response = await fetch(url('/v1/nothing-here'));
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(await response.json()).toMatchObject({ status: 404, instance: '/v1/nothing-here' });
  });

  it('maps domain errors to their registered status, title and details', async () => {
    const notFound = await fetch(url('/v1/things/42'), { headers: { traceparent: TRACEPARENT } });
    expect(notFound.status).toBe(404);
    expect(await notFound.json()).toEqual({
      type: 'urn:salur:problem:thing-not-found',
      title: 'Thing not found',
      status: 404,
      detail: 'thing 42 does not exist',
      code: 'ThingNotFound',
      thingId: '42',
      instance: '/v1/things/42',
      traceId: TRACE_ID,
    });
    const locked = await fetch(url('/v1/things/locked'));
    expect(locked.status).toBe(409);
    expect(await locked.json()).toMatchObject({ title: 'Thing is locked', code: 'ThingLocked' });
  });

  it('answers unexpected errors with a bare 500 and logs them with the trace id', async () => {
    const response = await fetch(url('/v1/things/boom'), { headers: { traceparent: TRACEPARENT } });
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toContain('hunter2');
    expect(text).not.toContain('db.internal');
    expect(JSON.parse(text)).toMatchObject({ status: 500, traceId: TRACE_ID });
    const logged = logLines.find(
      (entry) =>
        entry.msg === 'request failed with an unexpected error' && entry.trace_id === TRACE_ID,
    );
    expect(logged).toBeDefined();

    const unmapped = await fetch(url('/v1/things/unmapped'));
    expect(unmapped.status).toBe(500);
    expect(await unmapped.text()).not.toContain('should not be shown');
  });

  it('answers ServiceUnavailableError with 503 and Retry-After', async () => {
    const response = await fetch(url('/v1/things/unavailable'));
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('7');
    expect(await response.text()).not.toContain('database is down');
  });

  it('serves the OpenAPI document and UI', async () => {
    const json = await fetch(url('/docs-json'));
    expect(json.status).toBe(200);
    const document = (await json.json()) as {
      openapi: string;
      info: { title: string };
      paths: Record<string, unknown>;
    };
    expect(document.openapi).toMatch(/^3\./);
    expect(document.info.title).toBe('Platform test');
    expect(Object.keys(document.paths)).toContain('/v1/things');
    expect(Object.keys(document.paths)).not.toContain('/health/ready');
    expect(Object.keys(document.paths)).not.toContain('/metrics');
    expect(JSON.stringify(document.paths['/v1/things/{id}'])).toContain(
      '#/components/schemas/ProblemDetailsDto',
    );
    expect((await fetch(url('/docs'))).status).toBe(200);
  });

  it('never logs reporter identity or tokens', () => {
    const everything = rawLog.join('\n');
    expect(everything).not.toContain('siti@example.id');
    expect(everything).not.toContain('secret-token');
    expect(everything).not.toContain('tt_5f2b9c0e7a');
  });

  it('shuts down gracefully: readiness 503 first, in-flight requests finish, then the listener closes', async () => {
    const inFlight = fetch(url('/v1/things/slow'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const stopping = service.shutdown('test');

    const ready = await fetch(url('/health/ready'));
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: 'shutting_down' });

    const slow = await inFlight;
    expect(slow.status).toBe(200);
    expect(await slow.json()).toEqual({ done: true });

    await stopping;
    await expect(fetch(url('/health/live'))).rejects.toThrow();
  });
});

async function eventually<T>(find: () => T | undefined, timeoutMs = 2000): Promise<T | undefined> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = find();
    if (found !== undefined || Date.now() > deadline) return found;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
