import { checkWebhookTarget, isRestrictedAddress } from './webhook-target';

describe('webhook targets (SSRF guard)', () => {
  it.each([
    '127.0.0.1',
    '127.8.9.10',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '0.0.0.0',
    '100.64.0.1',
    '::1',
    '[::1]',
    'fe80::1',
    'fd00::1',
    '::ffff:127.0.0.1',
  ])('treats %s as restricted', (address) => {
    expect(isRestrictedAddress(address)).toBe(true);
  });

  it.each(['8.8.8.8', '172.32.0.1', '2001:db8::1', 'sim.example.go.id'])(
    'does not restrict %s by itself',
    (address) => {
      expect(isRestrictedAddress(address)).toBe(false);
    },
  );

  it('refuses loopback, private, link-local and local names unless allow-listed', () => {
    for (const url of [
      'http://127.0.0.1:8080/hook',
      'http://[::1]/hook',
      'http://169.254.169.254/latest/meta-data',
      'http://10.0.0.5/hook',
      'http://localhost:3000/hook',
      'http://intranet/hook',
    ]) {
      expect(checkWebhookTarget(url, [])).toMatchObject({ ok: false });
    }
    expect(checkWebhookTarget('http://127.0.0.1:8080/hook', ['127.0.0.1'])).toEqual({ ok: true });
    expect(checkWebhookTarget('http://[::1]:8080/hook', ['::1'])).toEqual({ ok: true });
    expect(checkWebhookTarget('http://127.0.0.2:8080/hook', ['127.0.0.1'])).toMatchObject({
      ok: false,
    });
  });

  it('accepts public https and http URLs, and refuses other schemes and credentials', () => {
    expect(checkWebhookTarget('https://sim.balikpapan.go.id/hooks/salur', [])).toEqual({
      ok: true,
    });
    expect(checkWebhookTarget('ftp://sim.balikpapan.go.id/x', [])).toMatchObject({ ok: false });
    expect(checkWebhookTarget('https://u:p@sim.balikpapan.go.id/x', [])).toMatchObject({
      ok: false,
    });
    expect(checkWebhookTarget('not a url', [])).toMatchObject({ ok: false });
  });
});
