import { parseRuleSet } from './rule-set-validation';

describe('parseRuleSet', () => {
  it('accepts well-formed rules', () => {
    const parsed = parseRuleSet([
      {
        id: 'kesehatan-ke-kemenkes',
        description: 'Health to the ministry',
        when: { categories: ['kesehatan'], regionPrefixes: ['64'], channels: ['web'] },
        target: { kind: 'category_ministry' },
      },
      { id: 'catch-all', target: { kind: 'agency', agency: 'lapor-pusat' } },
    ]);
    expect(parsed.errors).toEqual([]);
    expect(parsed.rules).toHaveLength(2);
    expect(parsed.rules?.[1]).toEqual({
      id: 'catch-all',
      when: {},
      target: { kind: 'agency', agency: 'lapor-pusat' },
    });
  });

  it('names every field that is wrong', () => {
    const parsed = parseRuleSet([
      { id: 'Bad Id', when: { types: ['nope'], regionPrefixes: ['6'] }, target: { kind: 'x' } },
      { id: 'ok', target: { kind: 'agency', agency: 'not-an-agency' } },
    ]);
    expect(parsed.rules).toBeNull();
    expect(parsed.errors.map((e) => e.field)).toEqual([
      'rules[0].id',
      'rules[0].when.types[0]',
      'rules[0].when.regionPrefixes[0]',
      'rules[0].target.kind',
      'rules[1].target.agency',
    ]);
  });

  it('refuses what is not a list', () => {
    expect(parseRuleSet({}).errors).toEqual([{ field: 'rules', message: expect.any(String) }]);
  });
});
