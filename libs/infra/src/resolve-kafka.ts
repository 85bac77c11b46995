import { performance } from 'node:perf_hooks';
import { parseBrokerList } from './broker-properties';
import { checkDocker } from './docker';
import { DEFAULT_KAFKA_IMAGE, startKafkaContainer } from './kafka-container';
import { LocalKafka, type LocalKafkaOptions } from './local-kafka';
import { stderrLog, type InfraLog } from './log';

export type KafkaSource = 'env' | 'testcontainers' | 'local-jars';

export interface ResolvedKafka {
  readonly brokers: string[];
  readonly source: KafkaSource;
  /** The broker process, when it runs from the local jars: stop, start and restart it with this. */
  readonly local?: LocalKafka;
  /** How long the broker took to start; undefined when it was already running (env). */
  readonly startupMs?: number;
  /** Stops what was started (nothing for env); a temporary local data directory is removed. */
  stop(): Promise<void>;
}

export interface ResolveKafkaOptions {
  readonly env?: NodeJS.ProcessEnv;
  readonly log?: InfraLog;
  /** Settings for the broker run from the local jars. */
  readonly local?: LocalKafkaOptions;
  readonly dockerImage?: string;
}

/**
 * Finds a Kafka to use, in this order: KAFKA_BROKERS; a container (apache/kafka, KRaft) when a
 * Docker engine answers; a broker run from the Apache Kafka jars. Says which, and why, in one line.
 */
export async function resolveKafka(options: ResolveKafkaOptions = {}): Promise<ResolvedKafka> {
  const env = options.env ?? process.env;
  const log = options.log ?? stderrLog;
  const fromEnv = parseBrokerList(env.KAFKA_BROKERS);
  if (fromEnv.length > 0) {
    log(
      `kafka: using KAFKA_BROKERS=${fromEnv.join(',')} (set in the environment; nothing started)`,
    );
    return { brokers: fromEnv, source: 'env', stop: () => Promise.resolve() };
  }

  const docker = await checkDocker(env);
  if (docker.available) {
    const image = options.dockerImage ?? DEFAULT_KAFKA_IMAGE;
    log(
      `kafka: KAFKA_BROKERS is not set and ${docker.reason}; starting ${image} with Testcontainers`,
    );
    const began = performance.now();
    const container = await startKafkaContainer(image);
    const startupMs = Math.round(performance.now() - began);
    log(
      `kafka: container broker ready on ${container.brokers.join(',')} in ${(startupMs / 1000).toFixed(1)} s`,
    );
    return {
      brokers: container.brokers,
      source: 'testcontainers',
      startupMs,
      stop: () => container.stop(),
    };
  }

  log(
    `kafka: KAFKA_BROKERS is not set and there is no Docker (${docker.reason}); ` +
      'starting a broker from the Apache Kafka jars',
  );
  const local = new LocalKafka({ log, env, ...options.local });
  try {
    await local.start();
  } catch (error) {
    await local.destroy().catch(() => undefined);
    throw error;
  }
  return {
    brokers: local.brokers,
    source: 'local-jars',
    local,
    startupMs: local.startupMs ?? undefined,
    stop: () => local.destroy(),
  };
}
