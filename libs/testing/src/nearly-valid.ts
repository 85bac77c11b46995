import fc from 'fast-check';

/**
 * A deep copy made in this realm (`structuredClone` makes its objects with another realm's
 * `Object.prototype` under Jest), keeping keys such as `__proto__` as own properties.
 */
export function copyPlain(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copyPlain);
  if (typeof value !== 'object' || value === null) return value;
  const result = {};
  for (const [key, item] of Object.entries(value)) {
    Object.defineProperty(result, key, {
      value: copyPlain(item),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return result;
}

export interface NearlyValidOptions {
  /** A fresh valid value each time. */
  readonly valid: () => Record<string, unknown>;
  /** Paths into the value, each with values to try there (at and around its limits). */
  readonly fields: readonly (readonly [string[], fc.Arbitrary<unknown>])[];
  /** More paths where `edgy` values are put or which are dropped (objects, unknown keys). */
  readonly extraPaths: readonly string[][];
  /** Values of the wrong type or shape, tried anywhere. */
  readonly edgy: fc.Arbitrary<unknown>;
}

/**
 * Valid values with up to four fields (top-level or nested) replaced, dropped or added: for
 * comparing a hand-written validity check with the decorators it stands in for.
 */
export function nearlyValid(options: NearlyValidOptions): fc.Arbitrary<Record<string, unknown>> {
  const anyPath = fc.constantFrom(...options.fields.map(([path]) => path), ...options.extraPaths);
  const change = fc.oneof(
    ...options.fields.map(([path, value]) =>
      fc.record({ path: fc.constant(path), value, drop: fc.constant(false) }),
    ),
    fc.record({ path: anyPath, value: options.edgy, drop: fc.boolean() }),
  );
  return fc.array(change, { maxLength: 4 }).map((changes) => {
    const value = options.valid();
    for (const { path, value: replacement, drop } of changes) {
      let target: unknown = value;
      for (const key of path.slice(0, -1)) {
        target =
          typeof target === 'object' && target !== null
            ? (target as Record<string, unknown>)[key]
            : undefined;
      }
      if (typeof target !== 'object' || target === null) continue;
      const key = path[path.length - 1];
      if (drop) Reflect.deleteProperty(target, key);
      else {
        Object.defineProperty(target, key, {
          value: copyPlain(replacement),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
    }
    return value;
  });
}
