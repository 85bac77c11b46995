import { isIP } from 'node:net';

/**
 * Whether an address is one an agency webhook must not reach unless allow-listed: loopback,
 * private (RFC 1918, ULA), link-local (cloud metadata lives there), unspecified, CGNAT, or an
 * IPv4-mapped IPv6 form of those. The connection-time check (request-filtering-agent) applies the
 * same rule to what a host name resolves to.
 */
export function isRestrictedAddress(address: string): boolean {
  const ip = address.replace(/^\[|\]$/g, '').toLowerCase();
  const version = isIP(ip);
  if (version === 4) return isRestrictedV4(ip);
  if (version === 6) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(ip);
    if (mapped?.[1]) return isRestrictedV4(mapped[1]);
    return (
      ip === '::' ||
      ip === '::1' ||
      ip.startsWith('fe8') ||
      ip.startsWith('fe9') ||
      ip.startsWith('fea') ||
      ip.startsWith('feb') ||
      ip.startsWith('fc') ||
      ip.startsWith('fd')
    );
  }
  return false;
}

function isRestrictedV4(ip: string): boolean {
  const [a = 0, b = 0] = ip.split('.').map(Number);
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 100 && b >= 64 && b <= 127)
  );
}

export type TargetCheck = { readonly ok: true } | { readonly ok: false; readonly reason: string };

/**
 * Checks a webhook URL before it is stored or called: http(s) only, no credentials in it, and a
 * host that is neither a restricted address nor a local name, unless allow-listed.
 */
export function checkWebhookTarget(url: string, allowedHosts: readonly string[]): TargetCheck {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, reason: 'not a URL' };
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    return { ok: false, reason: 'only http and https URLs are allowed' };
  }
  if (parsed.username !== '' || parsed.password !== '') {
    return { ok: false, reason: 'credentials in the URL are not allowed; use the signature' };
  }
  const host = parsed.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (isHostAllowed(host, allowedHosts)) return { ok: true };
  if (isRestrictedAddress(host)) {
    return { ok: false, reason: `${host} is a private, loopback or link-local address` };
  }
  if (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host.endsWith('.local') ||
    !host.includes('.')
  ) {
    return { ok: false, reason: `${host} is a local host name` };
  }
  return { ok: true };
}

export function isHostAllowed(host: string, allowedHosts: readonly string[]): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  return allowedHosts.some((allowed) => allowed.replace(/^\[|\]$/g, '').toLowerCase() === bare);
}
