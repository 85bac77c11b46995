import {
  Controller,
  Get,
  Header,
  Inject,
  Logger,
  Res,
  ServiceUnavailableException,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import {
  HealthCheckService,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
  type HealthCheckResult,
  type HealthIndicatorFunction,
} from '@nestjs/terminus';
import type { FastifyReply } from 'fastify';
import { HEALTH_OPTIONS, type HealthModuleOptions } from './health.options';
import { ReadinessRegistry } from './readiness';
import { ServiceLifecycle } from './service-lifecycle';

type ProbeBody = Pick<HealthCheckResult, 'status'> & Partial<HealthCheckResult>;

/**
 * Kubernetes probes. Liveness says the process can serve at all (a restart would help if not);
 * readiness says it should get traffic now. Both answer 503 once shutdown has begun, readiness
 * without running its checks, so the endpoint stays cheap while the pod drains.
 */
@ApiExcludeController()
@Controller('health')
export class HealthController {
  private readonly logger = new Logger('Readiness');
  private lastReady: boolean | undefined;

  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly typeorm: TypeOrmHealthIndicator,
    private readonly registry: ReadinessRegistry,
    private readonly lifecycle: ServiceLifecycle,
    @Inject(HEALTH_OPTIONS) private readonly options: HealthModuleOptions,
  ) {}

  @Get('live')
  @Header('cache-control', 'no-store')
  live(@Res({ passthrough: true }) reply: FastifyReply): ProbeBody {
    if (this.lifecycle.isShuttingDown) {
      void reply.code(503);
      return { status: 'shutting_down' };
    }
    return { status: 'ok' };
  }

  @Get('ready')
  @Header('cache-control', 'no-store')
  async ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<ProbeBody> {
    if (this.lifecycle.isShuttingDown) {
      void reply.code(503);
      return { status: 'shutting_down' };
    }
    try {
      const result = await this.health.check(this.checks());
      this.recordTransition(true, result);
      return result;
    } catch (error: unknown) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      const result = error.getResponse() as HealthCheckResult;
      this.recordTransition(false, result);
      void reply.code(503);
      return result;
    }
  }

  private checks(): HealthIndicatorFunction[] {
    const timeoutMs = this.options.timeoutMs ?? 1000;
    const checks: HealthIndicatorFunction[] = [];
    if (this.options.database ?? true) {
      checks.push(() => this.typeorm.pingCheck('database').withTimeout(timeoutMs));
    }
    for (const indicator of this.registry.all()) {
      checks.push(() =>
        this.indicators
          .check(indicator.name)
          .attempt(() => indicator.check())
          .withTimeout(timeoutMs),
      );
    }
    return checks;
  }

  /** Probes run every few seconds: log when readiness changes, not on every probe. */
  private recordTransition(ready: boolean, result: HealthCheckResult): void {
    if (this.lastReady === ready) return;
    const wasKnown = this.lastReady !== undefined;
    this.lastReady = ready;
    if (!ready)
      this.logger.warn({ health: result.error ?? result.details }, 'service is not ready');
    else if (wasKnown) this.logger.log('service is ready again');
  }
}
