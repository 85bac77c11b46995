/**
 * Shapes of Kemendagri region codes, independent of whether a code exists: province `64`,
 * regency/city `64.71`, district (kecamatan) `64.71.01`, village (desa/kelurahan) `64.71.01.1001`.
 * The same shape `@salur/contracts` validates on the wire, so a code this library accepts is one
 * every event and payload accepts too.
 */
export const REGION_CODE_PATTERN = /^\d{2}(?:\.\d{2}(?:\.\d{2}(?:\.\d{4})?)?)?$/;

export const REGION_LEVELS = ['province', 'regency', 'district', 'village'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

/** Digits in an undotted code at each level: `64`, `6471`, `647101`, `6471011001`. */
const UNDOTTED_LENGTHS: ReadonlySet<number> = new Set([2, 4, 6, 10]);

export function isRegionCodeShape(code: string): boolean {
  return REGION_CODE_PATTERN.test(code);
}

/** The level a well-formed code names, or undefined for anything else. */
export function regionLevelOf(code: string): RegionLevel | undefined {
  if (!isRegionCodeShape(code)) return undefined;
  return REGION_LEVELS[code.split('.').length - 1];
}

/**
 * The canonical dotted form of a region code as people and other systems write it: surrounding
 * blanks dropped, and the undotted form that BPS-style tables and spreadsheets use (`6471`,
 * `6471011001`) dotted. Anything else (`64.7`, `64-71`, `6471.01`) is not guessed at and gives
 * undefined. Existence is not checked; see `RegionDirectory.isKnown`.
 */
export function normaliseRegionCode(input: string): string | undefined {
  const code = input.trim();
  if (isRegionCodeShape(code)) return code;
  if (!/^\d+$/.test(code) || !UNDOTTED_LENGTHS.has(code.length)) return undefined;
  return [code.slice(0, 2), code.slice(2, 4), code.slice(4, 6), code.slice(6)]
    .filter((part) => part !== '')
    .join('.');
}
