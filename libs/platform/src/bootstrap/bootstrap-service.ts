import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Logger as NestLogger, type DynamicModule, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import type { BaseServiceEnv } from '../config/base-service.env';
import { ConfigError } from '../config/load-config';
import type { HealthModuleOptions } from '../health/health.options';
import { ServiceLifecycle } from '../health/service-lifecycle';
import { createStandaloneLogger } from '../logging/logger';
import { requestTrace } from '../tracing/request-trace';
import { installTracingFromConfig, type TracingHandle } from '../tracing/tracing';
import { delay, HttpConnectionTracker, httpDrainBudget } from './graceful-shutdown';
import { PlatformModule } from './platform.module';

export interface BootstrapServiceOptions {
  /** Service name: the `service` field of every log line, the Kafka client id fallback. */
  readonly name: string;
  /** The service's root module. */
  readonly module: Type<unknown> | DynamicModule;
  /** The validated configuration (`loadConfig(IntakeEnv)`), provided as `SERVICE_CONFIG`. */
  readonly config: BaseServiceEnv;
  /** OpenAPI served at `/docs` (UI) and `/docs-json`. */
  readonly swagger?: {
    readonly title: string;
    readonly version: string;
    readonly description?: string;
  };
  readonly health?: HealthModuleOptions;
  /** Service-specific HTTP setup before listening (another body parser, CORS). */
  readonly configure?: (app: NestFastifyApplication) => void | Promise<void>;
  /** Address to listen on. Default `0.0.0.0`, as in a container. */
  readonly host?: string;
  /** Install SIGTERM/SIGINT handlers that shut down and exit. Default true; tests call `shutdown()`. */
  readonly handleSignals?: boolean;
  /** Where log lines go; stdout by default. */
  readonly logDestination?: DestinationStream;
}

export interface ServiceHandle {
  readonly app: NestFastifyApplication;
  /** `http://<host>:<port>` as bound (the real port when PORT=0). */
  readonly url: string;
  readonly port: number;
  /**
   * Readiness 503 (and `Connection: close` on every response) → keep serving for
   * SHUTDOWN_DELAY_MS → close the listener (new connections are refused) → let in-flight requests
   * finish, for at most half of SHUTDOWN_GRACE_MS → `app.close()`: consumers finish the events in
   * hand and commit their offsets, workers stop, the outbox is flushed one last time, Kafka and
   * Postgres are disconnected. Resolves true when nothing had to be cut; idempotent. On SIGTERM or
   * SIGINT the process then exits 0, or 1 when requests were cut or SHUTDOWN_GRACE_MS ran out.
   */
  shutdown(reason?: string): Promise<boolean>;
}

/**
 * Starts one Salur service over Fastify: JSON logs, problem+json errors, validation, health,
 * metrics, OpenAPI, and a graceful shutdown on SIGTERM. A service's `main.ts` is this call.
 */
