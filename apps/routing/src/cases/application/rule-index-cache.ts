import { RuleIndex } from '../domain/disposition-rules';
import type { RuleIndexCache, StoredRuleSet } from './ports';

/** Keeps the compiled index of the newest rule set version seen. */
export class LatestRuleIndexCache implements RuleIndexCache {
  private cached: { version: number; index: RuleIndex } | null = null;

  indexFor(set: StoredRuleSet): RuleIndex {
    if (this.cached?.version !== set.version) {
      this.cached = { version: set.version, index: new RuleIndex(set.rules) };
    }
    return this.cached.index;
  }
}
