import { findDuplicate, reporterKeyOf, textSimilarity } from './duplicate-detection';

const original = {
  complaintId: '0b4e2f8e-7f5e-4b53-9a39-5d3f8c1d2a10',
  trackingId: 'SLR-7K3M-Q9TX-2B8D',
  reporterKey: reporterKeyOf({ email: 'Siti@Example.test' }),
  title: 'Jalan berlubang di depan Pasar Klandasan',
  body: 'Lubang besar di depan pasar, sudah dua minggu belum diperbaiki dan membahayakan.',
};

describe('duplicate detection', () => {
  it('keys a reporter by a hash of their normalised contact, never the contact itself', () => {
    const key = reporterKeyOf({ name: 'Siti', email: ' siti@example.test ' });
    expect(key).toBe(original.reporterKey);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(reporterKeyOf({ name: 'Siti' })).toBeNull();
    expect(reporterKeyOf(undefined)).toBeNull();
  });

  it('measures text similarity on significant words, ignoring case and punctuation', () => {
    expect(textSimilarity('Jalan berlubang!', 'jalan BERLUBANG')).toBe(1);
    expect(textSimilarity('Jalan berlubang', 'Lampu mati')).toBe(0);
    expect(textSimilarity('', 'x')).toBe(0);
  });

  it('links the same reporter’s similar complaint', () => {
    const again = {
      reporterKey: reporterKeyOf({ email: 'siti@example.test' }),
      title: 'Jalan berlubang depan Pasar Klandasan belum diperbaiki',
      body: 'Sudah dua minggu lubang besar di depan pasar belum diperbaiki.',
    };
    expect(findDuplicate(again, [original])).toMatchObject({
      original: { trackingId: 'SLR-7K3M-Q9TX-2B8D' },
      sameReporter: true,
    });
  });

  it('links anyone’s nearly identical complaint, but not a merely similar one', () => {
    const copy = { reporterKey: null, title: original.title, body: original.body };
    expect(findDuplicate(copy, [original])).toMatchObject({ sameReporter: false, similarity: 1 });
    const similar = {
      reporterKey: reporterKeyOf({ phone: '+6281234567890' }),
      title: 'Jalan berlubang depan Pasar Klandasan',
      body: 'Mohon diperbaiki.',
    };
    expect(findDuplicate(similar, [original])).toBeNull();
  });

  it('does not link the same reporter’s different complaint', () => {
    const other = {
      reporterKey: original.reporterKey,
      title: 'Lampu penerangan jalan mati',
      body: 'Sudah seminggu lampu di Jl. Sudirman mati total.',
    };
    expect(findDuplicate(other, [original])).toBeNull();
  });
});
