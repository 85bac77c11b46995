import {
  RuleIndex,
  wordsOf,
  type DispositionRule,
  type RoutableComplaint,
} from './disposition-rules';

const complaint: RoutableComplaint = {
  category: 'infrastruktur',
  type: 'complaint',
  regionCode: '64.71.01.1001',
  title: 'Jalan berlubang di depan Pasar',
  body: 'Lubang besar, sudah dua minggu.',
  channel: 'web',
};

const rule = (id: string, when: DispositionRule['when']): DispositionRule => ({
  id,
  when,
  target: { kind: 'province_government' },
});

describe('RuleIndex', () => {
  it('normalises words: case, accents and punctuation', () => {
    expect(wordsOf('Sekolah-Dasar, CAFÉ! 2x')).toEqual(['sekolah', 'dasar', 'cafe', '2x']);
  });

  it('returns null when no rule matches', () => {
    expect(new RuleIndex([]).evaluate(complaint)).toBeNull();
    expect(
      new RuleIndex([rule('a', { categories: ['kesehatan'] })]).evaluate(complaint),
    ).toBeNull();
  });

  it.each([
    ['category', { categories: ['infrastruktur'] }],
    ['type', { types: ['complaint' as const] }],
    ['province prefix', { regionPrefixes: ['64'] }],
    ['regency prefix', { regionPrefixes: ['64.71'] }],
    ['village code', { regionPrefixes: ['64.71.01.1001'] }],
    ['keyword', { keywords: ['LUBANG'] }],
    ['keyword phrase', { keywords: ['depan pasar'] }],
    ['channel', { channels: ['web' as const] }],
    ['nothing (catch-all)', {}],
  ])('matches on %s', (_name, when) => {
    expect(new RuleIndex([rule('r', when)]).evaluate(complaint)?.rule.id).toBe('r');
  });

  it.each([
    ['a prefix that is not at a code boundary', { regionPrefixes: ['64.7'] }],
    ['another province', { regionPrefixes: ['31'] }],
    ['a keyword that is only part of a word', { keywords: ['luban'] }],
    ['a phrase whose words are not adjacent', { keywords: ['jalan pasar'] }],
    ['another channel', { channels: ['sms' as const] }],
    ['another type', { types: ['aspiration' as const] }],
  ])('does not match on %s', (_name, when) => {
    expect(new RuleIndex([rule('r', when)]).evaluate(complaint)).toBeNull();
  });

  it('needs every condition of a rule to hold', () => {
    const rules = [
      rule('both', { categories: ['infrastruktur'], regionPrefixes: ['31'] }),
      rule('one', { categories: ['infrastruktur'], keywords: ['jalan'] }),
    ];
    expect(new RuleIndex(rules).evaluate(complaint)?.rule.id).toBe('one');
  });

  it('lets the first matching rule in list order win, whichever index holds it', () => {
    const rules = [
      rule('by-keyword', { keywords: ['pasar'] }),
      rule('by-category', { categories: ['infrastruktur'] }),
      rule('catch-all', {}),
    ];
    expect(new RuleIndex(rules).evaluate(complaint)?.rule.id).toBe('by-keyword');
    expect(new RuleIndex([...rules].reverse()).evaluate(complaint)?.rule.id).toBe('catch-all');
    expect(new RuleIndex([rules[1], rules[0]]).evaluate(complaint)?.rule.id).toBe('by-category');
  });

  it('examines only the rules filed under the complaint’s keys, not the whole set', () => {
    const rules: DispositionRule[] = [];
    for (let i = 0; i < 10_000; i++) {
      rules.push(rule(`other-${i}`, { categories: [`kategori_${i}`] }));
      rules.push(
        rule(`region-${i}`, {
          regionPrefixes: [
            `${String(10 + (i % 80)).padStart(2, '0')}.${String(i % 100).padStart(2, '0')}`,
          ],
          categories: undefined,
        }),
      );
    }
    rules.push(rule('target', { categories: ['infrastruktur'], regionPrefixes: ['64.71'] }));
    const match = new RuleIndex(rules).evaluate(complaint);
    expect(match?.rule.id).toBe('target');
    expect(match!.examined).toBeLessThan(200);
  });
});
