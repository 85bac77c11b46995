/** Latency figures of a set of samples, in milliseconds rounded to 0.1. */
export interface Distribution {
  readonly count: number;
  readonly p50: number | null;
  readonly p95: number | null;
  readonly p99: number | null;
  readonly max: number | null;
}

/** Nearest-rank percentile of ascending `sorted`. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

const round = (value: number | null): number | null =>
  value === null ? null : Math.round(value * 10) / 10;

export function distribution(samples: readonly number[]): Distribution {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted.at(-1) ?? null),
  };
}

export function describe(d: Distribution, unit = 'ms'): string {
  const f = (v: number | null) => (v === null ? '–' : v.toLocaleString('en'));
  return `p50 ${f(d.p50)} ${unit}, p95 ${f(d.p95)}, p99 ${f(d.p99)}, max ${f(d.max)} (n=${d.count})`;
}

export const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => {
    setTimeout(resolve, ms);
  });
