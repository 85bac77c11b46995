export {
  newKafkaClusterId,
  parseBrokerList,
  renderBrokerProperties,
  type BrokerPropertiesInput,
} from './broker-properties';
export { createDatabase, databaseUrl, dropDatabase, ensureDatabase, redactUrl } from './database';
export { startDevInfra, type DevInfra, type DevInfraOptions } from './dev-infra';
export { checkDocker, type DockerCheck } from './docker';
export { findJava, MIN_JAVA_VERSION, parseJavaMajorVersion } from './java';
export {
  classpathCacheFile,
  kafkaPomPath,
  resolveKafkaClasspath,
  type KafkaClasspath,
} from './kafka-classpath';
export {
  DEFAULT_KAFKA_IMAGE,
  startKafkaContainer,
  type StartedKafkaContainer,
} from './kafka-container';
export { describeKafka, waitForKafka, type WaitForKafkaOptions } from './kafka-probe';
export {
  LocalKafka,
  type BrokerExit,
  type LocalKafkaOptions,
  type LocalKafkaSnapshot,
} from './local-kafka';
export { errorMessage, errorMessageWithCauses, stderrLog, type InfraLog } from './log';
export { freePort, freePorts, isPortFree, preferredPort } from './ports';
export {
  describeExit,
  isProcessAlive,
  LineSplitter,
  runCommand,
  tailFile,
  terminate,
  terminatePid,
  waitForExit,
  waitForHttpOk,
  type CommandResult,
  type ExitInfo,
  type RunCommandOptions,
  type WaitForHttpOptions,
} from './process';
export { findRepoRoot } from './repo-root';
export {
  resolveKafka,
  type KafkaSource,
  type ResolvedKafka,
  type ResolveKafkaOptions,
} from './resolve-kafka';
export {
  DEFAULT_LOCAL_POSTGRES_URL,
  DEFAULT_POSTGRES_IMAGE,
  probePostgres,
  resolvePostgres,
  startEmbeddedPostgres,
  type EmbeddedPostgresOptions,
  type PostgresSource,
  type ResolvedPostgres,
  type ResolvePostgresOptions,
} from './resolve-postgres';
export { handleShutdownSignals } from './shutdown-signals';
