/**
 * Accepted complaints per second of one running intake instance.
 *
 *   node apps/intake/bench/intake-bench.ts --url http://127.0.0.1:3001 --seconds 20 --concurrency 32
 *
 * Each request is a new, valid submission with its own Idempotency-Key and its own reporter (so
 * the per-reporter limit does not apply; raise RATE_LIMIT_PER_CLIENT on the instance for the run).
 * Runs with Node's type stripping; it imports nothing of the project.
 */
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: 'http://127.0.0.1:3001' },
    seconds: { type: 'string', default: '20' },
    warmup: { type: 'string', default: '3' },
    concurrency: { type: 'string', default: '32' },
  },
});
const base = values.url;
const seconds = Number(values.seconds);
const warmupSeconds = Number(values.warmup);
const concurrency = Number(values.concurrency);

function complaint(i: number): string {
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

interface Tally {
  accepted: number;
  other: Map<number, number>;
  latencies: number[];
}

async function worker(until: number, tally: Tally, counter: { next: number }): Promise<void> {
  while (Date.now() < until) {
    const i = counter.next++;
    const started = performance.now();
    const response = await fetch(`${base}/v1/complaints`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
      body: complaint(i),
    });
    await response.arrayBuffer();
    if (response.status === 202) {
      tally.accepted += 1;
      tally.latencies.push(performance.now() - started);
    } else {
      tally.other.set(response.status, (tally.other.get(response.status) ?? 0) + 1);
    }
  }
}

async function run(durationSeconds: number, counter: { next: number }): Promise<Tally> {
  const tally: Tally = { accepted: 0, other: new Map(), latencies: [] };
  const until = Date.now() + durationSeconds * 1000;
  await Promise.all(Array.from({ length: concurrency }, () => worker(until, tally, counter)));
  return tally;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

async function main(): Promise<void> {
  const ready = await fetch(`${base}/health/ready`);
  if (!ready.ok) throw new Error(`${base} is not ready (${ready.status})`);
  const counter = { next: Date.now() % 1_000_000 };
  await run(warmupSeconds, counter);
  const started = performance.now();
  const tally = await run(seconds, counter);
  const elapsed = (performance.now() - started) / 1000;
  const sorted = [...tally.latencies].sort((a, b) => a - b);
  const others = [...tally.other.entries()].map(([s, n]) => `${s}×${n}`).join(' ') || 'none';
  console.log(
    [
      `intake ${base}: ${tally.accepted} complaints accepted in ${elapsed.toFixed(1)} s ` +
        `with ${concurrency} concurrent clients`,
      `accepted complaints/s: ${(tally.accepted / elapsed).toFixed(1)}`,
      `latency ms p50 ${percentile(sorted, 50).toFixed(1)}, p95 ${percentile(sorted, 95).toFixed(1)}, ` +
        `p99 ${percentile(sorted, 99).toFixed(1)}`,
      `other answers: ${others}`,
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
