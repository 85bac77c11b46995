import type { Channel, ComplaintType } from '@salur/contracts';

/** Where a matching rule sends a complaint. */
export type RuleTarget =
  | { readonly kind: 'regency_government' }
  | { readonly kind: 'province_government' }
  | { readonly kind: 'category_ministry' }
  | { readonly kind: 'agency'; readonly agency: string };

/** Every condition given must hold; a list matches when any of its entries does. */
export interface RuleConditions {
  readonly categories?: readonly string[];
  readonly types?: readonly ComplaintType[];
  /** Kemendagri code prefixes at code boundaries: `64` matches `64.71`, not `641`. */
  readonly regionPrefixes?: readonly string[];
  /** Words or phrases, matched case- and accent-insensitively on whole words of title and body. */
  readonly keywords?: readonly string[];
  readonly channels?: readonly Channel[];
}

export interface DispositionRule {
  readonly id: string;
  readonly description?: string;
  readonly when: RuleConditions;
  readonly target: RuleTarget;
}

/** What a rule looks at. */
export interface RoutableComplaint {
  readonly category: string | null;
  readonly type: ComplaintType;
  readonly regionCode: string;
  readonly title: string;
  readonly body: string;
  readonly channel: Channel;
}

/** Lower case, accents off, split on anything that is not a letter or digit. */
export function wordsOf(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');
}

/** `64.71.01.1001` → `64`, `64.71`, `64.71.01`, `64.71.01.1001`. */
function regionPrefixesOf(regionCode: string): string[] {
  const parts = regionCode.split('.');
  return parts.map((_, i) => parts.slice(0, i + 1).join('.'));
}

interface CompiledRule {
  readonly order: number;
  readonly rule: DispositionRule;
  readonly categories: ReadonlySet<string> | null;
  readonly types: ReadonlySet<string> | null;
  readonly regionPrefixes: ReadonlySet<string> | null;
  readonly keywords: readonly (readonly string[])[] | null;
  readonly channels: ReadonlySet<string> | null;
}

const setOf = (list: readonly string[] | undefined): ReadonlySet<string> | null =>
  list && list.length > 0 ? new Set(list) : null;

function compile(rule: DispositionRule, order: number): CompiledRule {
  const keywords = rule.when.keywords?.map(wordsOf).filter((phrase) => phrase.length > 0);
  return {
    order,
    rule,
    categories: setOf(rule.when.categories),
    types: setOf(rule.when.types),
    regionPrefixes: setOf(rule.when.regionPrefixes),
    keywords: keywords && keywords.length > 0 ? keywords : null,
    channels: setOf(rule.when.channels),
  };
}

function containsPhrase(words: readonly string[], phrase: readonly string[]): boolean {
  outer: for (let i = 0; i + phrase.length <= words.length; i++) {
    for (let j = 0; j < phrase.length; j++) if (words[i + j] !== phrase[j]) continue outer;
    return true;
  }
  return false;
}

function matches(
  r: CompiledRule,
  c: RoutableComplaint,
  prefixes: readonly string[],
  words: () => { all: readonly string[]; set: ReadonlySet<string> },
): boolean {
  if (r.categories && (c.category === null || !r.categories.has(c.category))) return false;
  if (r.types && !r.types.has(c.type)) return false;
  if (r.channels && !r.channels.has(c.channel)) return false;
  if (r.regionPrefixes && !prefixes.some((p) => r.regionPrefixes!.has(p))) return false;
  if (r.keywords) {
    const text = words();
    const any = r.keywords.some((phrase) =>
      phrase.length === 1 ? text.set.has(phrase[0]) : containsPhrase(text.all, phrase),
    );
    if (!any) return false;
  }
  return true;
}

export interface RuleMatch {
  readonly rule: DispositionRule;
  /** Rules examined to find it: the index keeps this small however many rules there are. */
  readonly examined: number;
}

/**
 * A rule set compiled for evaluation: first match, in the order the rules are listed, wins. Each
 * rule is filed under its most selective condition — category, else region prefix, else the first
 * word of each keyword, else channel, else type — so a complaint is only checked against the rules
 * filed under its own category, its region's prefixes, its words, its channel and type: no linear
 * scan over the whole set.
 */
export class RuleIndex {
  private readonly byCategory = new Map<string, CompiledRule[]>();
  private readonly byRegionPrefix = new Map<string, CompiledRule[]>();
  private readonly byWord = new Map<string, CompiledRule[]>();
  private readonly byChannel = new Map<string, CompiledRule[]>();
  private readonly byType = new Map<string, CompiledRule[]>();
  private readonly unconditional: CompiledRule[] = [];

  constructor(readonly rules: readonly DispositionRule[]) {
    rules.forEach((rule, order) => {
      this.file(compile(rule, order));
    });
  }

  private file(r: CompiledRule): void {
    const put = (map: Map<string, CompiledRule[]>, keys: Iterable<string>): void => {
      for (const key of new Set(keys)) {
        const list = map.get(key);
        if (list) list.push(r);
        else map.set(key, [r]);
      }
    };
    if (r.categories) put(this.byCategory, r.categories);
    else if (r.regionPrefixes) put(this.byRegionPrefix, r.regionPrefixes);
    else if (r.keywords)
      put(
        this.byWord,
        r.keywords.map((phrase) => phrase[0]),
      );
    else if (r.channels) put(this.byChannel, r.channels);
    else if (r.types) put(this.byType, r.types);
    else this.unconditional.push(r);
  }

  /** The first rule, in list order, whose conditions all hold; null when none does. */
  evaluate(c: RoutableComplaint): RuleMatch | null {
    const prefixes = regionPrefixesOf(c.regionCode);
    let cached: { all: readonly string[]; set: ReadonlySet<string> } | undefined;
    const words = (): { all: readonly string[]; set: ReadonlySet<string> } => {
      if (!cached) {
        const all = wordsOf(`${c.title} ${c.body}`);
        cached = { all, set: new Set(all) };
      }
      return cached;
    };
    const candidates: CompiledRule[][] = [this.unconditional];
    const add = (list: CompiledRule[] | undefined): void => {
      if (list) candidates.push(list);
    };
    if (c.category !== null) add(this.byCategory.get(c.category));
    for (const prefix of prefixes) add(this.byRegionPrefix.get(prefix));
    if (this.byWord.size > 0) for (const word of words().set) add(this.byWord.get(word));
    add(this.byChannel.get(c.channel));
    add(this.byType.get(c.type));

    let best: CompiledRule | null = null;
    let examined = 0;
    const seen = new Set<number>();
    for (const list of candidates) {
      for (const r of list) {
        // Each list is in rule order: nothing later in it can beat the best so far.
        if (best !== null && r.order >= best.order) break;
        if (seen.has(r.order)) continue;
        seen.add(r.order);
        examined++;
        if (matches(r, c, prefixes, words)) best = r;
      }
    }
    return best ? { rule: best.rule, examined } : null;
  }
}
