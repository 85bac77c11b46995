import { dispose, type DispositionDirectory } from './disposition';
import { RuleIndex, type RoutableComplaint } from './disposition-rules';

const agencies = new Map([
  ['pemda-64', { code: 'pemda-64', level: 'province' as const }],
  ['pemda-64.71', { code: 'pemda-64.71', level: 'regency' as const }],
  ['kl-kemenkes', { code: 'kl-kemenkes', level: 'national' as const }],
  ['lapor-pusat', { code: 'lapor-pusat', level: 'national' as const }],
]);
const directory: DispositionDirectory = {
  find: (code) => agencies.get(code),
  ministryForCategory: (category) => (category === 'kesehatan' ? 'kl-kemenkes' : undefined),
};
const complaint: RoutableComplaint = {
  category: 'kesehatan',
  type: 'complaint',
  regionCode: '64.71',
  title: 'Puskesmas tutup',
  body: 'Tidak ada dokter',
  channel: 'web',
};

describe('dispose', () => {
  it('uses the default disposition when no rule matches', () => {
    expect(dispose(complaint, new RuleIndex([]), directory)).toEqual({
      agency: { code: 'pemda-64.71', level: 'regency' },
      reason: 'region_default',
    });
  });

  it.each([
    [{ kind: 'regency_government' as const }, 'pemda-64.71'],
    [{ kind: 'province_government' as const }, 'pemda-64'],
    [{ kind: 'category_ministry' as const }, 'kl-kemenkes'],
    [{ kind: 'agency' as const, agency: 'lapor-pusat' }, 'lapor-pusat'],
  ])('sends a matching complaint to the rule’s target %o', (target, agency) => {
    const rules = new RuleIndex([{ id: 'r1', when: { categories: ['kesehatan'] }, target }]);
    expect(dispose(complaint, rules, directory)).toEqual({
      agency: agencies.get(agency),
      reason: 'rule',
      ruleId: 'r1',
    });
  });

  it('falls back to the default when the rule’s target is not an active agency', () => {
    const rules = new RuleIndex([
      { id: 'gone', when: {}, target: { kind: 'agency', agency: 'kl-retired' } },
    ]);
    expect(dispose(complaint, rules, directory).reason).toBe('region_default');
    const noMinistry = new RuleIndex([
      { id: 'm', when: {}, target: { kind: 'category_ministry' } },
    ]);
    expect(dispose({ ...complaint, category: null }, noMinistry, directory).reason).toBe(
      'region_default',
    );
  });
});
