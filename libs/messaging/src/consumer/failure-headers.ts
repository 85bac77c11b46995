/** Headers added to an event parked on a retry or dead-letter topic, saying why and how often. */
export const FailureHeaders = {
  originalTopic: 'salur-original-topic',
  originalPartition: 'salur-original-partition',
  originalOffset: 'salur-original-offset',
  consumerGroup: 'salur-consumer-group',
  /** Failed tries so far. */
  attempts: 'salur-attempts',
  /** Milliseconds since the epoch before which a retry must not run. */
  notBefore: 'salur-not-before',
  error: 'salur-error',
  failedAt: 'salur-failed-at',
  /** On the dead-letter topic only: undecodable, invalid-event, non-retriable, attempts-exhausted. */
  reason: 'salur-dead-letter-reason',
} as const;

export type DeadLetterReason =
  'undecodable' | 'invalid-event' | 'non-retriable' | 'attempts-exhausted';
