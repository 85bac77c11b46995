import { Injectable } from '@nestjs/common';
import type {
  Counter,
  CounterConfiguration,
  Gauge,
  GaugeConfiguration,
  Histogram,
  HistogramConfiguration,
  Registry,
  Summary,
  SummaryConfiguration,
} from 'prom-client';
import { counter, gauge, histogram, metricsRegistry, summary } from './metrics-registry';

/**
 * The process's Prometheus registry for injection: libs and modules create their metrics here
 * (get-or-create, so two modules asking for the same metric share it).
 */
@Injectable()
export class MetricsService {
  get registry(): Registry {
    return metricsRegistry();
  }

  counter<T extends string>(config: Omit<CounterConfiguration<T>, 'registers'>): Counter<T> {
    return counter(config);
  }

  gauge<T extends string>(config: Omit<GaugeConfiguration<T>, 'registers'>): Gauge<T> {
    return gauge(config);
  }

  histogram<T extends string>(config: Omit<HistogramConfiguration<T>, 'registers'>): Histogram<T> {
    return histogram(config);
  }

  summary<T extends string>(config: Omit<SummaryConfiguration<T>, 'registers'>): Summary<T> {
    return summary(config);
  }
}
