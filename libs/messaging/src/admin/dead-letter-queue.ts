import type {
  IncomingMessage,
  MessageBroker,
  OutgoingMessage,
  PartitionOffset,
} from '../broker/message-broker';
import { FailureHeaders } from '../consumer/failure-headers';

/**
 * The consumer group whose committed offsets on each dead-letter topic mark how far its events
 * have been redriven: everything before the offset has been republished (or judged impossible to
 * redrive), everything from it on is pending.
 */
export const REDRIVE_GROUP = 'salur-dlq-redrive';

/** Headers a redriven event carries: where it was parked, and when it left. */
export const RedriveHeaders = {
  from: 'salur-redriven-from',
  at: 'salur-redriven-at',
} as const;

const DLQ_MARKER = '.dlq.';

/** Whether a (logical) topic name is a dead-letter topic, `<topic>.dlq.<group>`. */
export function isDeadLetterTopic(topic: string): boolean {
  return topic.includes(DLQ_MARKER);
}

/** One parked event as an operator sees it. */
export interface DeadLetter {
  readonly dlqTopic: string;
  readonly partition: number;
  readonly offset: string;
  readonly key: string;
  /** `ce_id`, the event id consumers deduplicate on; undefined for a message that never had one. */
  readonly id: string | undefined;
  readonly type: string | undefined;
  readonly subject: string | undefined;
  readonly originalTopic: string;
  readonly consumerGroup: string | undefined;
  readonly reason: string | undefined;
  readonly error: string | undefined;
  readonly attempts: number | undefined;
  /** When the consumer gave up (its header), else when the broker stored the message. */
  readonly failedAt: string;
  /** False once a redrive has moved past it. */
  readonly pending: boolean;
}

export interface DeadLetterListing {
  readonly topic: string;
  readonly letters: readonly DeadLetter[];
  /** Events on the topic (within its retention), before the limit. */
  readonly total: number;
  readonly pending: number;
}

export type RedriveSelection =
  { readonly all: true } | { readonly all?: false; readonly ids: readonly string[] };

export interface RedriveReport {
  readonly topic: string;
  readonly dryRun: boolean;
  /** Republished to their original topic (or, with dryRun, those that would be). */
  readonly redriven: readonly DeadLetter[];
  /** Selected but not redrivable, with why; a redrive moves past them all the same. */
  readonly skipped: readonly { readonly letter: DeadLetter; readonly why: string }[];
  /** Requested ids not among the pending events of the topic. */
  readonly notFound: readonly string[];
  /**
   * Events still pending afterwards: those not selected, and those behind one that was not (sent
   * now, but the position cannot move past what stays; a later redrive sends them again, which
   * the consumers' inbox absorbs).
   */
  readonly leftPending: number;
  /** The redrive group's new positions (not committed with dryRun). */
  readonly committed: readonly PartitionOffset[];
}

function header(message: IncomingMessage, name: string): string | undefined {
  return Object.hasOwn(message.headers, name) ? message.headers[name] : undefined;
}

/** `<topic>.dlq.<group>` → `<topic>`, for messages without the original-topic header. */
function topicBeforeMarker(dlqTopic: string): string {
  const at = dlqTopic.lastIndexOf(DLQ_MARKER);
  return at < 0 ? dlqTopic : dlqTopic.slice(0, at);
}

/**
 * The operator's view of the dead-letter topics: list what is parked and send it back to the
 * topic it came from. Consumers are idempotent (inbox), so a redriven event that a group had
 * already handled changes nothing there; the group that failed on it gets a fresh try with its
 * whole retry policy, because the failure headers (attempt count, due time, reason) are dropped.
 */
export class DeadLetterQueue {
  constructor(private readonly broker: MessageBroker) {}

  /** The dead-letter topics of this deployment. */
  async topics(): Promise<string[]> {
    return (await this.broker.listTopics()).filter(isDeadLetterTopic);
  }

  async list(
    topic: string,
    options: { readonly limit?: number; readonly pendingOnly?: boolean } = {},
  ): Promise<DeadLetterListing> {
    const positions = await this.redrivePositions(topic);
    const all = (await this.broker.readTopic(topic)).map((m) => this.letter(topic, m, positions));
    const pending = all.filter((l) => l.pending).length;
    const shown = options.pendingOnly ? all.filter((l) => l.pending) : all;
    const letters = [...shown].sort(
      (a, b) => a.failedAt.localeCompare(b.failedAt) || a.partition - b.partition,
    );
    return {
      topic,
      letters: options.limit === undefined ? letters : letters.slice(0, options.limit),
      total: all.length,
      pending,
    };
  }

