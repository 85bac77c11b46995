import type { TopicName } from '@salur/contracts';
import type { Logger } from 'pino';
import type { HandlerFault } from '../consumer/handler-fault';
import type { RetryPolicy } from '../consumer/retry-policy';

export interface MessagingModuleOptions {
  /** Service name: names the Kafka client and, by default, the consumer group (`salur-<service>`). */
  readonly service: string;
  /** The service's Postgres schema holding its outbox and inbox. */
  readonly schema: string;
  /** CloudEvents `source` of the events it produces, e.g. `/salur/intake`. */
  readonly source: string;
  readonly groupId?: string;
  /** Kafka client id; defaults to `salur-<service>`. */
  readonly clientId?: string;
  readonly brokers: readonly string[];
  readonly topicPrefix?: string;
  /** Used by the relay's own connection (LISTEN and the leader lock). */
  readonly databaseUrl: string;
  /** Topics this service publishes to; created at start when missing. */
  readonly produces: readonly TopicName[];
  /** Partitions of topics this service creates. */
  readonly partitions?: number;
  readonly retry?: Partial<RetryPolicy>;
  /** Test-only: a handler made to fail for some events (SALUR_FAULT_FAIL_HANDLER). */
  readonly handlerFault?: HandlerFault;
  readonly relay?: { readonly batchSize?: number; readonly pollIntervalMs?: number };
  /** How often the consumer group's lag is read for the metrics; 0 turns it off. Default 15 s. */
  readonly lagPollIntervalMs?: number;
  /** Partitions handled at once by this instance. */
  readonly consumerConcurrency?: number;
  /** Most events of one partition handled in one transaction (1: each alone). Default 50. */
  readonly consumerBatchSize?: number;
  /** How long processed event ids are kept in the inbox (hourly purge). Default 14 days. */
  readonly inboxRetentionDays?: number;
  /** How long shutdown waits for the outbox to drain. */
  readonly shutdownFlushMs?: number;
  /**
   * Whether readiness fails while Kafka is unreachable. True for services that consume; intake
   * sets it false: it keeps accepting complaints into its outbox while Kafka is down.
   */
  readonly readinessRequiresKafka?: boolean;
  readonly logger: Logger;
}

export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');
export const MESSAGE_BROKER = Symbol('MESSAGE_BROKER');
