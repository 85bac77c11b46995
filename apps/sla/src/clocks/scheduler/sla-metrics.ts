import { counter, gauge, histogram } from '@salur/platform';
import type { FiredDeadline } from '../application/fire-deadlines/fire-due-deadlines.use-case';

/** Prometheus metrics of the SLA service (served at /metrics). */
export class SlaMetrics {
  readonly openClocks = gauge<'stage' | 'status'>({
    name: 'salur_sla_open_clocks',
    help: 'Clocks not yet ended, by stage and status (running, paused, breached)',
    labelNames: ['stage', 'status'],
  });

  private readonly warnings = counter<'agency_level' | 'stage'>({
    name: 'salur_sla_warnings_total',
    help: 'SLA warnings fired, by agency level and stage',
    labelNames: ['agency_level', 'stage'],
  });

  private readonly breaches = counter<'agency_level' | 'stage'>({
    name: 'salur_sla_breaches_total',
    help: 'SLA breaches fired, by agency level and stage',
    labelNames: ['agency_level', 'stage'],
  });

  private readonly late = counter({
    name: 'salur_sla_late_deadlines_total',
    help: 'Deadlines fired late (after downtime or backlog)',
  });

  private readonly fireLag = histogram({
    name: 'salur_sla_fire_lag_seconds',
    help: 'From a deadline falling due to its events being committed to the outbox',
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
  });

  private readonly batchSize = histogram({
    name: 'salur_sla_scheduler_batch_size',
    help: 'Deadlines fired per scheduler transaction',
    buckets: [1, 5, 10, 25, 50, 100, 250, 500, 1000, 2500],
  });

  readonly provisionalYears = counter<'year'>({
    name: 'salur_sla_provisional_holiday_years_total',
    help: 'Calendars built with computed (provisional) holidays for a year without a decree',
    labelNames: ['year'],
  });

  batch(fired: readonly FiredDeadline[]): void {
    this.batchSize.observe(fired.length);
    for (const f of fired) {
      this.fireLag.observe(f.lagMs / 1000);
      if (f.late) this.late.inc();
      if (!f.announced) continue;
      const labels = { agency_level: f.clock.agencyLevel ?? 'none', stage: f.clock.stage };
      if (f.deadline.kind === 'warning') this.warnings.inc(labels);
      if (f.deadline.kind === 'breach') this.breaches.inc(labels);
    }
  }
}
