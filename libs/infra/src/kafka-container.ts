import { newKafkaClusterId } from './broker-properties';
import { waitForKafka } from './kafka-probe';

export const DEFAULT_KAFKA_IMAGE = 'apache/kafka:4.1.1';

const CLIENT_PORT = 9092;
const START_SCRIPT = '/tmp/salur-start-kafka.sh';
const WAITING = 'salur: waiting for the start script';

export interface StartedKafkaContainer {
  readonly brokers: string[];
  stop(): Promise<void>;
}

/**
 * The official apache/kafka image in KRaft mode. @testcontainers/kafka's KafkaContainer drives
 * Confluent images only (it runs their start script), so this uses GenericContainer with the
 * same technique: the container waits for a start script, which is copied in once the mapped port
 * is known, because the broker must advertise the address clients reach it at.
 */
export async function startKafkaContainer(
  image = DEFAULT_KAFKA_IMAGE,
): Promise<StartedKafkaContainer> {
  const { GenericContainer, Wait } = await import('testcontainers');
  const container = await new GenericContainer(image)
    .withExposedPorts(CLIENT_PORT)
    .withEnvironment({
      CLUSTER_ID: newKafkaClusterId(),
      KAFKA_NODE_ID: '1',
      KAFKA_PROCESS_ROLES: 'broker,controller',
      KAFKA_LISTENERS: 'PLAINTEXT://0.0.0.0:9092,BROKER://0.0.0.0:9093,CONTROLLER://0.0.0.0:9094',
      KAFKA_LISTENER_SECURITY_PROTOCOL_MAP:
        'PLAINTEXT:PLAINTEXT,BROKER:PLAINTEXT,CONTROLLER:PLAINTEXT',
      KAFKA_INTER_BROKER_LISTENER_NAME: 'BROKER',
      KAFKA_CONTROLLER_LISTENER_NAMES: 'CONTROLLER',
      KAFKA_CONTROLLER_QUORUM_VOTERS: '1@localhost:9094',
      KAFKA_AUTO_CREATE_TOPICS_ENABLE: 'true',
      KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: '1',
      KAFKA_OFFSETS_TOPIC_NUM_PARTITIONS: '1',
      KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: '1',
      KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: '1',
      KAFKA_TRANSACTION_STATE_LOG_NUM_PARTITIONS: '1',
      KAFKA_SHARE_COORDINATOR_STATE_TOPIC_REPLICATION_FACTOR: '1',
      KAFKA_SHARE_COORDINATOR_STATE_TOPIC_MIN_ISR: '1',
      KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS: '0',
    })
    .withEntrypoint(['sh'])
    .withCommand([
      '-c',
      `echo '${WAITING}'; while [ ! -f ${START_SCRIPT} ]; do sleep 0.1; done; exec ${START_SCRIPT}`,
    ])
    .withWaitStrategy(Wait.forLogMessage(WAITING))
    .start();
  try {
    const broker = `${container.getHost()}:${container.getMappedPort(CLIENT_PORT)}`;
    await container.copyContentToContainer([
      {
        content: [
          '#!/bin/bash',
          `export KAFKA_ADVERTISED_LISTENERS=PLAINTEXT://${broker},BROKER://localhost:9093`,
          'exec /etc/kafka/docker/run',
          '',
        ].join('\n'),
        target: START_SCRIPT,
        mode: 0o755,
      },
    ]);
    await waitForKafka([broker], { timeoutMs: 120_000 });
    return {
      brokers: [broker],
      stop: async () => {
        await container.stop();
      },
    };
  } catch (error) {
    await container.stop().catch(() => undefined);
    throw error;
  }
}
