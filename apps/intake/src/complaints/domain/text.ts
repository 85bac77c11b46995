/**
 * Text as intake stores it: Unicode NFC (so `é` typed two ways compares and counts the same) and
 * free of control characters. Line breaks and tabs are allowed where a field is multi-line; nothing
 * else below U+0020, nor DEL, the C1 range, or the bidirectional overrides that make text render in
 * an order other than the one it is stored in. HTML is kept as the text it is and never rendered.
 */
/* eslint-disable no-control-regex -- matching control characters is the point */
const SINGLE_LINE_FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;
const MULTI_LINE_FORBIDDEN =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;
/* eslint-enable no-control-regex */

export type TextKind = 'single-line' | 'multi-line';

export function normaliseText(value: string): string {
  return value.normalize('NFC');
}

/** True when the text holds a character the kind of field does not allow. */
export function hasForbiddenCharacters(value: string, kind: TextKind): boolean {
  return (kind === 'single-line' ? SINGLE_LINE_FORBIDDEN : MULTI_LINE_FORBIDDEN).test(value);
}
