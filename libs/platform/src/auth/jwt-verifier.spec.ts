import { SignJWT } from 'jose';
import { Unauthenticated } from './auth-errors';
import { JwtVerifier } from './jwt-verifier';

const secret = 'unit-test-secret-that-is-at-least-32-chars';
const verifier = new JwtVerifier({ secret, issuer: 'salur', audience: 'salur' });

function token(
  claims: Record<string, unknown>,
  options: {
    issuer?: string;
    audience?: string;
    expires?: string;
    key?: string;
    sub?: string;
  } = {},
): Promise<string> {
  const jwt = new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(options.issuer ?? 'salur')
    .setAudience(options.audience ?? 'salur')
    .setIssuedAt()
    .setExpirationTime(options.expires ?? '5m');
  if (options.sub !== '') jwt.setSubject(options.sub ?? 'officer-1');
  return jwt.sign(new TextEncoder().encode(options.key ?? secret));
}

describe('JwtVerifier', () => {
  it('reads subject, known roles and agency', async () => {
    const principal = await verifier.verify(
      await token({ roles: ['agency_operator', 'superuser'], agency: 'pemda-64.71' }),
    );
    expect(principal).toEqual({
      subject: 'officer-1',
      roles: ['agency_operator'],
      agency: 'pemda-64.71',
    });
  });

  it.each([
    ['another key', { key: 'a-different-secret-of-at-least-32-chars!' }, 'could not be verified'],
    ['another issuer', { issuer: 'someone-else' }, 'iss'],
    ['another audience', { audience: 'someone-else' }, 'aud'],
    ['an expired token', { expires: '1s ago' }, 'expired'],
    ['no subject', { sub: '' }, 'subject'],
  ])('refuses %s', async (_name, options, reason) => {
    const presented = await token({ roles: ['admin'] }, options);
    await expect(verifier.verify(presented)).rejects.toThrow(Unauthenticated);
    await expect(verifier.verify(presented)).rejects.toThrow(reason);
  });

  it('refuses a token signed with "none"', async () => {
    const header = Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url');
    const body = Buffer.from(
      JSON.stringify({ sub: 'x', roles: ['admin'], iss: 'salur', aud: 'salur' }),
    ).toString('base64url');
    await expect(verifier.verify(`${header}.${body}.`)).rejects.toThrow(Unauthenticated);
  });
});
