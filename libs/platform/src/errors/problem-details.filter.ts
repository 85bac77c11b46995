import type { ServerResponse } from 'node:http';
import { Catch, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { throwError, type Observable } from 'rxjs';
import { requestPath } from '../http/request-path';
import { requestTrace, type RawRequest } from '../tracing/request-trace';
import { DomainError } from './domain-error';
import { PROBLEM_CONTENT_TYPE } from './problem-details';
import { problemFor } from './problem-for';

/**
 * Answers every error of an HTTP request as `application/problem+json` (RFC 9457): route
 * handlers, pipes and guards, and also what Fastify rejects before routing (unknown route,
 * malformed JSON, oversized body, unsupported content type), which Nest routes through the global
 * filters too. Registered globally by `PlatformModule`.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  catch(exception: unknown, host: ArgumentsHost): Observable<never> | undefined {
    // Kafka/RPC handlers have their own failure policy (retry or dead-letter); hand it back.
    if (host.getType() !== 'http') return throwError(() => exception);

    const http = host.switchToHttp();
    const request = rawRequest(http.getRequest<unknown>());
    const response = http.getResponse<ServerResponse | object>();
    const trace = request ? requestTrace(request) : undefined;
    const { problem, headers, log } = problemFor(exception);

    if (log !== 'none') {
      const fields = {
        err: exception,
        ...(trace ? { trace_id: trace.traceId, span_id: trace.spanId } : {}),
        ...(exception instanceof DomainError ? { code: exception.code } : {}),
        method: request?.method,
        url: request ? requestPath(request.url) : undefined,
      };
      const message =
        log === 'warn'
          ? 'request failed: a dependency is unavailable'
          : exception instanceof DomainError
            ? `request failed: no problem mapping is registered for ${exception.code}`
            : 'request failed with an unexpected error';
      if (log === 'warn') this.logger.warn(fields, message);
      else this.logger.error(fields, message);
    }

    const adapter = this.adapterHost.httpAdapter;
    if (adapter.isHeadersSent(response)) {
      // Nothing sensible can be written any more; cut the response so the client sees a failure.
      adapter.end(response);
      return undefined;
    }
    for (const [name, value] of Object.entries(headers)) adapter.setHeader(response, name, value);
    adapter.setHeader(response, 'content-type', PROBLEM_CONTENT_TYPE);
    const body = {
      ...problem,
      ...(request ? { instance: requestPath(request.url) } : {}),
      ...(trace ? { traceId: trace.traceId } : {}),
    };
    adapter.reply(response, JSON.stringify(body), problem.status);
    return undefined;
  }
}

/** Fastify passes its own request object; middleware errors come with the raw Node request. */
function rawRequest(request: unknown): RawRequest | undefined {
  if (!isObject(request)) return undefined;
  const candidate = isObject(request.raw) ? request.raw : request;
  return isObject(candidate.headers) ? (candidate as unknown as RawRequest) : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
