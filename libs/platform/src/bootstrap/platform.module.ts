import { Global, Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import type { DestinationStream } from 'pino';
import type { LogLevel } from '../config/base-service.env';
import { ProblemDetailsFilter } from '../errors/problem-details.filter';
import { createValidationPipe } from '../errors/request-validation';
import { HealthModule } from '../health/health.module';
import type { HealthModuleOptions } from '../health/health.options';
import { createLoggerModule } from '../logging/logger';
import { MetricsModule } from '../metrics/metrics.module';
import { HttpPlatformHooks } from './http-platform.hooks';

/** Injection token of the service's validated configuration (the object `loadConfig` returned). */
export const SERVICE_CONFIG = Symbol('SERVICE_CONFIG');

export interface PlatformModuleOptions {
  readonly service: string;
  readonly logLevel: LogLevel;
  /** The validated configuration, provided as `SERVICE_CONFIG`. */
  readonly config?: object;
  readonly health?: HealthModuleOptions;
  /** Where log lines go; stdout by default. Tests pass a stream to read them. */
  readonly logDestination?: DestinationStream;
}

/**
 * Everything cross-cutting a service's HTTP side needs, in one import: JSON logs with trace ids,
 * problem+json errors, validation, health probes, metrics. `bootstrapService` adds it; an
 * end-to-end test that builds its app with `Test.createTestingModule` imports it itself.
 */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(options: PlatformModuleOptions): DynamicModule {
    return {
      module: PlatformModule,
      imports: [
        createLoggerModule(options.service, options.logLevel, options.logDestination),
        HealthModule.forRoot(options.health),
        MetricsModule,
      ],
      providers: [
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: SERVICE_CONFIG, useValue: options.config ?? {} },
        HttpPlatformHooks,
      ],
      exports: [SERVICE_CONFIG],
    };
  }
}
