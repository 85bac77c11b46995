import { pendingSchemaChanges, runMigrations } from '@salur/platform';
import { createTestDatabase } from '@salur/testing';
import { slaDatabase } from './data-source';

describe('sla schema', () => {
  it('is created by the migrations exactly as the entities map it', async () => {
    const db = await createTestDatabase('drift-sla');
    try {
      const first = await runMigrations(slaDatabase(db.url));
      expect(first.applied.length).toBeGreaterThan(0);
      // Anything listed here is SQL the next migration must contain.
      expect(await pendingSchemaChanges(slaDatabase(db.url))).toEqual([]);
      expect((await runMigrations(slaDatabase(db.url))).applied).toEqual([]);
    } finally {
      await db.drop();
    }
  });
});
