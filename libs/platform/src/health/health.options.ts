import type { ReadinessIndicator } from './readiness';

export interface HealthModuleOptions {
  /**
   * Probe the TypeORM DataSource (`SELECT 1`) on readiness. Default true; turn off in a service or
   * test without a database.
   */
  readonly database?: boolean;
  /** Readiness indicators known up front, besides those libs register at runtime. */
  readonly checks?: readonly ReadinessIndicator[];
  /** Time each readiness check gets before it counts as down. Default 1000 ms. */
  readonly timeoutMs?: number;
}

export const HEALTH_OPTIONS = Symbol('HEALTH_OPTIONS');
