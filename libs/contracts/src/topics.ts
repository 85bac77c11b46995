/** Kafka topics of the public contract (DESIGN.md, "Events"). Every topic is keyed by complaint id. */
export const Topics = {
  intake: 'salur.intake.v1',
  complaints: 'salur.complaints.v1',
  sla: 'salur.sla.v1',
  notifications: 'salur.notifications.v1',
} as const;

export type TopicName = (typeof Topics)[keyof typeof Topics];

/** `<topic>.retry.<group>`: where a consumer group parks an event whose handler failed, to retry it. */
export function retryTopic(topic: string, group: string): string {
  return `${topic}.retry.${group}`;
}

/** `<topic>.dlq.<group>`: where a consumer group parks an event it gave up on or cannot parse. */
export function deadLetterTopic(topic: string, group: string): string {
  return `${topic}.dlq.${group}`;
}
