import type { TransactionScope, UnitOfWork } from '@salur/messaging';
import type { RoutingTransaction, RoutingTransactions } from '../application/ports';
import { PostgresAgencyStore } from './postgres-agency-store';
import { PostgresCaseStore } from './postgres-case-store';
import { PostgresDeadlineStore } from './postgres-deadline-store';
import { PostgresRuleSetStore } from './postgres-rule-set-store';

/** Routing's stores and the outbox over one Postgres transaction. */
export function routingTransaction(tx: TransactionScope): RoutingTransaction {
  return {
    cases: new PostgresCaseStore(tx.manager),
    ruleSets: new PostgresRuleSetStore(tx.manager),
    agencies: new PostgresAgencyStore(tx.manager),
    deadlines: new PostgresDeadlineStore(tx.manager),
    publish: async (event) => {
      await tx.publish(event);
    },
  };
}

export class PostgresRoutingTransactions implements RoutingTransactions {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  run<T>(work: (tx: RoutingTransaction) => Promise<T>): Promise<T> {
    return this.unitOfWork.run((scope) => work(routingTransaction(scope)));
  }
}
