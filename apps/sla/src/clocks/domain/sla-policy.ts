import type { ComplaintType, SlaStage } from '@salur/contracts';
import type { CalendarKind, StagePolicy } from './sla-clock';

export const DEFAULT_WARNINGS: readonly number[] = [0.5, 0.8];

/** DESIGN.md: information requests get "+7 once on extension", 7 working days. */
export const DEFAULT_FOLLOW_UP_EXTENSION = 'P7D';

/**
 * A stored policy: a stage's duration for every complaint matching its scope. `null` in a scope
 * field matches anything. Each change to one scope is a new version; clocks keep theirs.
 */
export interface PolicyRule {
  readonly stage: SlaStage;
  readonly agency: string | null;
  readonly category: string | null;
  readonly type: ComplaintType | null;
  readonly version: number;
  readonly duration: string;
  readonly calendar: CalendarKind;
  readonly warnings: readonly number[];
  /** What one extension adds, in `calendar` (ISO 8601); null: the stage cannot be extended. */
  readonly extension: string | null;
}

export interface PolicyScope {
  readonly stage: SlaStage;
  readonly agency: string | null;
  readonly category: string | null;
  readonly type: ComplaintType;
}

/**
 * The defaults of DESIGN.md, version 1: verification 3 working days; follow-up 5 working days
 * (information requests 10); resolution 60 calendar days; auto-close 10 working days. A
 * follow-up clock may be extended once by 7 working days (routing allows it for information
 * requests only).
 */
export const DEFAULT_POLICIES: readonly PolicyRule[] = [
  rule('verification', null, 'P3D', 'business'),
  rule('follow_up', null, 'P5D', 'business'),
  rule('follow_up', 'information_request', 'P10D', 'business'),
  rule('resolution', null, 'P60D', '24x7'),
  rule('auto_close', null, 'P10D', 'business'),
];

function rule(
  stage: SlaStage,
  type: ComplaintType | null,
  duration: string,
  calendar: CalendarKind,
): PolicyRule {
  return {
    stage,
    agency: null,
    category: null,
    type,
    version: 1,
    duration,
    calendar,
    warnings: DEFAULT_WARNINGS,
    extension: stage === 'follow_up' ? DEFAULT_FOLLOW_UP_EXTENSION : null,
  };
}

/** How specific a rule is: agency weighs most, then category, then type. */
function specificity(rule: PolicyRule): number {
  return (rule.agency ? 4 : 0) + (rule.category ? 2 : 0) + (rule.type ? 1 : 0);
}

function matches(rule: PolicyRule, scope: PolicyScope): boolean {
  return (
    rule.stage === scope.stage &&
    (rule.agency === null || rule.agency === scope.agency) &&
    (rule.category === null || rule.category === scope.category) &&
    (rule.type === null || rule.type === scope.type)
  );
}

/**
 * The policy for a scope: the most specific matching rule (its newest version), stored rules
 * before the defaults at equal specificity.
 */
export function resolvePolicy(stored: readonly PolicyRule[], scope: PolicyScope): StagePolicy {
  let best: PolicyRule | undefined;
  for (const candidate of [...stored, ...DEFAULT_POLICIES]) {
    if (!matches(candidate, scope)) continue;
    if (
      !best ||
      specificity(candidate) > specificity(best) ||
      (specificity(candidate) === specificity(best) &&
        sameScope(candidate, best) &&
        candidate.version > best.version)
    ) {
      best = candidate;
    }
  }
  if (!best) throw new Error(`no policy for stage ${scope.stage}`);
  return {
    stage: best.stage,
    duration: best.duration,
    calendar: best.calendar,
    version: best.version,
    warnings: best.warnings,
    extension: best.extension,
  };
}

function sameScope(a: PolicyRule, b: PolicyRule): boolean {
  return a.agency === b.agency && a.category === b.category && a.type === b.type;
}
