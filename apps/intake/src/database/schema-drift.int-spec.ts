import { pendingSchemaChanges, runMigrations } from '@salur/platform';
import { createTestDatabase } from '@salur/testing';
import { intakeDatabase } from './data-source';

describe('intake schema', () => {
  it('is created by the migrations exactly as the entities map it', async () => {
    const db = await createTestDatabase('drift-intake');
    try {
      const first = await runMigrations(intakeDatabase(db.url));
      expect(first.applied.length).toBeGreaterThan(0);
      // Anything listed here is SQL the next migration must contain.
      expect(await pendingSchemaChanges(intakeDatabase(db.url))).toEqual([]);
      expect((await runMigrations(intakeDatabase(db.url))).applied).toEqual([]);
    } finally {
      await db.drop();
    }
  });
});
