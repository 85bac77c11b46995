import {
  collectDefaultMetrics,
  Counter,
  Gauge,
  Histogram,
  Registry,
  Summary,
  type CounterConfiguration,
  type GaugeConfiguration,
  type HistogramConfiguration,
  type SummaryConfiguration,
} from 'prom-client';

type MetricKind = 'counter' | 'gauge' | 'histogram' | 'summary';
type AnyMetric = Counter | Gauge | Histogram | Summary;

interface Registration {
  readonly kind: MetricKind;
  readonly labelNames: readonly string[];
  readonly metric: AnyMetric;
}

/**
 * One registry per process, with Node's default metrics, rather than prom-client's global one:
 * its content is then exactly what `/metrics` shows, and test processes that build several apps
 * neither double-register nor collect default metrics twice.
 */
let registry: Registry | undefined;
const registrations = new Map<string, Registration>();

export function metricsRegistry(): Registry {
  if (!registry) {
    registry = new Registry();
    collectDefaultMetrics({ register: registry });
  }
  return registry;
}

/**
 * Get-or-create helpers: each returns the metric registered under `name`, creating it the first
 * time. Asking for an existing name as another kind or with other labels is a programming error
 * and throws, instead of silently recording into a metric shaped differently than expected.
 */
export function counter<T extends string>(
  config: Omit<CounterConfiguration<T>, 'registers'>,
): Counter<T> {
  return getOrCreate('counter', config, () => new Counter<T>(registered(config)));
}

export function gauge<T extends string>(
  config: Omit<GaugeConfiguration<T>, 'registers'>,
): Gauge<T> {
  return getOrCreate('gauge', config, () => new Gauge<T>(registered(config)));
}

export function histogram<T extends string>(
  config: Omit<HistogramConfiguration<T>, 'registers'>,
): Histogram<T> {
  return getOrCreate('histogram', config, () => new Histogram<T>(registered(config)));
}

export function summary<T extends string>(
  config: Omit<SummaryConfiguration<T>, 'registers'>,
): Summary<T> {
  return getOrCreate('summary', config, () => new Summary<T>(registered(config)));
}

function registered<C extends object>(config: C): C & { registers: Registry[] } {
  return { ...config, registers: [metricsRegistry()] };
}

function getOrCreate<M extends AnyMetric>(
  kind: MetricKind,
  config: { readonly name: string; readonly labelNames?: readonly string[] },
  create: () => M,
): M {
  const labelNames = [...(config.labelNames ?? [])].sort();
  const existing = registrations.get(config.name);
  if (existing) {
    if (existing.kind !== kind || existing.labelNames.join() !== labelNames.join()) {
      throw new Error(
        `Metric ${config.name} is already registered as a ${existing.kind} with labels [${existing.labelNames.join(', ')}]; requested a ${kind} with [${labelNames.join(', ')}]`,
      );
    }
    return existing.metric as M;
  }
  const metric = create();
  registrations.set(config.name, { kind, labelNames, metric });
  return metric;
}
