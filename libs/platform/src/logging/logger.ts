import { hostname } from 'node:os';
import { RequestMethod, type DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import pino, { type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import type { Options as PinoHttpOptions } from 'pino-http';
import type { LogLevel } from '../config/base-service.env';
import { QUIET_PATHS, requestPath } from '../http/request-path';
import { currentLogFields, currentTrace } from '../tracing/trace-context';
import { requestLogFields, requestTrace } from '../tracing/request-trace';
import type { Traceparent } from '../tracing/traceparent';
import { REDACT_CENSOR, redactSensitive, redactUrl, SERIALIZED_REDACT_PATHS } from './redaction';

/**
 * The pino options every Salur logger shares: JSON, ISO time, textual level, the service name,
 * the central redaction list, and the current trace (and complaint, where known) on every line.
 */
export function loggerOptions(service: string, level: LogLevel): LoggerOptions {
  return {
    level,
    base: { service, pid: process.pid, hostname: hostname() },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: {
      level: (label) => ({ level: label }),
      log: (object) => redactSensitive(object),
    },
    redact: { paths: [...SERIALIZED_REDACT_PATHS], censor: REDACT_CENSOR },
    serializers: { err: serializeError },
    // Field names follow the OpenTelemetry log data model, so log backends correlate them with
    // traces without per-service mapping.
    mixin: () => ({ ...traceFields(currentTrace()), ...currentLogFields() }),
  };
}

/** A pino logger with the shared options, for code that runs outside Nest's logger (scripts, workers). */
export function createStandaloneLogger(
  service: string,
  level: LogLevel = 'info',
  destination?: DestinationStream,
): Logger {
  const options = loggerOptions(service, level);
  return redactChildBindings(destination ? pino(options, destination) : pino(options));
}

/**
 * pino formats only the log call's own object (`formatters.log`), not the bindings of a child
 * logger (`logger.child({ reporter })`, pino-http's per-request loggers). Children inherit this
 * `child` from the root by prototype, so redacting here covers every generation.
 */
function redactChildBindings(logger: Logger): Logger {
  // Taken unbound on purpose: it is called with each child logger as `this`.
  // eslint-disable-next-line @typescript-eslint/unbound-method
  const pinoChild = logger.child;
  const child = function (this: Logger, ...[bindings, options]: Parameters<Logger['child']>) {
    return pinoChild.call(this, redactSensitive(bindings), options);
  };
  return Object.assign(logger, { child });
}

/**
 * nestjs-pino configured with the shared logger, so `PinoLogger`, `@InjectPinoLogger()` and Nest's
 * own `Logger` all write the same JSON lines. One "request completed" line per request (except
 * probes and scrapes), carrying the trace ids and the route, not the body.
 */
export function createLoggerModule(
  serviceName: string,
  level: LogLevel,
  destination?: DestinationStream,
): DynamicModule {
  return LoggerModule.forRoot({
    pinoHttp: pinoHttpOptions(serviceName, level, destination),
    // nestjs-pino's default route pattern (`{/*splat}`) matches nothing under Nest 12's Fastify
    // adapter, which left requests unlogged; this one matches every path, `/` included.
    forRoutes: [{ path: '/{*splat}', method: RequestMethod.ALL }],
  });
}

export function pinoHttpOptions(
  serviceName: string,
  level: LogLevel,
  destination?: DestinationStream,
): PinoHttpOptions {
  return {
    logger: createStandaloneLogger(serviceName, level, destination),
    // The span id is unique per request (the trace id is shared by every hop of one action).
    // Under Fastify the request already carries Fastify's id, which bootstrapService makes the
    // same span id; this covers other adapters.
    genReqId: (request) => requestTrace(request).spanId,
    quietReqLogger: true,
    // Inside middleware `url` may be relative to the middleware's mount path; `originalUrl` is not.
    autoLogging: {
      ignore: (request) =>
        QUIET_PATHS.includes(
          requestPath((request as { originalUrl?: string }).originalUrl ?? request.url),
        ),
    },
    // 503 is the expected answer while a dependency is down or the service drains: worth a
    // warning, not an error page for every request. Other 5xx were logged with their stack by
    // the exception filter already; this line records that the request failed.
    customLogLevel: (_request, response, error) => {
      if (response.statusCode === 503) return 'warn';
      return error !== undefined || response.statusCode >= 500 ? 'error' : 'info';
    },
    customErrorMessage: () => 'request completed',
    // The completion line is written from the response's "finish" event, outside the request's
    // async context, so its trace comes from the request itself.
    customSuccessObject: (request, _response, value: object) => ({
      ...value,
      ...traceFields(requestTrace(request)),
      ...requestLogFields(request),
    }),
    // pino-http makes up an error ("failed with status code 500", with a stack pointing into
    // pino-http) for 5xx responses; the real one was logged by the exception filter.
    customErrorObject: (request, _response, _error, value: { err?: unknown }) => {
      const { err: _synthetic, ...rest } = value;
      return { ...rest, ...traceFields(requestTrace(request)), ...requestLogFields(request) };
    },
    serializers: {
      req: (request: SerializedRequest) => ({ ...request, url: redactUrl(request.url ?? '') }),
      res: (response: { statusCode?: number }) => ({ statusCode: response.statusCode }),
      // pino-http installs its own error serializer on its child loggers; keep ours.
      err: serializeError,
    },
  };
}

interface SerializedRequest {
  readonly url?: string;
  readonly [key: string]: unknown;
}

/** pino's error serializer, with sensitive fields of the error's own properties redacted too. */
function serializeError(error: unknown): unknown {
  return error instanceof Error ? redactSensitive(pino.stdSerializers.err(error)) : error;
}

function traceFields(trace: Traceparent | undefined): Record<string, string> {
  return trace ? { trace_id: trace.traceId, span_id: trace.spanId } : {};
}
