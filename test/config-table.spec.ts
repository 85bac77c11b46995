import { BaseServiceEnv, declaredEnvVariables } from '@salur/platform';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IntakeEnv } from '../apps/intake/src/config/intake.env';
import { NotificationEnv } from '../apps/notification/src/config/notification.env';
import { RoutingEnv } from '../apps/routing/src/config/routing.env';
import { SlaEnv } from '../apps/sla/src/config/sla.env';

const ENV_CLASSES = [BaseServiceEnv, IntakeEnv, RoutingEnv, SlaEnv, NotificationEnv];

/** The rows of README's "## Configuration" table, as their cells. */
function configurationTable(): string[][] {
  const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
  const start = readme.indexOf('\n## Configuration\n');
  if (start < 0) throw new Error('README.md has no "## Configuration" section');
  const end = readme.indexOf('\n## ', start + 1);
  const section = readme.slice(start, end < 0 ? undefined : end);
  return section
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .slice(2) // header and separator
    .map((line) =>
      line
        .slice(1, -1)
        .split('|')
        .map((cell) => cell.trim()),
    );
}

/** Every `NAME` in the first cell of a row (a row may document two related variables). */
function documentedVariables(): Set<string> {
  const names = new Set<string>();
  for (const [first = ''] of configurationTable()) {
    for (const match of first.matchAll(/`([A-Z][A-Z0-9_]*)`/g)) names.add(match[1]);
  }
  return names;
}

describe('README configuration table', () => {
  it('has a name, a default and a meaning in every row', () => {
    const rows = configurationTable();
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row).toHaveLength(3);
      expect(row.every((cell) => cell !== '')).toBe(true);
    }
  });

  it('documents every variable any service’s env class reads', () => {
    const documented = documentedVariables();
    const undocumented = ENV_CLASSES.flatMap((EnvClass) =>
      [...declaredEnvVariables(EnvClass)]
        .filter((name) => !documented.has(name))
        .map((name) => `${EnvClass.name}.${name}`),
    );
    expect(undocumented).toEqual([]);
  });

  it('finds the variables it checks (the env classes are read, not empty)', () => {
    const declared = new Set(
      ENV_CLASSES.flatMap((EnvClass) => [...declaredEnvVariables(EnvClass)]),
    );
    for (const name of [
      'DATABASE_URL',
      'SHUTDOWN_GRACE_MS',
      'INTAKE_SECRET',
      'SLA_LATE_AFTER_MS',
    ]) {
      expect(declared).toContain(name);
    }
  });
});
