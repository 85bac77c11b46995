import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { ServiceLifecycle } from '../health/service-lifecycle';
import { runWithTrace } from '../tracing/trace-context';
import { requestTrace } from '../tracing/request-trace';

/**
 * Fastify hooks every service needs:
 * - each request runs in its trace (`currentTraceparent()` works in handlers, logs carry it);
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
      runWithTrace(requestTrace(request.raw), done);
    });
    // Reading the body happens on socket events, which carry the connection's async context
    // rather than the request's; enter the trace again before validation and the handler.
    fastify.addHook('preValidation', (request, _reply, done) => {
      runWithTrace(requestTrace(request.raw), done);
    });
    fastify.addHook('onSend', (_request, reply, payload, done) => {
      if (this.lifecycle.isShuttingDown) void reply.header('connection', 'close');
      done(null, payload);
    });
  }
}
