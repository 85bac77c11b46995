import { Global, Inject, Module, type DynamicModule, type OnModuleInit } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller';
import { HEALTH_OPTIONS, type HealthModuleOptions } from './health.options';
import { ReadinessRegistry } from './readiness';
import { ServiceLifecycle } from './service-lifecycle';

/**
 * `GET /health/live` and `GET /health/ready`. Global, so any module can inject
 * `ReadinessRegistry` to add its indicator, and `ServiceLifecycle` to see a shutdown coming.
 */
@Global()
@Module({})
export class HealthModule implements OnModuleInit {
  constructor(
    private readonly registry: ReadinessRegistry,
    @Inject(HEALTH_OPTIONS) private readonly options: HealthModuleOptions,
  ) {}

  static forRoot(options: HealthModuleOptions = {}): DynamicModule {
    return {
      module: HealthModule,
      // Readiness transitions are logged by the controller; Terminus would log every failed probe.
      imports: [TerminusModule.forRoot({ logger: false })],
      controllers: [HealthController],
      providers: [
        { provide: HEALTH_OPTIONS, useValue: options },
        ReadinessRegistry,
        ServiceLifecycle,
      ],
      exports: [ReadinessRegistry, ServiceLifecycle],
    };
  }

  onModuleInit(): void {
    for (const check of this.options.checks ?? []) this.registry.register(check);
  }
}
