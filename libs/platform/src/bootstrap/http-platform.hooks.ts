import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { context } from '@opentelemetry/api';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ServiceLifecycle } from '../health/service-lifecycle';
import { annotateComplaint } from '../tracing/trace-context';
import { endRequestSpan, requestContext } from '../tracing/request-trace';

/** DESIGN.md's complaint resources (routing's `/v1/complaints/{id}/...`) name it by its UUID. */
const COMPLAINT_ROUTE = /^\/v1\/complaints\/:id(\/|$)/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Fastify hooks every service needs:
 * - each request runs in its server span (`currentTraceparent()` works in handlers, logs carry
 *   its trace id), ended with the route and status when the response is sent;
 * - a request about one complaint logs its `complaintId`;
 * - once shutdown has begun, responses close their connection, so keep-alive clients reconnect
 *   to another replica instead of holding this one open until the grace period ends.
 */
@Injectable()
export class HttpPlatformHooks implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly lifecycle: ServiceLifecycle,
  ) {}

  onModuleInit(): void {
    const adapter = this.adapterHost.httpAdapter as HttpAdapterHost['httpAdapter'] | undefined;
    if (adapter?.getType() !== 'fastify') return;
    const fastify = adapter.getInstance<FastifyInstance>();

    fastify.addHook('onRequest', (request, _reply, done) => {
      context.with(requestContext(request.raw), done);
    });
    // Reading the body happens on socket events, which carry the connection's async context
    // rather than the request's; enter the trace again before validation and the handler.
    fastify.addHook('preValidation', (request, _reply, done) => {
      const ctx = requestContext(request.raw);
      const complaintId = complaintIdOf(request);
      if (complaintId) annotateComplaint(complaintId, ctx);
      context.with(ctx, done);
    });
    fastify.addHook('onSend', (_request, reply, payload, done) => {
      if (this.lifecycle.isShuttingDown) void reply.header('connection', 'close');
      done(null, payload);
    });
    fastify.addHook('onResponse', (request, reply, done) => {
      endRequestSpan(request.raw, { statusCode: reply.statusCode, route: routeOf(request) });
      done();
    });
    fastify.addHook('onRequestAbort', (request, done) => {
      endRequestSpan(request.raw, { aborted: true, route: routeOf(request) });
      done();
    });
  }
}

function routeOf(request: FastifyRequest): string | undefined {
  // Unmatched requests (404s) have no route; their span keeps the method as its name.
  return request.is404 ? undefined : request.routeOptions.url;
}

function complaintIdOf(request: FastifyRequest): string | undefined {
  const route = routeOf(request);
  if (!route || !COMPLAINT_ROUTE.test(route)) return undefined;
  const id = (request.params as Record<string, unknown> | undefined)?.id;
  return typeof id === 'string' && UUID.test(id) ? id.toLowerCase() : undefined;
}
