// @salur/platform: what every service's main.ts and modules share. Import only from here.

// Configuration
export {
  BaseServiceEnv,
  LOG_LEVELS,
  NODE_ENVS,
  TRACES_EXPORTERS,
  type LogLevel,
  type TracesExporter,
  type NodeEnv,
} from './config/base-service.env';
export { EnvBoolean, EnvList, EnvNumber } from './config/env-decorators';
export { ConfigError, loadConfig, type ConfigProblem } from './config/load-config';
export { declaredEnvVariables } from './config/load-config';

// Tracing
export {
  continueTrace,
  formatTraceparent,
  newTraceparent,
  parseTraceparent,
  type Traceparent,
} from './tracing/traceparent';
export {
  annotateComplaint,
  COMPLAINT_ID_ATTRIBUTE,
  contextFromTraceparent,
  currentLogFields,
  currentTrace,
  currentTraceparent,
  openSpan,
  runInSpan,
  runWithTrace,
  traceOf,
  traceparentOf,
  type LogFields,
  type RunInSpanOptions,
  type SpanScope,
} from './tracing/trace-context';
export {
  installTracing,
  installTracingFromConfig,
  otlpTracesUrl,
  salurTracer,
  TRACER_NAME,
  type TracingConfig,
  type TracingHandle,
  type TracingOptions,
} from './tracing/tracing';

// Logging
export { createLoggerModule, createStandaloneLogger, loggerOptions } from './logging/logger';
export {
  REDACT_CENSOR,
  REDACTED_KEYS,
  REDACTED_REPORTER_FIELDS,
  redactSensitive,
  redactUrl,
} from './logging/redaction';

// Errors as RFC 9457 problem details
export { DomainError, ServiceUnavailableError } from './errors/domain-error';
export { isTransientInfrastructureError } from './errors/infrastructure-errors';
export { PROBLEM_CONTENT_TYPE, type ProblemDetails } from './errors/problem-details';
export { FieldErrorDto, ProblemDetailsDto } from './errors/problem-details.dto';
export { ProblemDetailsFilter } from './errors/problem-details.filter';
export { problemFor, type ProblemResponse } from './errors/problem-for';
export { ProblemMapping, type ProblemType } from './errors/problem-mapping';
export {
  createValidationPipe,
  flattenValidationErrors,
  registerValidDtoCheck,
  RequestValidationError,
  type FieldError,
  type ValidDtoCheck,
} from './errors/request-validation';

// Health
export { HealthModule } from './health/health.module';
export type { HealthModuleOptions } from './health/health.options';
export { ReadinessRegistry, type ReadinessIndicator } from './health/readiness';
export { ServiceLifecycle } from './health/service-lifecycle';

// Metrics
export { counter, gauge, histogram, metricsRegistry, summary } from './metrics/metrics-registry';
export { MetricsModule } from './metrics/metrics.module';
export { MetricsService } from './metrics/metrics.service';

// Database
export {
  serviceDataSourceOptions,
  typeOrmOptionsForService,
  TypeOrmDatabaseModule,
  type PostgresDataSourceOptions,
  type ServiceDatabaseOptions,
} from './database/typeorm-database.module';

export {
  pendingSchemaChanges,
  runMigrations,
  type MigrationReport,
} from './database/run-migrations';

// Encryption at rest
export { AesSecretBox } from './crypto/aes-secret-box';

// Auth
export { AuthModule } from './auth/auth.module';
export { Authenticated, AuthGuard, CurrentPrincipal } from './auth/auth.guard';
export { Forbidden, Unauthenticated } from './auth/auth-errors';
export { JwtVerifier, type JwtVerifierOptions } from './auth/jwt-verifier';
export { hasAnyRole, ROLES, type Principal, type Role } from './auth/principal';

// Bootstrap
export {
  bootstrapService,
  exitOnStartupFailure,
  type BootstrapServiceOptions,
  type ServiceHandle,
} from './bootstrap/bootstrap-service';
export {
  PlatformModule,
  SERVICE_CONFIG,
  type PlatformModuleOptions,
} from './bootstrap/platform.module';
