/** Separators people type inside phone numbers: spaces, dashes, dots, parentheses. */
const SEPARATORS = /[\s\-.()]/g;
const E164 = /^\+[1-9]\d{6,14}$/;
/** After +62: an area code or mobile prefix (not 0) and 7–12 more digits. */
const INDONESIAN_NATIONAL = /^[1-9]\d{7,12}$/;

/**
 * A phone number in E.164, as every event and record carries it, or null when it is not one.
 * Indonesian numbers are accepted in the forms people write them: `0812-3456-7890`,
 * `62812 3456 7890`, `+62 (812) 3456-7890`; foreign numbers only with their `+` country code.
 */
export function normalisePhoneNumber(raw: string): string | null {
  const compact = raw.trim().replace(SEPARATORS, '');
  let national: string | null = null;
  if (compact.startsWith('+62')) national = compact.slice(3);
  else if (compact.startsWith('62')) national = compact.slice(2);
  else if (compact.startsWith('0')) national = compact.slice(1);
  if (national !== null) {
    return INDONESIAN_NATIONAL.test(national) ? `+62${national}` : null;
  }
  return E164.test(compact) ? compact : null;
}
