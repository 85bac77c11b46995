import type { EventEnvelope, EventType, NewEvent } from '@salur/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import type { OutboxWriter } from './outbox/outbox-writer';

/** One Postgres transaction: state changes through `manager`, events through `publish`. */
export interface TransactionScope {
  readonly manager: EntityManager;
  /** Writes events to the outbox; they reach Kafka only if the transaction commits. */
  publish(...events: NewEvent<unknown, EventType>[]): Promise<EventEnvelope[]>;
}

export function transactionScope(manager: EntityManager, outbox: OutboxWriter): TransactionScope {
  return { manager, publish: (...events) => outbox.append(manager, events) };
}

/** Runs work in a transaction whose state changes and outgoing events commit together. */
export class UnitOfWork {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
  ) {}

  run<T>(work: (tx: TransactionScope) => Promise<T>): Promise<T> {
    return this.dataSource.transaction((manager) => work(transactionScope(manager, this.outbox)));
  }
}
