import { execFileSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import type { ScenarioResult } from './bench-context';

function git(root: string, args: string[]): string {
  try {
    return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: 'pipe' }).trim();
  } catch {
    return '';
  }
}

/** The commit measured, with `-dirty` when the working tree differs from it. */
export function commitOf(root: string): string {
  const head = git(root, ['rev-parse', '--short=12', 'HEAD']) || 'unknown';
  const dirty = git(root, ['status', '--porcelain', '--untracked-files=no']) !== '';
  return dirty ? `${head}-dirty` : head;
}

export function machine(): Record<string, unknown> {
  return {
    cpus: cpus().length,
    memoryGb: Math.round(totalmem() / 1024 ** 3),
    node: process.version,
  };
}

const loads = (): number[] => loadavg().map((n) => Math.round(n * 100) / 100);

/**
 * Prints the readable summary of one scenario, then its one JSON line
 * (`{"scenario":...,"commit":...,"figures":{...}}`), both on stdout.
 */
export function printResult(
  root: string,
  scenario: string,
  quick: boolean,
  loadBefore: number[],
  result: ScenarioResult,
): void {
  const load = { before: loadBefore, after: loads() };
  const lines = [
    `== ${scenario}${quick ? ' (quick)' : ''}`,
    ...result.summary.map((line) => `   ${line}`),
    `   load average (1/5/15 min) before ${load.before.join(' ')}, after ${load.after.join(' ')}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  process.stdout.write(
    `${JSON.stringify({
      scenario,
      commit: commitOf(root),
      date: new Date().toISOString(),
      quick,
      machine: machine(),
      loadAverage: load,
      figures: result.figures,
    })}\n`,
  );
}

export { loads as loadAverage };
