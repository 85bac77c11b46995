import type { Producer } from 'kafkajs';
import { KafkaJsProducer } from './kafkajs-broker';

/** A stand-in kafkajs producer whose sends fail while `failing` says so. */
function fakeProducer(id: number, failing: () => boolean, log: string[]): Producer {
  return {
    connect: () => {
      log.push(`connect ${id}`);
      return Promise.resolve();
    },
    disconnect: () => {
      log.push(`disconnect ${id}`);
      return Promise.resolve();
    },
    sendBatch: () => {
      log.push(`send ${id}`);
      return failing()
        ? Promise.reject(new Error('The broker received an out of order sequence number'))
        : Promise.resolve([]);
    },
  } as unknown as Producer;
}

const message = { topic: 'salur.intake.v1', key: 'k', value: Buffer.from('{}'), headers: {} };

describe('KafkaJsProducer', () => {
  it('sends with one producer while sends succeed', async () => {
    const log: string[] = [];
    let made = 0;
    const producer = new KafkaJsProducer(
      () => fakeProducer(++made, () => false, log),
      (t) => t,
      () => undefined,
    );
    await producer.send([message]);
    await producer.send([message]);
    expect(log).toEqual(['connect 1', 'send 1', 'send 1']);
  });

  it('replaces its producer after a failed send, so a producer stuck out of sequence is not reused', async () => {
    const log: string[] = [];
    let made = 0;
    const producer = new KafkaJsProducer(
      () => {
        made += 1;
        const id = made;
        return fakeProducer(id, () => id === 1, log);
      },
      (t) => t,
      () => undefined,
    );
    await expect(producer.send([message])).rejects.toThrow('out of order sequence number');
    await producer.send([message]);
    await producer.disconnect();
    expect(log).toEqual([
      'connect 1',
      'send 1',
      'disconnect 1',
      'connect 2',
      'send 2',
      'disconnect 2',
    ]);
  });
});
