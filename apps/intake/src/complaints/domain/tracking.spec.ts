import {
  hashTrackingToken,
  newTrackingId,
  newTrackingToken,
  TRACKING_ID_FORMAT,
  trackingTokenMatches,
} from './tracking';

describe('tracking id', () => {
  it('is readable, in groups, without ambiguous letters', () => {
    for (let i = 0; i < 200; i++) expect(newTrackingId()).toMatch(TRACKING_ID_FORMAT);
    expect(newTrackingId(() => Buffer.alloc(8, 0))).toBe('SLR-0000-0000-0000');
    expect(newTrackingId(() => Buffer.alloc(8, 0xff))).toBe('SLR-ZZZZ-ZZZZ-ZZZZ');
  });

  it('does not repeat', () => {
    const ids = new Set(Array.from({ length: 10_000 }, () => newTrackingId()));
    expect(ids.size).toBe(10_000);
  });
});

describe('tracking token', () => {
  it('carries 256 bits and is stored only as its hash', () => {
    const token = newTrackingToken();
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(hashTrackingToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashTrackingToken(token)).not.toContain(token);
  });

  it('matches its own hash and nothing else', () => {
    const token = newTrackingToken();
    const stored = hashTrackingToken(token);
    expect(trackingTokenMatches(token, stored)).toBe(true);
    expect(trackingTokenMatches(newTrackingToken(), stored)).toBe(false);
    expect(trackingTokenMatches(token, 'not-a-hash')).toBe(false);
  });
});
