import { pendingSchemaChanges, runMigrations } from '@salur/platform';
import { createTestDatabase } from '@salur/testing';
import { routingDatabase } from './data-source';

describe('routing schema', () => {
  it('is created by the migrations exactly as the entities map it', async () => {
    const db = await createTestDatabase('drift-routing');
    try {
      const first = await runMigrations(routingDatabase(db.url));
      expect(first.applied.length).toBeGreaterThan(0);
      // Anything listed here is SQL the next migration must contain.
      expect(await pendingSchemaChanges(routingDatabase(db.url))).toEqual([]);
      expect((await runMigrations(routingDatabase(db.url))).applied).toEqual([]);
    } finally {
      await db.drop();
    }
  });
});
