import { rotateSecret, signingSecrets, subscriptionWants, type Subscription } from './subscription';

const subscription: Subscription = {
  subscriptionId: '6d3f3c52-91f8-4a43-8f0a-58f4a4f0f001',
  agency: 'pemda-64.71',
  url: 'https://sim.balikpapan.example/hooks',
  eventTypes: [],
  secret: 'whsec_old',
  previousSecret: null,
  previousSecretExpiresAt: null,
  createdAt: new Date('2026-01-01T00:00:00Z'),
};

describe('webhook subscriptions', () => {
  it('wants every event type when it names none, else only those it names', () => {
    expect(subscriptionWants(subscription, 'salur.complaint.routed.v1')).toBe(true);
    const filtered = { ...subscription, eventTypes: ['salur.sla.breached.v1'] };
    expect(subscriptionWants(filtered, 'salur.complaint.routed.v1')).toBe(false);
    expect(subscriptionWants(filtered, 'salur.sla.breached.v1')).toBe(true);
  });

  it('signs with both secrets during a rotation, and with the new one only after it', () => {
    const now = new Date('2026-01-02T00:00:00Z');
    const rotated = rotateSecret(subscription, 'whsec_new', now, 3_600_000);
    expect(signingSecrets(rotated, now)).toEqual(['whsec_new', 'whsec_old']);
    expect(signingSecrets(rotated, new Date('2026-01-02T00:59:59Z'))).toHaveLength(2);
    expect(signingSecrets(rotated, new Date('2026-01-02T01:00:00Z'))).toEqual(['whsec_new']);
  });
});
