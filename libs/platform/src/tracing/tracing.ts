import { context, propagation, trace, type Tracer } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BatchSpanProcessor,
  ParentBasedSampler,
  AlwaysOnSampler,
  TracerProvider,
  type SpanExporter,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';

/** The instrumentation scope of every span Salur makes itself. */
export const TRACER_NAME = 'salur';

export interface TracingOptions {
  /** `service.name` of the resource: the service, or `OTEL_SERVICE_NAME` when set. */
  readonly serviceName: string;
  /**
   * Where finished spans go. None: spans are still made (so ids propagate over HTTP and Kafka
   * and logs correlate), but nothing is exported.
   */
  readonly spanProcessors?: readonly SpanProcessor[];
}

export interface TracingHandle {
  /** Exports what is buffered; called on shutdown so the last spans are not lost. */
  flush(): Promise<void>;
  shutdown(): Promise<void>;
}

let installed:
  { provider: TracerProvider; contextManager: AsyncLocalStorageContextManager } | undefined;

/**
 * Installs the process-wide OpenTelemetry tracing: a tracer provider (parent-based, always-on
 * sampling), AsyncLocalStorage context propagation and the W3C `traceparent` propagator.
 * Replaces what was installed before, so tests can install an in-memory exporter.
 */
export function installTracing(options: TracingOptions): TracingHandle {
  uninstall();
  const provider = new TracerProvider({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: options.serviceName }),
    sampler: new ParentBasedSampler({ root: new AlwaysOnSampler() }),
    spanProcessors: [...(options.spanProcessors ?? [])],
  });
  const contextManager = new AsyncLocalStorageContextManager().enable();
  context.setGlobalContextManager(contextManager);
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(provider);
  installed = { provider, contextManager };
  return {
    flush: () => provider.forceFlush(),
    shutdown: async () => {
      await provider.shutdown();
      if (installed?.provider === provider) uninstall();
    },
  };
}

/**
 * Tracing as the configuration asks: `OTEL_TRACES_EXPORTER=otlp` exports over OTLP/HTTP (JSON)
 * in batches; `none` (the default) makes spans for propagation and logs only.
 */
export function installTracingFromConfig(
  service: string,
  config: TracingConfig | undefined,
): TracingHandle {
  const serviceName = config?.OTEL_SERVICE_NAME ?? service;
  if (config?.OTEL_TRACES_EXPORTER !== 'otlp') return installTracing({ serviceName });
  const exporter: SpanExporter = new OTLPTraceExporter({ url: otlpTracesUrl(config) });
  return installTracing({
    serviceName,
    spanProcessors: [new BatchSpanProcessor({ exporter, scheduledDelayMillis: 1_000 })],
  });
}

/** The part of the service configuration tracing reads (see BaseServiceEnv). */
export interface TracingConfig {
  readonly OTEL_TRACES_EXPORTER: 'none' | 'otlp';
  readonly OTEL_EXPORTER_OTLP_ENDPOINT: string;
  readonly OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?: string;
  readonly OTEL_SERVICE_NAME?: string;
}

/** The signal-specific endpoint as given, else `<OTEL_EXPORTER_OTLP_ENDPOINT>/v1/traces`. */
export function otlpTracesUrl(config: TracingConfig): string {
  if (config.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) return config.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT;
  return `${config.OTEL_EXPORTER_OTLP_ENDPOINT.replace(/\/+$/, '')}/v1/traces`;
}

/**
 * The tracer of Salur's own spans. Installs tracing without an exporter when nothing was installed
 * yet (a test, a script), so that a trace id is generated and carried in every case.
 */
export function salurTracer(): Tracer {
  if (!installed) installTracing({ serviceName: process.env.OTEL_SERVICE_NAME ?? 'salur' });
  return trace.getTracer(TRACER_NAME);
}

/** Also clears what another copy of this module (a test's module registry) registered globally. */
function uninstall(): void {
  installed?.contextManager.disable();
  trace.disable();
  context.disable();
  propagation.disable();
  installed = undefined;
}
