import { arrayMaxSize } from 'class-validator';

/*
 * Helpers of the hand-written validity checks (a payload's, a request DTO's) that stand in for
 * class-transformer and class-validator on inputs they certainly accept.
 */

/** An object as JSON parsing makes it. */
export type PlainObject = Record<string, unknown>;

/** `value` when it is a plain object (as JSON parsing makes it) with only `allowed` keys. */
export function plainObject(value: unknown, allowed: ReadonlySet<string>): PlainObject | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  if (Object.getPrototypeOf(value) !== Object.prototype) return undefined;
  for (const key of Object.keys(value)) if (!allowed.has(key)) return undefined;
  return value as PlainObject;
}

/**
 * `target` (a new instance) with `source`'s keys in `source`'s order, each set to its value in
 * `values` (by default `source`'s own, else the values after the class's transformations), as
 * class-transformer sets them.
 */
export function instanceWith<T extends object>(
  target: T,
  source: PlainObject,
  values: PlainObject = source,
): T {
  const fields = target as PlainObject;
  for (const key of Object.keys(source)) fields[key] = values[key];
  return target;
}

/** `value` as an array of at most `maxItems`, each item as `validItem` vouches for it. */
export function validArray<T>(
  value: unknown,
  maxItems: number,
  validItem: (item: unknown) => T | undefined,
): T[] | undefined {
  if (!Array.isArray(value) || !arrayMaxSize(value, maxItems)) return undefined;
  const items: T[] = [];
  for (const item of value) {
    const valid = validItem(item);
    if (valid === undefined) return undefined;
    items.push(valid);
  }
  return items;
}
