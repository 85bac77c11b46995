import type { EventEnvelope, EventType, NewEvent } from '@salur/contracts';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
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

const transactionMemos = new WeakMap<QueryRunner, Map<string, Promise<unknown>>>();

/**
 * Reads reference data (a rule set, SLA policies, an agency's subscriptions) once per
 * transaction under `key`, however many events of a batch ask for it; every transaction reads
 * afresh. Outside a transaction `load` runs every time. A writer of that data in the same
 * transaction calls `forgetInTransaction` with the key.
 */
export function oncePerTransaction<T>(
  manager: EntityManager,
  key: string,
  load: () => Promise<T>,
): Promise<T> {
  const runner = manager.queryRunner;
  if (!runner?.isTransactionActive) return load();
  let memo = transactionMemos.get(runner);
  if (!memo) {
    memo = new Map();
    transactionMemos.set(runner, memo);
  }
  const known = memo.get(key) as Promise<T> | undefined;
  if (known) return known;
  const loading = load();
  memo.set(key, loading);
  return loading;
}

/**
 * Drops what `oncePerTransaction` holds for the transaction of `manager` under every key that
 * starts with `prefix` (a whole key drops that one).
 */
export function forgetInTransaction(manager: EntityManager, prefix: string): void {
  const memo = manager.queryRunner ? transactionMemos.get(manager.queryRunner) : undefined;
  if (!memo) return;
  for (const key of [...memo.keys()]) if (key.startsWith(prefix)) memo.delete(key);
}
