import type { RoutingReason } from '@salur/contracts';
import type { AgencyRef } from './complaint-case';
import { defaultDisposition, type AgencyLookup } from './default-disposition';
import type { RoutableComplaint, RuleIndex, RuleTarget } from './disposition-rules';
import { regencyCodeOf, provinceCodeOf } from '@salur/contracts';

/** The directory as disposition needs it. */
export interface DispositionDirectory extends AgencyLookup {
  /** The national ministry with authority over a category, when the category names one. */
  ministryForCategory(category: string): string | undefined;
}

export interface RuledDisposition {
  readonly agency: AgencyRef;
  readonly reason: RoutingReason;
  readonly ruleId?: string;
}

function targetOf(
  target: RuleTarget,
  c: RoutableComplaint,
  directory: DispositionDirectory,
): AgencyRef | undefined {
  switch (target.kind) {
    case 'regency_government': {
      const regency = regencyCodeOf(c.regionCode);
      return regency ? directory.find(`pemda-${regency}`) : undefined;
    }
    case 'province_government':
      return directory.find(`pemda-${provinceCodeOf(c.regionCode)}`);
    case 'category_ministry': {
      const ministry = c.category ? directory.ministryForCategory(c.category) : undefined;
      return ministry ? directory.find(ministry) : undefined;
    }
    case 'agency':
      return directory.find(target.agency);
  }
}

/**
 * Where a verified complaint goes: the first rule that matches and whose target is an active
 * agency; otherwise the default (the location's regency/city government, else its province's,
 * else national triage).
 */
export function dispose(
  c: RoutableComplaint,
  rules: RuleIndex,
  directory: DispositionDirectory,
): RuledDisposition {
  const match = rules.evaluate(c);
  if (match) {
    const agency = targetOf(match.rule.target, c, directory);
    if (agency) return { agency, reason: 'rule', ruleId: match.rule.id };
  }
  return defaultDisposition(c.regionCode, directory);
}
