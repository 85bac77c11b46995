import { KafkaJsBroker, type MessageBroker } from '@salur/messaging';
import pino from 'pino';
import { loadKafkaEnv } from './cli-config';

/**
 * The broker port, connected as the services connect (brokers, prefix), for one command. The
 * Kafka client's own log lines go to stderr at LOG_LEVEL (default error).
 */
export async function withBroker<T>(work: (broker: MessageBroker) => Promise<T>): Promise<T> {
  const env = loadKafkaEnv();
  const broker = new KafkaJsBroker({
    brokers: env.KAFKA_BROKERS,
    clientId: env.KAFKA_CLIENT_ID ?? 'salur-cli',
    topicPrefix: env.KAFKA_TOPIC_PREFIX,
    logger: pino({ level: env.LOG_LEVEL, base: { service: 'salur-cli' } }, pino.destination(2)),
    requestTimeoutMs: 15_000,
  });
  try {
    return await work(broker);
  } finally {
    await broker.close();
  }
}
