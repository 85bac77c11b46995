import { Transform } from 'class-transformer';

/*
 * Environment variables are strings; these turn them into the types an env class declares, and
 * leave anything they cannot convert as it is so that the validators beside them report it.
 */

/** `"3001"` → 3001. A value that is not a number becomes NaN, which `@IsInt()` and friends reject. */
export function EnvNumber(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? Number(value.trim()) : value,
  );
}

/** `"true" | "1" | "yes"` → true, `"false" | "0" | "no"` → false (case-insensitive). */
export function EnvBoolean(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) => {
    if (typeof value !== 'string') return value;
    const normalized = value.trim().toLowerCase();
    if (['true', '1', 'yes'].includes(normalized)) return true;
    if (['false', '0', 'no'].includes(normalized)) return false;
    return value;
  });
}

/** `"a:9092, b:9092"` → `['a:9092', 'b:9092']`; blanks between commas are dropped. */
export function EnvList(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) =>
    typeof value === 'string'
      ? value
          .split(',')
          .map((item) => item.trim())
          .filter((item) => item !== '')
      : value,
  );
}
