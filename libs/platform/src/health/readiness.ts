import { Injectable } from '@nestjs/common';

/**
 * Something the service needs before it can take traffic (a connected Kafka producer, a warmed
 * cache). `check()` resolves when ready and rejects with a reason otherwise; it runs on every
 * readiness probe with a timeout, so it should be cheap (read a flag, ping).
 */
export interface ReadinessIndicator {
  readonly name: string;
  check(): Promise<void>;
}

/**
 * Where libs register their readiness indicators. `HealthModule` provides it globally; a lib
 * injects it (optionally, so it still works in a context without health endpoints) and registers
 * in `onModuleInit`:
 *
 * ```ts
 * constructor(@Optional() registry?: ReadinessRegistry) {}
 * onModuleInit() { this.registry?.register({ name: 'kafka', check: () => this.assertConnected() }); }
 * ```
 */
@Injectable()
export class ReadinessRegistry {
  private readonly indicators = new Map<string, ReadinessIndicator>();

  register(indicator: ReadinessIndicator): void {
    const existing = this.indicators.get(indicator.name);
    if (existing && existing !== indicator) {
      throw new Error(`A readiness indicator named "${indicator.name}" is already registered`);
    }
    this.indicators.set(indicator.name, indicator);
  }

  unregister(name: string): void {
    this.indicators.delete(name);
  }

  all(): readonly ReadinessIndicator[] {
    return [...this.indicators.values()];
  }
}
