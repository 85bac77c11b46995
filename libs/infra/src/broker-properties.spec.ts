import { newKafkaClusterId, parseBrokerList, renderBrokerProperties } from './broker-properties';

function parse(properties: string): Map<string, string> {
  return new Map(
    properties
      .trim()
      .split('\n')
      .map((line) => {
        const at = line.indexOf('=');
        return [line.slice(0, at), line.slice(at + 1)] as const;
      }),
  );
}

describe('renderBrokerProperties', () => {
  const properties = parse(
    renderBrokerProperties({ brokerPort: 19092, controllerPort: 19093, logDir: '/data/kraft' }),
  );

  it('makes one node both broker and controller of a single-voter KRaft quorum', () => {
    expect(properties.get('process.roles')).toBe('broker,controller');
    expect(properties.get('node.id')).toBe('1');
    expect(properties.get('controller.quorum.voters')).toBe('1@127.0.0.1:19093');
    expect(properties.get('controller.listener.names')).toBe('CONTROLLER');
  });

  it('listens and advertises on loopback only, on the given ports', () => {
    expect(properties.get('listeners')).toBe(
      'PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093',
    );
    expect(properties.get('advertised.listeners')).toBe('PLAINTEXT://127.0.0.1:19092');
  });

  it('needs no second replica anywhere and lets tests create topics and groups quickly', () => {
    for (const key of [
      'offsets.topic.replication.factor',
      'transaction.state.log.replication.factor',
      'transaction.state.log.min.isr',
      'share.coordinator.state.topic.replication.factor',
    ]) {
      expect([key, properties.get(key)]).toEqual([key, '1']);
    }
    expect(properties.get('group.initial.rebalance.delay.ms')).toBe('0');
    expect(properties.get('auto.create.topics.enable')).toBe('true');
    expect(properties.get('log.dirs')).toBe('/data/kraft');
  });

  it('escapes backslashes, which Java properties read as escapes', () => {
    const windows = parse(
      renderBrokerProperties({ brokerPort: 1, controllerPort: 2, logDir: 'C:\\salur\\kraft' }),
    );
    expect(windows.get('log.dirs')).toBe('C:\\\\salur\\\\kraft');
  });
});

describe('newKafkaClusterId', () => {
  it('is a Kafka Uuid: 16 random bytes as 22 characters of URL-safe base64', () => {
    const id = newKafkaClusterId();
    expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(Buffer.from(id, 'base64url')).toHaveLength(16);
    expect(newKafkaClusterId()).not.toBe(id);
  });

  it('never starts with a dash, which the storage tool would take for an option', () => {
    for (let i = 0; i < 2_000; i++) expect(newKafkaClusterId()).not.toMatch(/^-/);
  });
});

describe('parseBrokerList', () => {
  it('splits the comma list and ignores blanks', () => {
    expect(parseBrokerList(' kafka-1:9092, kafka-2:9092 ,,')).toEqual([
      'kafka-1:9092',
      'kafka-2:9092',
    ]);
  });

  it('treats unset and empty alike', () => {
    expect(parseBrokerList(undefined)).toEqual([]);
    expect(parseBrokerList('  ')).toEqual([]);
  });
});
