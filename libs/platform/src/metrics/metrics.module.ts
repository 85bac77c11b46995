import { Global, Injectable, Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { recordHttpMetrics } from './http-metrics';
import { MetricsController } from './metrics.controller';
import { MetricsService } from './metrics.service';

@Injectable()
class HttpMetricsHook implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const adapter = this.adapterHost.httpAdapter as HttpAdapterHost['httpAdapter'] | undefined;
    // An application context without HTTP (a migration script) has no adapter to hook into.
    if (adapter?.getType() !== 'fastify') return;
    recordHttpMetrics(adapter.getInstance<FastifyInstance>());
  }
}

/** `GET /metrics` (Prometheus text format), HTTP request metrics, and `MetricsService` for everyone. */
@Global()
@Module({
  controllers: [MetricsController],
  providers: [MetricsService, HttpMetricsHook],
  exports: [MetricsService],
})
export class MetricsModule {}
