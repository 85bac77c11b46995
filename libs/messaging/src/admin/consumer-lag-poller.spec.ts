import pino from 'pino';
import type { PartitionLag } from '../broker/message-broker';
import { ConsumerLagPoller } from './consumer-lag-poller';

function lagOf(lag: number): PartitionLag {
  return {
    topic: 'salur.intake.v1',
    partition: 0,
    lowWatermark: '0',
    highWatermark: String(lag),
    committedOffset: undefined,
    lag,
  };
}

describe('ConsumerLagPoller', () => {
  beforeEach(() => {
    jest.useFakeTimers();
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  it('looks at once, then every interval, and after a failure again sooner, keeping the last value', async () => {
    const answers: (number | Error)[] = [3, new Error('not the leader'), 1, 0];
    const asked: string[][] = [];
    const recorded: number[] = [];
    const poller = new ConsumerLagPoller({
      broker: {
        consumerGroupLag: (_group, topics) => {
          asked.push([...(topics ?? [])]);
          const next = answers.shift();
          return next instanceof Error || next === undefined
            ? Promise.reject(next ?? new Error('no more answers'))
            : Promise.resolve([lagOf(next)]);
        },
      },
      groupId: 'salur-routing',
      topics: ['salur.intake.v1', 'salur.intake.v1.retry.salur-routing'],
      intervalMs: 15_000,
      record: (_group, partitions) => recorded.push(partitions[0]?.lag ?? -1),
      logger: pino({ level: 'silent' }),
    });
    poller.start();
    await jest.advanceTimersByTimeAsync(0);
    expect(recorded).toEqual([3]);
    expect(asked[0]).toEqual(['salur.intake.v1', 'salur.intake.v1.retry.salur-routing']);

    await jest.advanceTimersByTimeAsync(14_999);
    expect(asked).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(1); // the failing look
    expect(recorded).toEqual([3]);
    await jest.advanceTimersByTimeAsync(500); // retried after 0.5 s, not 15 s
    expect(recorded).toEqual([3, 1]);
    await jest.advanceTimersByTimeAsync(15_000);
    expect(recorded).toEqual([3, 1, 0]);

    await poller.stop();
    await jest.advanceTimersByTimeAsync(60_000);
    expect(asked).toHaveLength(4);
  });

  it('does nothing with an interval of 0', async () => {
    let asked = 0;
    const poller = new ConsumerLagPoller({
      broker: {
        consumerGroupLag: () => {
          asked += 1;
          return Promise.resolve([]);
        },
      },
      groupId: 'g',
      topics: ['t'],
      intervalMs: 0,
      record: () => undefined,
      logger: pino({ level: 'silent' }),
    });
    poller.start();
    await jest.advanceTimersByTimeAsync(60_000);
    expect(asked).toBe(0);
    await poller.stop();
  });
});