export async function bootstrapService(options: BootstrapServiceOptions): Promise<ServiceHandle> {
  const { config } = options;
  // Before anything opens a span: the provider, context propagation and the exporter if any.
  const tracing = installTracingFromConfig(options.name, config);
  const adapter = new FastifyAdapter({
    bodyLimit: config.HTTP_BODY_LIMIT,
    // Requests are logged by nestjs-pino, with redaction; Fastify's own logger stays off.
    logger: false,
    // Fastify's request id (which the request log line shows as reqId) is the request's span id.
    genReqId: (request: IncomingMessage) => requestTrace(request).spanId,
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    {
      imports: [
        PlatformModule.forRoot({
          service: options.name,
          logLevel: config.LOG_LEVEL,
          config,
          ...(options.health ? { health: options.health } : {}),
          ...(options.logDestination ? { logDestination: options.logDestination } : {}),
        }),
        options.module,
      ],
    },
    adapter,
    // Startup errors must reach the caller (and its log), not abort the process silently.
    { bufferLogs: true, abortOnError: false },
  );
  app.useLogger(app.get(Logger));
  const logger = new NestLogger('Bootstrap');
  try {
    return await configureAndListen(app, options, logger, tracing);
  } catch (error) {
    // Release what the modules opened (database pool, Kafka clients) before reporting failure.
    await app.close().catch(() => undefined);
    await tracing.shutdown().catch(() => undefined);
    throw error;
  }
}

async function configureAndListen(
  app: NestFastifyApplication,
  options: BootstrapServiceOptions,
  logger: NestLogger,
  tracing: TracingHandle,
): Promise<ServiceHandle> {
  const { config } = options;

  // Fastify accepts text/plain by default; Salur's APIs take JSON (and form posts for Open311),
  // so any other body is a 415 unless a service registers a parser for it in `configure`.
  app.getHttpAdapter().getInstance().removeContentTypeParser('text/plain');

  if (options.swagger) {
    const document = new DocumentBuilder()
      .setTitle(options.swagger.title)
      .setVersion(options.swagger.version)
      .setDescription(options.swagger.description ?? '')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
      .build();
    SwaggerModule.setup('docs', app, () => SwaggerModule.createDocument(app, document), {
      jsonDocumentUrl: 'docs-json',
    });
  }
  await options.configure?.(app);

  // Before listening, so that every connection is known when the drain starts.
  const connections = new HttpConnectionTracker(app.getHttpServer());
  const server = await app.listen({ port: config.PORT, host: options.host ?? '0.0.0.0' });
  const { port } = server.address() as AddressInfo;
  const url = `http://${urlHost(options.host ?? '0.0.0.0')}:${port}`;
  logger.log({ url, port }, `${options.name} listening`);

  const lifecycle = app.get(ServiceLifecycle);
  const delayMs = config.SHUTDOWN_DELAY_MS;
  const graceMs = config.SHUTDOWN_GRACE_MS;
  let stopping: Promise<boolean> | undefined;
  const shutdown = (reason = 'shutdown requested'): Promise<boolean> => {
    stopping ??= (async () => {
      logger.log({ reason, delayMs, graceMs }, 'shutting down: readiness now answers 503');
      lifecycle.beginShutdown();
      if (delayMs > 0) await delay(delayMs);
      lifecycle.setShutdownDeadline(Date.now() + graceMs);
      const httpTimeoutMs = httpDrainBudget(graceMs);
      logger.log(
        { connections: connections.counts, timeoutMs: httpTimeoutMs },
        'listener closed; finishing in-flight requests',
      );
      const drained = await connections.drain(httpTimeoutMs);
      if (!drained) {
        logger.warn(
          { timeoutMs: httpTimeoutMs, graceMs },
          'in-flight requests outlived half of SHUTDOWN_GRACE_MS; their connections were closed',
        );
      }
      logger.log('HTTP drained; stopping consumers, workers and the outbox relay');
      await app.close();
      // The spans of the last requests and events, exported before the process goes.
      await tracing.shutdown().catch((error: unknown) => {
        logger.warn({ err: error }, 'exporting the last spans failed');
      });
      logger.log({ clean: drained }, 'stopped');
      return drained;
    })();
    return stopping;
  };

  // Not `app.enableShutdownHooks()`: Nest would start destroying modules (Kafka consumers, the
  // database pool) the moment the signal arrives, while requests are still being served.
  // `shutdown` drains HTTP first and then runs the same hooks through `app.close()`.
  if (options.handleSignals ?? true) {
    const onSignal = (signal: NodeJS.Signals): void => {
      // Whatever hangs (a handler that never returns, a broker that never answers) must not keep
      // a terminating pod around until the orchestrator kills it without a word.
      const watchdog = setTimeout(() => {
        logger.error(
          { signal, delayMs, graceMs },
          'shutdown did not finish within SHUTDOWN_GRACE_MS; exiting with status 1',
        );
        process.exit(1);
      }, delayMs + graceMs);
      watchdog.unref();
      shutdown(signal).then(
        // Exit explicitly: a timer some library forgot must not hold the event loop open.
        (clean) => process.exit(clean ? 0 : 1),
        (error: unknown) => {
          logger.error({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
    };
    process.once('SIGTERM', onSignal);
    process.once('SIGINT', onSignal);
  }

  return { app, url, port, shutdown };
}

/**
 * For `main.ts`: logs why the service could not start (a `ConfigError` as its readable list of
 * variables) as one JSON line, and exits non-zero so the orchestrator reports a failed start.
 */
export function exitOnStartupFailure(service: string): (error: unknown) => never {
  return (error: unknown) => {
    const logger = createStandaloneLogger(service);
    if (error instanceof ConfigError) {
      logger.fatal({ problems: error.problems }, error.message);
    } else {
      logger.fatal({ err: error }, `${service} failed to start`);
    }
    process.exit(1);
  };
}

function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}
