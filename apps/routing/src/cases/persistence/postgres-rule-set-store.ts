import { forgetInTransaction, oncePerTransaction } from '@salur/messaging';
import type { EntityManager } from 'typeorm';
import type { RuleSetStore, StoredRuleSet } from '../application/ports';
import type { DispositionRule } from '../domain/disposition-rules';
import { RuleSetEntity } from './rule-set.entity';

const RULE_SET_MEMO = 'routing.rule_sets:current';

export class PostgresRuleSetStore implements RuleSetStore {
  constructor(private readonly manager: EntityManager) {}

  /** Read once per transaction: every submission of a consumed batch is routed by one read. */
  current(): Promise<StoredRuleSet> {
    return oncePerTransaction(this.manager, RULE_SET_MEMO, () => this.read());
  }

  private async read(): Promise<StoredRuleSet> {
    const rows = await this.manager.find(RuleSetEntity, { order: { version: 'DESC' }, take: 1 });
    if (rows.length === 0)
      return { version: 0, rules: [], createdBy: 'system', createdAt: new Date(0) };
    const row = rows[0];
    return {
      version: row.version,
      // Written only by `append`, from validated rule sets.
      rules: row.rules as DispositionRule[],
      createdBy: row.createdBy,
      createdAt: row.createdAt,
    };
  }

  async append(set: StoredRuleSet): Promise<boolean> {
    forgetInTransaction(this.manager, RULE_SET_MEMO);
    const latest = await this.manager.find(RuleSetEntity, {
      order: { version: 'DESC' },
      take: 1,
    });
    if ((latest.length === 0 ? 0 : latest[0].version) !== set.version - 1) return false;
    const result = await this.manager
      .createQueryBuilder()
      .insert()
      .into(RuleSetEntity)
      .values({ ...set, rules: [...set.rules] })
      .orIgnore()
      .returning(['version'])
      .execute();
    return (result.raw as unknown[]).length === 1;
  }
}
