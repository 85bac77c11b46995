import type { EntityManager, QueryRunner } from 'typeorm';
import { forgetInTransaction, oncePerTransaction } from './unit-of-work';

function managerIn(runner: Partial<QueryRunner> | undefined): EntityManager {
  return { queryRunner: runner } as unknown as EntityManager;
}

describe('oncePerTransaction', () => {
  it('reads once per transaction, and afresh in the next one', async () => {
    let reads = 0;
    const load = () => Promise.resolve(++reads);
    const first = managerIn({ isTransactionActive: true });
    expect(await oncePerTransaction(first, 'k', load)).toBe(1);
    expect(await oncePerTransaction(first, 'k', load)).toBe(1);
    expect(await oncePerTransaction(first, 'other', load)).toBe(2);
    const second = managerIn({ isTransactionActive: true });
    expect(await oncePerTransaction(second, 'k', load)).toBe(3);
  });

  it('shares one read between callers that ask at the same time', async () => {
    let reads = 0;
    const manager = managerIn({ isTransactionActive: true });
    const load = () => Promise.resolve(++reads);
    const both = await Promise.all([
      oncePerTransaction(manager, 'k', load),
      oncePerTransaction(manager, 'k', load),
    ]);
    expect(both).toEqual([1, 1]);
  });

  it('reads every time outside a transaction', async () => {
    let reads = 0;
    const load = () => Promise.resolve(++reads);
    for (const manager of [managerIn(undefined), managerIn({ isTransactionActive: false })]) {
      await oncePerTransaction(manager, 'k', load);
      await oncePerTransaction(manager, 'k', load);
    }
    expect(reads).toBe(4);
  });

  it('reads again after a writer forgets the keys under a prefix', async () => {
    let reads = 0;
    const load = () => Promise.resolve(++reads);
    const manager = managerIn({ isTransactionActive: true });
    await oncePerTransaction(manager, 'subs:a', load);
    await oncePerTransaction(manager, 'subs:b', load);
    await oncePerTransaction(manager, 'rules', load);
    forgetInTransaction(manager, 'subs:');
    expect(await oncePerTransaction(manager, 'subs:a', load)).toBe(4);
    expect(await oncePerTransaction(manager, 'subs:b', load)).toBe(5);
    expect(await oncePerTransaction(manager, 'rules', load)).toBe(3);
  });
});
