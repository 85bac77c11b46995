import { randomUUID } from 'node:crypto';

/**
 * A new, valid web submission for Balikpapan (64.71), the body a channel sends. Each has its own
 * reporter phone, so the per-reporter limit does not apply.
 */
export function complaintBody(i: number): string {
  const phone = `0812${String(10_000_000 + (i % 89_999_999)).padStart(8, '0')}`;
  return JSON.stringify({
    type: 'complaint',
    channel: 'web',
    title: `Jalan berlubang #${i}`,
    body: 'Lubang besar di depan pasar, sudah dua minggu belum diperbaiki dan membahayakan.',
    category: 'infrastruktur',
    location: { regionCode: '64.71', address: 'Jl. Jenderal Sudirman, Balikpapan' },
    privacy: 'public',
    reporter: { name: 'Pelapor Uji', phone },
  });
}

export function submissionHeaders(): Record<string, string> {
  return { 'content-type': 'application/json', 'idempotency-key': randomUUID() };
}
