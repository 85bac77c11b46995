import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { LocalKafka, type InfraLog, type KafkaSource, type LocalKafkaSnapshot } from './infra';

export const KAFKA_CONTROL_VARIABLE = 'SALUR_TEST_KAFKA_CONTROL';

/** What the global setup writes for the workers: which Kafka the run uses and how to reach its process. */
export interface KafkaControlFile {
  readonly source: KafkaSource;
  readonly brokers: string[];
  /** How long the broker took to start in the global setup, when the run started one. */
  readonly startupMs: number | null;
  /** The local broker's state (current pid, ports, data directory), or null for other sources. */
  readonly local: LocalKafkaSnapshot | null;
}

export function readKafkaControlFile(path: string): KafkaControlFile {
  return JSON.parse(readFileSync(path, 'utf8')) as KafkaControlFile;
}

export function writeKafkaControlFile(path: string, content: KafkaControlFile): void {
  // Renamed into place so a reader in another process never sees half a file.
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(content, null, 2));
  renameSync(temporary, path);
}

export interface KafkaControl {
  readonly source: KafkaSource;
  readonly brokers: string[];
  readonly startupMs: number | null;
  /** True when the run's broker is a local process that `stop()` and `start()` can control. */
  readonly controllable: boolean;
  /** Stops the broker (SIGTERM, then waits); its data stays. */
  stop(): Promise<void>;
  /** Starts it again on the same ports with the same data, and waits until it answers. */
  start(): Promise<void>;
  restart(): Promise<void>;
  isRunning(): boolean;
}

const testLog: InfraLog = (line) => {
  process.stderr.write(`[salur tests] ${line}\n`);
};

/**
 * Control over the Kafka broker of this test run, from any jest worker. Stopping and starting work
 * only for a broker run from the local jars; tests that need it check `controllable` (or `source`)
 * first. Tests that stop the broker affect every test running at the same time, so they belong in
 * the integration tier, which runs in band.
 */
export function kafkaControl(): KafkaControl {
  const file = process.env[KAFKA_CONTROL_VARIABLE];
  if (file === undefined || file === '') {
    throw new Error(
      `${KAFKA_CONTROL_VARIABLE} is not set: kafkaControl() works in the integration and e2e ` +
        'projects, whose global setup (libs/testing/src/global-setup.ts) provides Kafka',
    );
  }
  const initial = readKafkaControlFile(file);

  // The file is read again for every operation: another worker may have restarted the broker
  // since, and the pid changes with every start.
  const withLocal = async (operation: (kafka: LocalKafka) => Promise<void>): Promise<void> => {
    const current = readKafkaControlFile(file);
    if (current.local === null) {
      throw new Error(
        `This run's Kafka comes from ${current.source}; only a broker run from the local jars ` +
          '(no KAFKA_BROKERS and no Docker) can be stopped and started by a test',
      );
    }
    const kafka = LocalKafka.attach(current.local, { log: testLog });
    try {
      await operation(kafka);
    } finally {
      writeKafkaControlFile(file, { ...current, local: kafka.snapshot() });
    }
  };

  return {
    source: initial.source,
    brokers: initial.brokers,
    startupMs: initial.startupMs,
    controllable: initial.local !== null,
    stop: () => withLocal((kafka) => kafka.stop()),
    start: () => withLocal((kafka) => kafka.start()),
    restart: () => withLocal((kafka) => kafka.restart()),
    isRunning: () => {
      const current = readKafkaControlFile(file);
      return current.local === null || LocalKafka.attach(current.local).isRunning();
    },
  };
}
