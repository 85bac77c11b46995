import { measureRouting } from '../../apps/routing/bench/routing';
import type { BenchContext, Scenario, ScenarioResult } from '../support/bench-context';

/** Routing decisions per second with the full directory and a national-sized rule set. */
export const routing: Scenario = {
  name: 'routing',
  measures: 'routing decisions/s with the full directory and a realistic rule set',
  run(context: BenchContext): Promise<ScenarioResult> {
    const f = measureRouting(context.number('decisions', 200_000, 50_000));
    return Promise.resolve({
      figures: { ...f },
      summary: [
        `${f.agencies} agencies, ${f.rules.toLocaleString('en')} rules, index built in ${f.indexBuildMs} ms`,
        `${f.decisionsPerSecond.toLocaleString('en')} decisions/s through the index ` +
          `(${f.decisions.toLocaleString('en')} timed), ${f.rulesExaminedPerMatch} rules examined per match, ` +
          `${f.matchedByRulePercent}% matched by a rule`,
        `linear first-match scan: ${f.linearDecisionsPerSecond.toLocaleString('en')} decisions/s; ` +
          `index and scan disagree on ${f.indexVsLinearDisagreements} of ${f.linearSample}`,
      ],
    });
  },
};
