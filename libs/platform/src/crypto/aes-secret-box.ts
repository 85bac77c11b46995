import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createSecretKey,
  randomBytes,
  type KeyObject,
} from 'node:crypto';

/**
 * Authenticated encryption of small secrets at rest (a tracking token in an idempotency record,
 * a reporter's contact, a webhook secret): AES-256-GCM under a key derived from a configured
 * secret and a purpose, so one configured secret never yields the same key for two uses. Sealed
 * form: `v1.<iv>.<tag>.<ciphertext>`, base64url parts.
 */
export class AesSecretBox {
  /**
   * A key object, not the key's bytes: given bytes, every cipher checks and wraps them again,
   * which took twice as long as the rest of a seal.
   */
  private readonly key: KeyObject;

  constructor(secret: string, purpose: string) {
    this.key = createSecretKey(createHash('sha256').update(`${purpose}:${secret}`).digest());
  }

  seal(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return ['v1', iv, cipher.getAuthTag(), body]
      .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
      .join('.');
  }

  /** Throws when the value was not sealed by this box (another key, or tampered with). */
  open(sealed: string): string {
    const parts = sealed.split('.');
    if (parts.length !== 4 || parts[0] !== 'v1') throw new Error('not a sealed value');
    const [, iv, tag, body] = parts as [string, string, string, string];
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([
      decipher.update(Buffer.from(body, 'base64url')),
      decipher.final(),
    ]).toString('utf8');
  }
}
