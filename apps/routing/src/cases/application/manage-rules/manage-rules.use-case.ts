import type { DispositionRule } from '../../domain/disposition-rules';
import { dispose, type RuledDisposition } from '../../domain/disposition';
import type { RoutableComplaint } from '../../domain/disposition-rules';
import { RuleSetConflict, RuleSetInvalid } from '../../domain/errors';
import type {
  Clock,
  RoutingDirectory,
  RoutingTransactions,
  RuleIndexCache,
  StoredRuleSet,
} from '../ports';

/**
 * The disposition rule set: versioned (every change is a new version, kept with who made it and
 * when), and a dry run that shows where a complaint would go.
 */
export class ManageRules {
  constructor(
    private readonly transactions: RoutingTransactions,
    private readonly deps: { directory: RoutingDirectory; rules: RuleIndexCache },
    private readonly clock: Clock,
  ) {}

  current(): Promise<StoredRuleSet> {
    return this.transactions.run((tx) => tx.ruleSets.current());
  }

  /** Saves the rules as the version after `expectedVersion`; a stale version is refused. */
  async replace(input: {
    rules: readonly DispositionRule[];
    expectedVersion: number;
    by: string;
  }): Promise<StoredRuleSet> {
    const ids = new Set<string>();
    for (const rule of input.rules) {
      if (ids.has(rule.id)) throw new RuleSetInvalid(`rule id ${rule.id} is used twice`);
      ids.add(rule.id);
      if (rule.target.kind === 'agency' && !this.deps.directory.find(rule.target.agency)) {
        throw new RuleSetInvalid(
          `rule ${rule.id} targets ${rule.target.agency}, which is not an active agency`,
        );
      }
    }
    return await this.transactions.run(async (tx) => {
      const set: StoredRuleSet = {
        version: input.expectedVersion + 1,
        rules: input.rules,
        createdBy: input.by,
        createdAt: this.clock.now(),
      };
      if (!(await tx.ruleSets.append(set))) {
        const now = await tx.ruleSets.current();
        throw new RuleSetConflict(
          `the rule set is at version ${now.version}, not ${input.expectedVersion}; reload and retry`,
        );
      }
      return set;
    });
  }

  /** Which rule and agency the complaint would get now; nothing is stored or published. */
  async simulate(c: RoutableComplaint): Promise<RuledDisposition & { ruleSetVersion: number }> {
    const set = await this.current();
    return {
      ...dispose(c, this.deps.rules.indexFor(set), this.deps.directory),
      ruleSetVersion: set.version,
    };
  }
}
