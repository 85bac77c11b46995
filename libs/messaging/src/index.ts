export * from './broker/message-broker';
export { KafkaJsBroker, type KafkaJsBrokerOptions } from './broker/kafkajs/kafkajs-broker';
export {
  CE_HEADERS,
  CONTENT_TYPE_HEADER,
  TRACEPARENT_HEADER,
  decodeEvent,
  encodeEvent,
  UndecodableMessageError,
  type EncodedEvent,
} from './codec/cloudevents-kafka';
export { outboxEntity, type OutboxRow } from './outbox/outbox.schema';
export { inboxEntity, type InboxRow } from './inbox/inbox.schema';
export { InboxJanitor } from './inbox/inbox-janitor';
export { messagingEntities } from './messaging-entities';
export {
  OutboxWriter,
  outboxChannel,
  type OutboxInsert,
  type OutboxWriterOptions,
} from './outbox/outbox-writer';
export {
  OutboxRelay,
  type OutboxRelayOptions,
  type OutboxRelayObserver,
} from './outbox/outbox-relay';
export {
  forgetInTransaction,
  oncePerTransaction,
  UnitOfWork,
  transactionScope,
  type TransactionScope,
} from './unit-of-work';
export {
  EventProcessor,
  NonRetriableError,
  type EventHandler,
  type EventProcessorOptions,
  type EventProcessorObserver,
  type HandlerContext,
  type ProcessingOutcome,
} from './consumer/event-processor';
export { EventConsumer, type EventConsumerOptions } from './consumer/event-consumer';
export { FailureHeaders, type DeadLetterReason } from './consumer/failure-headers';
export {
  DEFAULT_RETRY_POLICY,
  decideRetry,
  type RetryDecision,
  type RetryPolicy,
} from './consumer/retry-policy';
export { MessagingModule, MessagingLifecycle } from './nest/messaging.module';
export { SalurEventTransport, startEventTransport } from './nest/salur-event-transport';
export { OnEvent } from './nest/on-event.decorator';
export { MessagingMetrics } from './nest/messaging-metrics';
export {
  MESSAGE_BROKER,
  MESSAGING_OPTIONS,
  type MessagingModuleOptions,
} from './nest/messaging-options';
export { createMessagingTables, dropMessagingTables } from './messaging-tables.migration';
export { ConsumerLagPoller, type ConsumerLagPollerOptions } from './admin/consumer-lag-poller';
export {
  DeadLetterQueue,
  isDeadLetterTopic,
  REDRIVE_GROUP,
  RedriveHeaders,
  type DeadLetter,
  type DeadLetterListing,
  type RedriveReport,
  type RedriveSelection,
} from './admin/dead-letter-queue';
