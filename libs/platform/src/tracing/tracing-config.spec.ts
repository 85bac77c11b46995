import { BaseServiceEnv } from '../config/base-service.env';
import { ConfigError, loadConfig } from '../config/load-config';
import { otlpTracesUrl } from './tracing';

const valid = {
  DATABASE_URL: 'postgres://salur:pw@db:5432/salur',
  KAFKA_BROKERS: 'kafka-0:9092',
  AUTH_JWT_SECRET: 'x'.repeat(32),
};

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(BaseServiceEnv, env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map((p) => p.variable);
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('tracing configuration', () => {
  it('is off by default, aimed at a local collector over OTLP/HTTP JSON', () => {
    const config = loadConfig(BaseServiceEnv, valid);
    expect(config).toMatchObject({
      OTEL_TRACES_EXPORTER: 'none',
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://localhost:4318',
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
    });
    expect(config.OTEL_SERVICE_NAME).toBeUndefined();
    expect(otlpTracesUrl(config)).toBe('http://localhost:4318/v1/traces');
  });

  it('takes the signal endpoint as given, and the base one with or without a slash', () => {
    const config = loadConfig(BaseServiceEnv, {
      ...valid,
      OTEL_TRACES_EXPORTER: 'otlp',
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://otel-collector.observability:4318/',
      OTEL_SERVICE_NAME: 'salur-intake',
    });
    expect(otlpTracesUrl(config)).toBe('http://otel-collector.observability:4318/v1/traces');
    expect(
      otlpTracesUrl({ ...config, OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'https://traces.example/in' }),
    ).toBe('https://traces.example/in');
  });

  it('refuses to start on an exporter, protocol or endpoint it cannot use, naming each', () => {
    expect(
      problemsOf({
        ...valid,
        OTEL_TRACES_EXPORTER: 'jaeger',
        OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc',
        OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318',
      }).sort(),
    ).toEqual([
      'OTEL_EXPORTER_OTLP_ENDPOINT',
      'OTEL_EXPORTER_OTLP_PROTOCOL',
      'OTEL_TRACES_EXPORTER',
    ]);
  });
});
