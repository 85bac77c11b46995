import { counter, gauge, histogram, metricsRegistry } from './metrics-registry';

describe('metrics registry', () => {
  it('returns the same metric for the same name, so two modules share it', async () => {
    const first = counter({ name: 'spec_events_total', help: 'events', labelNames: ['topic'] });
    const second = counter({ name: 'spec_events_total', help: 'events', labelNames: ['topic'] });
    expect(second).toBe(first);
    first.inc({ topic: 'salur.intake.v1' });
    second.inc({ topic: 'salur.intake.v1' });
    expect(await metricsRegistry().getSingleMetricAsString('spec_events_total')).toContain(
      'spec_events_total{topic="salur.intake.v1"} 2',
    );
  });

  it('refuses the same name as another kind or with other labels', () => {
    gauge({ name: 'spec_lag', help: 'lag', labelNames: ['group'] });
    expect(() => histogram({ name: 'spec_lag', help: 'lag', labelNames: ['group'] })).toThrow(
      /spec_lag is already registered as a gauge/,
    );
    expect(() => gauge({ name: 'spec_lag', help: 'lag', labelNames: ['partition'] })).toThrow(
      /with labels \[group\]/,
    );
  });

  it('collects Node default metrics once per process', async () => {
    expect(metricsRegistry()).toBe(metricsRegistry());
    expect(await metricsRegistry().metrics()).toContain('nodejs_heap_size_total_bytes');
  });
});
