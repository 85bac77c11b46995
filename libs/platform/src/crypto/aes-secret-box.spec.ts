import { AesSecretBox } from './aes-secret-box';

const secret = 'a-configured-secret-of-at-least-32-chars';

describe('AesSecretBox', () => {
  it('opens what it sealed, and never seals the same text the same way twice', () => {
    const box = new AesSecretBox(secret, 'test');
    const a = box.seal('rahasia pelapor');
    const b = box.seal('rahasia pelapor');
    expect(a).not.toBe(b);
    expect(a).not.toContain('rahasia');
    expect(box.open(a)).toBe('rahasia pelapor');
    expect(box.open(b)).toBe('rahasia pelapor');
  });

  it('refuses another secret, another purpose and a tampered value', () => {
    const sealed = new AesSecretBox(secret, 'test').seal('x');
    expect(() => new AesSecretBox(`${secret}!`, 'test').open(sealed)).toThrow();
    expect(() => new AesSecretBox(secret, 'other').open(sealed)).toThrow();
    const [v, iv, tag, body] = sealed.split('.') as [string, string, string, string];
    const flipped = Buffer.from(body, 'base64url');
    flipped[0] = flipped[0] ^ 1;
    expect(() =>
      new AesSecretBox(secret, 'test').open([v, iv, tag, flipped.toString('base64url')].join('.')),
    ).toThrow();
    expect(() => new AesSecretBox(secret, 'test').open('plain text')).toThrow('not a sealed value');
  });
});
