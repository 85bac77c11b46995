import { randomBytes } from 'node:crypto';

export interface BrokerPropertiesInput {
  readonly brokerPort: number;
  readonly controllerPort: number;
  /** The broker's log (data) directory. */
  readonly logDir: string;
}

/**
 * server.properties for a single combined broker+controller node in KRaft mode, listening on
 * 127.0.0.1 only. The settings are the ones a single node needs (replication factor 1 everywhere)
 * plus the ones that keep tests quick.
 */
export function renderBrokerProperties(input: BrokerPropertiesInput): string {
  const settings: [string, string | number | boolean][] = [
    ['process.roles', 'broker,controller'],
    ['node.id', 1],
    ['controller.quorum.voters', `1@127.0.0.1:${input.controllerPort}`],
    [
      'listeners',
      `PLAINTEXT://127.0.0.1:${input.brokerPort},CONTROLLER://127.0.0.1:${input.controllerPort}`,
    ],
    ['advertised.listeners', `PLAINTEXT://127.0.0.1:${input.brokerPort}`],
    ['controller.listener.names', 'CONTROLLER'],
    ['inter.broker.listener.name', 'PLAINTEXT'],
    ['listener.security.protocol.map', 'PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT'],
    ['log.dirs', input.logDir],
    ['auto.create.topics.enable', true],
    ['offsets.topic.replication.factor', 1],
    ['transaction.state.log.replication.factor', 1],
    ['transaction.state.log.min.isr', 1],
    ['share.coordinator.state.topic.replication.factor', 1],
    ['share.coordinator.state.topic.min.isr', 1],
    // The defaults (50 partitions each) make the first consumer group or transaction on a fresh
    // broker wait while 50 partitions are created; one is plenty on a single node.
    ['offsets.topic.num.partitions', 1],
    ['transaction.state.log.num.partitions', 1],
    // A consumer group that forms in a test should not wait the default 3 s for more members.
    ['group.initial.rebalance.delay.ms', 0],
  ];
  return settings.map(([key, value]) => `${key}=${escapeValue(String(value))}`).join('\n') + '\n';
}

// Java properties treat backslash as an escape character (Windows paths).
function escapeValue(value: string): string {
  return value.replace(/\\/g, '\\\\');
}

/** A new KRaft cluster id: 16 random bytes in URL-safe base64 without padding, as Kafka's Uuid. */
export function newKafkaClusterId(): string {
  // Kafka's own tool draws base64url UUIDs too; one starting with '-' would be read as an option
  // by the storage tool's argument parser, so such draws are thrown away.
  for (;;) {
    const id = randomBytes(16).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}

/** KAFKA_BROKERS is a comma list of host:port; blanks around entries are ignored. */
export function parseBrokerList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
}