  /**
   * Republishes the selected pending events of `topic` to their original topic, then commits the
   * redrive group past them, so a second redrive does not send them again. Per partition the
   * position only moves over a leading run of handled events: one left in place (not selected)
   * keeps itself and everything after it pending. Republishing comes first: a crash between the
   * two sends the events again on the next redrive, which the consumers' inbox absorbs.
   */
  async redrive(
    topic: string,
    selection: RedriveSelection,
    options: { readonly dryRun?: boolean } = {},
  ): Promise<RedriveReport> {
    if (!isDeadLetterTopic(topic)) {
      throw new Error(`${topic} is not a dead-letter topic (<topic>.dlq.<group>)`);
    }
    const positions = await this.redrivePositions(topic);
    const messages = await this.broker.readTopic(topic, { fromOffsets: positions });
    const wanted = selection.all ? undefined : new Set(selection.ids);
    const redriven: DeadLetter[] = [];
    const outgoing: OutgoingMessage[] = [];
    const skipped: { letter: DeadLetter; why: string }[] = [];
    const found = new Set<string>();
    const blocked = new Set<number>();
    const committed = new Map<number, string>();
    let leftPending = 0;
    for (const message of messages) {
      const letter = this.letter(topic, message, positions);
      const selected = wanted === undefined || (letter.id !== undefined && wanted.has(letter.id));
      if (!selected) {
        blocked.add(message.partition);
        leftPending += 1;
        continue;
      }
      if (letter.id !== undefined) found.add(letter.id);
      const why = this.notRedrivable(letter);
      if (why) skipped.push({ letter, why });
      else {
        redriven.push(letter);
        outgoing.push(this.republished(topic, message));
      }
      if (blocked.has(message.partition)) leftPending += 1;
      else committed.set(message.partition, (BigInt(message.offset) + 1n).toString());
    }
    const offsets = [...committed].map(([partition, offset]) => ({ topic, partition, offset }));
    if (!options.dryRun) {
      if (outgoing.length > 0) {
        const producer = this.broker.createProducer();
        try {
          await producer.send(outgoing);
        } finally {
          await producer.disconnect();
        }
      }
      if (offsets.length > 0) await this.broker.commitOffsets(REDRIVE_GROUP, offsets);
    }
    return {
      topic,
      dryRun: options.dryRun === true,
      redriven,
      skipped,
      notFound: wanted ? [...wanted].filter((id) => !found.has(id)) : [],
      leftPending,
      committed: offsets,
    };
  }

  private notRedrivable(letter: DeadLetter): string | undefined {
    if (letter.reason === 'undecodable') {
      return 'it cannot be decoded: every group reading the topic would dead-letter it again';
    }
    if (letter.originalTopic === letter.dlqTopic || isDeadLetterTopic(letter.originalTopic)) {
      return 'its original topic is unknown';
    }
    return undefined;
  }

  private republished(dlqTopic: string, message: IncomingMessage): OutgoingMessage {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(message.headers)) {
      // Every failure header is salur-*: the event starts over with the group's full retry policy.
      if (!name.startsWith('salur-')) headers[name] = value;
    }
    headers[RedriveHeaders.from] = `${dlqTopic}/${message.partition}/${message.offset}`;
    headers[RedriveHeaders.at] = new Date().toISOString();
    return {
      topic: header(message, FailureHeaders.originalTopic) ?? topicBeforeMarker(dlqTopic),
      key: message.key,
      value: message.value,
      headers,
    };
  }

  private letter(
    dlqTopic: string,
    message: IncomingMessage,
    positions: ReadonlyMap<number, string>,
  ): DeadLetter {
    const attempts = header(message, FailureHeaders.attempts);
    const position = positions.get(message.partition);
    return {
      dlqTopic,
      partition: message.partition,
      offset: message.offset,
      key: message.key,
      id: header(message, 'ce_id'),
      type: header(message, 'ce_type'),
      subject: header(message, 'ce_subject'),
      originalTopic: header(message, FailureHeaders.originalTopic) ?? topicBeforeMarker(dlqTopic),
      consumerGroup: header(message, FailureHeaders.consumerGroup),
      reason: header(message, FailureHeaders.reason),
      error: header(message, FailureHeaders.error),
      attempts: attempts === undefined ? undefined : Number(attempts),
      failedAt:
        header(message, FailureHeaders.failedAt) ?? new Date(message.timestamp).toISOString(),
      pending: position === undefined || BigInt(message.offset) >= BigInt(position),
    };
  }

  /** The redrive group's committed offset per partition of `topic` (absent: nothing redriven). */
  private async redrivePositions(topic: string): Promise<Map<number, string>> {
    const lags = await this.broker.consumerGroupLag(REDRIVE_GROUP, [topic]);
    const positions = new Map<number, string>();
    for (const lag of lags) {
      if (lag.committedOffset !== undefined) positions.set(lag.partition, lag.committedOffset);
    }
    return positions;
  }
}
