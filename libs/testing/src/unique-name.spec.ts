import { uniqueDatabaseName, uniqueName } from './unique-name';

describe('uniqueName', () => {
  it('keeps the prefix, differs every time and is a valid Kafka topic name', () => {
    const names = new Set(Array.from({ length: 100 }, () => uniqueName('salur.intake.v1')));
    expect(names.size).toBe(100);
    for (const name of names) {
      expect(name.startsWith('salur.intake.v1-')).toBe(true);
      expect(name).toMatch(/^[a-zA-Z0-9._-]{1,249}$/);
    }
  });
});

describe('uniqueDatabaseName', () => {
  it('needs no quoting: lower case letters, digits and underscores, starting with a letter', () => {
    expect(uniqueDatabaseName('Routing E2E')).toMatch(/^routing_e2e_[a-z0-9]+_[0-9a-f]{8}$/);
    expect(uniqueDatabaseName('42-things')).toMatch(/^db_42_things_/);
  });

  it('stays within the 63-character identifier limit however long the prefix', () => {
    const name = uniqueDatabaseName('a'.repeat(200));
    expect(name.length).toBeLessThanOrEqual(63);
    expect(name).not.toBe(uniqueDatabaseName('a'.repeat(200)));
  });
});
