import { type DynamicModule } from '@nestjs/common';
import { TypeOrmModule, type TypeOrmModuleOptions } from '@nestjs/typeorm';
import { Client, type ClientConfig } from 'pg';
import type { DataSourceOptions } from 'typeorm';

export interface ServiceDatabaseOptions {
  /** The service's own Postgres schema (DESIGN.md: one schema per service). */
  readonly schema: string;
  readonly url: string;
  readonly entities: NonNullable<DataSourceOptions['entities']>;
  readonly migrations?: DataSourceOptions['migrations'];
  /** Connections in the pool. Default 10. */
  readonly poolSize?: number;
  /** Server-side limit per statement (`statement_timeout`). Default 15 s; 0 disables. */
  readonly statementTimeoutMs?: number;
  /** Limit for obtaining a connection. Default 5 s, so a dead database fails requests fast (503). */
  readonly connectTimeoutMs?: number;
  /** Shown in `pg_stat_activity`; the service name. */
  readonly applicationName?: string;
}

/** TypeORM's options for the Postgres driver (the one member of its union Salur uses). */
export type PostgresDataSourceOptions = Extract<DataSourceOptions, { readonly type: 'postgres' }>;

const DEFAULT_POOL_SIZE = 10;
const DEFAULT_STATEMENT_TIMEOUT_MS = 15_000;
const DEFAULT_CONNECT_TIMEOUT_MS = 5_000;
/** A transaction left open by a crashed request must not hold locks and a connection forever. */
const IDLE_IN_TRANSACTION_TIMEOUT_MS = 60_000;

/**
 * The pool's connections, each with an `error` listener for its whole life. The pool listens only
 * while a connection is idle and TypeORM only until it releases one, so a connection cut by a
 * Postgres restart that reported a second error (the server's notice, then the socket closing)
 * had no listener left, and Node ended the process on the unhandled `error` event (seen in a
 * fault-injection run: notification died at the restart). The pool and TypeORM still get every
 * error and drop the connection as before; this listener only keeps the process alive.
 */
export class ResilientClient extends Client {
  constructor(config?: string | ClientConfig) {
    super(config);
    this.on('error', () => undefined);
  }
}

/**
 * TypeORM options for one service's schema, shared by the Nest module and the migration command
 * (`new DataSource(serviceDataSourceOptions(...))`). The schema is never synchronized: migrations
 * are files, run explicitly.
 */
export function serviceDataSourceOptions(
  options: ServiceDatabaseOptions,
): PostgresDataSourceOptions {
  return {
    type: 'postgres',
    url: options.url,
    schema: options.schema,
    entities: options.entities,
    migrations: options.migrations ?? [],
    migrationsTableName: 'migrations',
    synchronize: false,
    migrationsRun: false,
    dropSchema: false,
    poolSize: options.poolSize ?? DEFAULT_POOL_SIZE,
    connectTimeoutMS: options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
    applicationName: options.applicationName ?? options.schema,
    extra: {
      Client: ResilientClient,
      statement_timeout: options.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS,
      idle_in_transaction_session_timeout: IDLE_IN_TRANSACTION_TIMEOUT_MS,
    },
  };
}

/** The same options for `TypeOrmModule`, with a short startup retry instead of Nest's 9 × 3 s. */
export function typeOrmOptionsForService(options: ServiceDatabaseOptions): TypeOrmModuleOptions {
  return {
    ...serviceDataSourceOptions(options),
    retryAttempts: 3,
    retryDelay: 1_000,
  };
}

/**
 * `TypeOrmDatabaseModule.forService({ schema: 'intake', url: config.DATABASE_URL, entities })` in
 * a service's root module; feature modules then use `TypeOrmModule.forFeature([...])` as usual.
 */
export const TypeOrmDatabaseModule = {
  forService(options: ServiceDatabaseOptions): DynamicModule {
    return TypeOrmModule.forRoot(typeOrmOptionsForService(options));
  },

  /** The same, with pool size and statement timeout from the service's configuration. */
  forConfig(
    config: { readonly DATABASE_POOL_SIZE: number; readonly DATABASE_STATEMENT_TIMEOUT_MS: number },
    options: ServiceDatabaseOptions,
  ): DynamicModule {
    return TypeOrmModule.forRoot(
      typeOrmOptionsForService({
        ...options,
        poolSize: config.DATABASE_POOL_SIZE,
        statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT_MS,
      }),
    );
  },
};
