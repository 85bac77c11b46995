import type {
  IncomingMessage,
  MessageBroker,
  OutgoingMessage,
  PartitionLag,
  PartitionOffset,
  ReadTopicOptions,
} from '../broker/message-broker';
import { FailureHeaders } from '../consumer/failure-headers';
import { DeadLetterQueue, REDRIVE_GROUP, RedriveHeaders } from './dead-letter-queue';

const DLQ = 'salur.intake.v1.dlq.salur-routing';

/** A topic in memory with one committed position per partition: just what the queue asks for. */
class MemoryTopic implements Partial<MessageBroker> {
  readonly sent: OutgoingMessage[] = [];
  readonly committed = new Map<number, string>();
  private readonly messages: IncomingMessage[] = [];

  park(partition: number, id: string, reason = 'attempts-exhausted'): void {
    const offset = String(this.messages.filter((m) => m.partition === partition).length);
    this.messages.push({
      topic: DLQ,
      partition,
      offset,
      key: `key-${id}`,
      value: Buffer.from(`{"id":"${id}"}`),
      timestamp: Date.parse('2026-11-29T07:00:00Z') + this.messages.length,
      headers: {
        ce_id: id,
        ce_type: 'salur.complaint.submitted.v1',
        ce_subject: `subject-${id}`,
        traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
        [FailureHeaders.originalTopic]: 'salur.intake.v1',
        [FailureHeaders.consumerGroup]: 'salur-routing',
        [FailureHeaders.attempts]: '5',
        [FailureHeaders.reason]: reason,
        [FailureHeaders.error]: 'Error: agency directory unavailable',
      },
    });
  }

  listTopics(): Promise<string[]> {
    return Promise.resolve(['salur.intake.v1', DLQ]);
  }

  consumerGroupLag(groupId: string): Promise<PartitionLag[]> {
    expect(groupId).toBe(REDRIVE_GROUP);
    return Promise.resolve(
      [...this.committed].map(([partition, offset]) => ({
        topic: DLQ,
        partition,
        lowWatermark: '0',
        highWatermark: '0',
        committedOffset: offset,
        lag: 0,
      })),
    );
  }

  readTopic(_topic: string, options: ReadTopicOptions = {}): Promise<IncomingMessage[]> {
    return Promise.resolve(
      this.messages.filter(
        (m) => Number(m.offset) >= Number(options.fromOffsets?.get(m.partition) ?? 0),
      ),
    );
  }

  commitOffsets(groupId: string, offsets: readonly PartitionOffset[]): Promise<void> {
    expect(groupId).toBe(REDRIVE_GROUP);
    for (const { partition, offset } of offsets) this.committed.set(partition, offset);
    return Promise.resolve();
  }

  createProducer(): ReturnType<MessageBroker['createProducer']> {
    return {
      send: (messages) => {
        this.sent.push(...messages);
        return Promise.resolve();
      },
      disconnect: () => Promise.resolve(),
    };
  }
}

function queueOver(topic: MemoryTopic): DeadLetterQueue {
  return new DeadLetterQueue(topic as unknown as MessageBroker);
}

describe('DeadLetterQueue.redrive', () => {
  it('sends every pending event back without failure headers, once', async () => {
    const topic = new MemoryTopic();
    topic.park(0, 'a');
    topic.park(1, 'b');
    topic.park(0, 'c');
    const queue = queueOver(topic);

    const report = await queue.redrive(DLQ, { all: true });
    expect(report.redriven.map((l) => l.id)).toEqual(['a', 'b', 'c']);
    expect(topic.sent.map((m) => [m.topic, m.key])).toEqual([
      ['salur.intake.v1', 'key-a'],
      ['salur.intake.v1', 'key-b'],
      ['salur.intake.v1', 'key-c'],
    ]);
    const headers = topic.sent[0]?.headers ?? {};
    expect(Object.values(FailureHeaders).filter((h) => Object.hasOwn(headers, h))).toEqual([]);
    expect(headers[FailureHeaders.attempts]).toBeUndefined();
    expect(headers.ce_id).toBe('a');
    expect(headers.traceparent).toMatch(/^00-/);
    expect(headers[RedriveHeaders.from]).toBe(`${DLQ}/0/0`);
    expect(report.committed).toEqual([
      { topic: DLQ, partition: 0, offset: '2' },
      { topic: DLQ, partition: 1, offset: '1' },
    ]);

    const again = await queue.redrive(DLQ, { all: true });
    expect(again.redriven).toEqual([]);
    expect(topic.sent).toHaveLength(3);
    expect((await queue.list(DLQ)).letters.map((l) => l.pending)).toEqual([false, false, false]);
  });

  it('by id, moves the position only over a leading run of handled events', async () => {
    const topic = new MemoryTopic();
    topic.park(0, 'a');
    topic.park(0, 'b');
    topic.park(0, 'c');
    topic.park(1, 'd');
    const queue = queueOver(topic);

    const report = await queue.redrive(DLQ, { ids: ['a', 'c', 'missing'] });
    expect(report.redriven.map((l) => l.id)).toEqual(['a', 'c']);
    expect(report.notFound).toEqual(['missing']);
    // b was not selected: it and c behind it stay pending; a is done.
    expect(report.committed).toEqual([{ topic: DLQ, partition: 0, offset: '1' }]);
    expect(report.leftPending).toBe(3);
    const pending = (await queue.list(DLQ, { pendingOnly: true })).letters.map((l) => l.id);
    expect(pending).toEqual(['b', 'c', 'd']);
  });

  it('skips undecodable events, moving past them, and sends nothing on a dry run', async () => {
    const topic = new MemoryTopic();
    topic.park(0, 'junk', 'undecodable');
    topic.park(0, 'ok');
    const queue = queueOver(topic);

    const dry = await queue.redrive(DLQ, { all: true }, { dryRun: true });
    expect(dry.redriven.map((l) => l.id)).toEqual(['ok']);
    expect(dry.skipped.map((s) => s.letter.id)).toEqual(['junk']);
    expect(topic.sent).toEqual([]);
    expect(topic.committed.size).toBe(0);

    const real = await queue.redrive(DLQ, { all: true });
    expect(real.redriven.map((l) => l.id)).toEqual(['ok']);
    expect(topic.committed.get(0)).toBe('2');
  });

  it('refuses a topic that is not a dead-letter topic', async () => {
    await expect(
      queueOver(new MemoryTopic()).redrive('salur.intake.v1', { all: true }),
    ).rejects.toThrow(/not a dead-letter topic/);
  });
});
