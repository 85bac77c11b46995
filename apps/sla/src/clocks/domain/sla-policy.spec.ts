import { DEFAULT_POLICIES, resolvePolicy, type PolicyRule } from './sla-policy';

const scope = {
  stage: 'follow_up',
  agency: 'pemda-64.71',
  category: 'infrastruktur',
  type: 'complaint',
} as const;

function stored(overrides: Partial<PolicyRule>): PolicyRule {
  return { ...DEFAULT_POLICIES[1], version: 2, ...overrides };
}

describe('SLA policies', () => {
  it('default to DESIGN.md: 5 working days, 10 for information requests, 60 calendar days to resolve', () => {
    expect(resolvePolicy([], scope)).toMatchObject({
      duration: 'P5D',
      calendar: 'business',
      version: 1,
    });
    expect(resolvePolicy([], { ...scope, type: 'information_request' }).duration).toBe('P10D');
    expect(resolvePolicy([], { ...scope, stage: 'resolution' })).toMatchObject({
      duration: 'P60D',
      calendar: '24x7',
    });
    expect(resolvePolicy([], { ...scope, stage: 'auto_close' }).duration).toBe('P10D');
    expect(resolvePolicy([], scope).warnings).toEqual([0.5, 0.8]);
  });

  it('take the newest version of a scope, and the most specific scope', () => {
    const rules = [
      stored({ duration: 'P4D', version: 2 }),
      stored({ duration: 'P3D', version: 3 }),
      stored({ duration: 'PT30S', calendar: '24x7', agency: 'pemda-64.71', version: 1 }),
      stored({ duration: 'P7D', category: 'infrastruktur', version: 1 }),
    ];
    expect(resolvePolicy(rules, { ...scope, agency: 'pemda-31' })).toMatchObject({
      duration: 'P7D',
    });
    expect(resolvePolicy(rules, { ...scope, category: null, agency: 'pemda-31' })).toMatchObject({
      duration: 'P3D',
      version: 3,
    });
    expect(resolvePolicy(rules, scope)).toMatchObject({ duration: 'PT30S', calendar: '24x7' });
  });
});
