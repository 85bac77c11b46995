import type { ComplaintSubmittedData } from '@salur/contracts';
import { qualifiesForAutoVerification } from './auto-verification';

const complete: ComplaintSubmittedData = {
  complaintId: '0b4e2f8e-7f5e-4b53-9a39-5d3f8c1d2a10',
  trackingId: 'SLR-7K3M-Q9TX-2B8D',
  type: 'complaint',
  channel: 'web',
  title: 'Jalan berlubang',
  body: 'Lubang besar',
  category: 'infrastruktur',
  location: { regionCode: '64.71' },
  privacy: 'public',
  language: 'id',
  reporter: { name: 'Siti', email: 'siti@example.test' },
  attachments: [],
  submittedAt: '2026-11-02T01:00:00Z',
};
const policy = { trustedChannels: ['web', 'mobile'] as const };

describe('auto-verification', () => {
  it('verifies a complete submission from a trusted channel', () => {
    expect(qualifiesForAutoVerification(complete, policy)).toBe(true);
    expect(
      qualifiesForAutoVerification(
        { ...complete, channel: 'mobile', reporter: { name: 'Siti', phone: '+6281234567890' } },
        policy,
      ),
    ).toBe(true);
  });

  it.each([
    ['an untrusted channel', { ...complete, channel: 'sms' as const }],
    ['no category', { ...complete, category: undefined }],
    ['no reporter', { ...complete, reporter: undefined }],
    ['a reporter without a name', { ...complete, reporter: { email: 'siti@example.test' } }],
    ['a reporter who cannot be reached', { ...complete, reporter: { name: 'Siti' } }],
    ['one addressed to a chosen agency', { ...complete, targetAgency: 'kl-kemenkes' }],
  ])('leaves %s to a verifier', (_name, submission) => {
    expect(qualifiesForAutoVerification(submission, policy)).toBe(false);
  });

  it('is off with no trusted channels', () => {
    expect(qualifiesForAutoVerification(complete, { trustedChannels: [] })).toBe(false);
  });
});
