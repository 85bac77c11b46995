import {
  AGENCY_CODE_PATTERN,
  CHANNELS,
  COMPLAINT_TYPES,
  REGION_CODE_PATTERN,
} from '@salur/contracts';
import type { DispositionRule, RuleConditions, RuleTarget } from './disposition-rules';

export interface RuleFieldError {
  readonly field: string;
  readonly message: string;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const RULE_ID = /^[a-z0-9][a-z0-9._-]{0,63}$/;
const REGION_PREFIX = REGION_CODE_PATTERN;
const AGENCY_CODE = AGENCY_CODE_PATTERN;
const TARGET_KINDS = ['regency_government', 'province_government', 'category_ministry', 'agency'];

/** At most this many rules in one set. */
export const MAX_RULES = 20_000;

function stringList(
  errors: RuleFieldError[],
  field: string,
  value: unknown,
  allowed?: readonly string[],
  pattern?: RegExp,
): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.length === 0 || value.length > 500) {
    errors.push({ field, message: 'must be a list of 1 to 500 strings' });
    return undefined;
  }
  const items: string[] = [];
  value.forEach((item: unknown, i) => {
    if (
      typeof item !== 'string' ||
      item.trim() === '' ||
      item.length > 200 ||
      (allowed && !allowed.includes(item)) ||
      (pattern && !pattern.test(item))
    ) {
      errors.push({
        field: `${field}[${i}]`,
        message: allowed ? `must be one of ${allowed.join(', ')}` : 'is not valid',
      });
    } else items.push(item);
  });
  return items;
}

/** Checks a rule set as a client sent it; the rules, or every field that is wrong. */
export function parseRuleSet(
  input: unknown,
): { rules: DispositionRule[]; errors: [] } | { rules: null; errors: RuleFieldError[] } {
  const errors: RuleFieldError[] = [];
  if (!Array.isArray(input) || input.length > MAX_RULES) {
    return {
      rules: null,
      errors: [{ field: 'rules', message: `must be a list of at most ${MAX_RULES} rules` }],
    };
  }
  const rules: DispositionRule[] = [];
  input.forEach((raw: unknown, i) => {
    const at = `rules[${i}]`;
    if (!isRecord(raw)) {
      errors.push({ field: at, message: 'must be an object' });
      return;
    }
    if (typeof raw.id !== 'string' || !RULE_ID.test(raw.id)) {
      errors.push({ field: `${at}.id`, message: 'must be 1-64 lower-case letters, digits, . _ -' });
    }
    const when = raw.when ?? {};
    if (!isRecord(when)) {
      errors.push({ field: `${at}.when`, message: 'must be an object' });
      return;
    }
    const conditions: RuleConditions = {
      ...optional('categories', stringList(errors, `${at}.when.categories`, when.categories)),
      ...optional(
        'types',
        stringList(
          errors,
          `${at}.when.types`,
          when.types,
          COMPLAINT_TYPES,
        ) as RuleConditions['types'],
      ),
      ...optional(
        'regionPrefixes',
        stringList(
          errors,
          `${at}.when.regionPrefixes`,
          when.regionPrefixes,
          undefined,
          REGION_PREFIX,
        ),
      ),
      ...optional('keywords', stringList(errors, `${at}.when.keywords`, when.keywords)),
      ...optional(
        'channels',
        stringList(
          errors,
          `${at}.when.channels`,
          when.channels,
          CHANNELS,
        ) as RuleConditions['channels'],
      ),
    };
    const target = raw.target;
    let parsedTarget: RuleTarget | undefined;
    if (
      !isRecord(target) ||
      typeof target.kind !== 'string' ||
      !TARGET_KINDS.includes(target.kind)
    ) {
      errors.push({
        field: `${at}.target.kind`,
        message: `must be one of ${TARGET_KINDS.join(', ')}`,
      });
    } else if (target.kind === 'agency') {
      if (typeof target.agency !== 'string' || !AGENCY_CODE.test(target.agency)) {
        errors.push({ field: `${at}.target.agency`, message: 'must be an agency code' });
      } else parsedTarget = { kind: 'agency', agency: target.agency };
    } else {
      parsedTarget = { kind: target.kind as Exclude<RuleTarget['kind'], 'agency'> };
    }
    if (typeof raw.id === 'string' && parsedTarget) {
      rules.push({
        id: raw.id,
        ...(typeof raw.description === 'string'
          ? { description: raw.description.slice(0, 500) }
          : {}),
        when: conditions,
        target: parsedTarget,
      });
    }
  });
  return errors.length > 0 ? { rules: null, errors } : { rules, errors: [] };
}

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}
