import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Crockford's base-32 alphabet: no I, L, O or U, so a tracking id survives being read aloud. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A tracking id a reporter can read over the phone: `SLR-` and three groups of four base-32
 * characters, 60 random bits, so ids cannot be enumerated. It only finds the public summary; the
 * reporter's own view needs the tracking token as well.
 */
export function newTrackingId(random: (bytes: number) => Buffer = randomBytes): string {
  const bytes = random(8);
  let bits = bytes.readBigUInt64BE() >> 4n; // 60 bits
  let chars = '';
  for (let i = 0; i < 12; i++) {
    chars = ALPHABET[Number(bits & 31n)] + chars;
    bits >>= 5n;
  }
  return `SLR-${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
}

export const TRACKING_ID_FORMAT =
  /^SLR-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

/** The reporter's secret: 256 random bits, base64url. Only its hash is stored. */
export function newTrackingToken(random: (bytes: number) => Buffer = randomBytes): string {
  return random(32).toString('base64url');
}

export function hashTrackingToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Compares a presented token with a stored hash in time independent of where they differ. */
export function trackingTokenMatches(presented: string, storedHash: string): boolean {
  const a = Buffer.from(hashTrackingToken(presented), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
