export {
  kafkaControl,
  KAFKA_CONTROL_VARIABLE,
  readKafkaControlFile,
  type KafkaControl,
  type KafkaControlFile,
} from './kafka-control';
export { ServiceProcess, type ServiceProcessOptions } from './service-process';
export { TopicProbe, type ProbedMessage } from './topic-probe';
export {
  ADMIN_DATABASE_URL_VARIABLE,
  createTestDatabase,
  testAdminDatabaseUrl,
  type TestDatabase,
} from './test-database';
export { uniqueDatabaseName, uniqueName } from './unique-name';
export { waitFor, type WaitForOptions } from './wait-for';
export {
  runServiceScript,
  signTestToken,
  testBrokers,
  type TestTokenClaims,
} from './stack-helpers';
export { KeepAliveLoad, type KeepAliveLoadOptions, type LoadOutcome } from './keep-alive-load';
export {
  startDedicatedPostgres,
  type DedicatedPostgres,
  type DedicatedPostgresOptions,
} from './dedicated-postgres';
export { copyPlain, nearlyValid, type NearlyValidOptions } from './nearly-valid';
