import { pendingSchemaChanges, runMigrations } from '@salur/platform';
import { createTestDatabase } from '@salur/testing';
import { notificationDatabase } from './data-source';

describe('notification schema', () => {
  it('is created by the migrations exactly as the entities map it', async () => {
    const db = await createTestDatabase('drift-notification');
    try {
      const first = await runMigrations(notificationDatabase(db.url));
      expect(first.applied.length).toBeGreaterThan(0);
      // Anything listed here is SQL the next migration must contain.
      expect(await pendingSchemaChanges(notificationDatabase(db.url))).toEqual([]);
      expect((await runMigrations(notificationDatabase(db.url))).applied).toEqual([]);
    } finally {
      await db.drop();
    }
  });
});
