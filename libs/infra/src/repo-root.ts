import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The repository root: the nearest directory above `from` whose package.json is this project's.
 * Works the same from the TypeScript sources (tests) and from dist/ (the built launchers).
 */
export function findRepoRoot(from: string = __dirname): string {
  let dir = from;
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && readPackageName(manifest) === 'salur') return dir;
    const parent = dirname(dir);
    if (parent === dir) {
      throw new Error(`Cannot find the salur repository root above ${from}`);
    }
    dir = parent;
  }
}

function readPackageName(manifest: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(readFileSync(manifest, 'utf8'));
    if (typeof parsed === 'object' && parsed !== null && 'name' in parsed) {
      return typeof parsed.name === 'string' ? parsed.name : undefined;
    }
  } catch {
    // An unreadable or invalid package.json is not ours; keep walking up.
  }
  return undefined;
}
