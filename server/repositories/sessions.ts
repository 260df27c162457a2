import type { Selectable } from 'kysely';
import type { Engine } from '../db/engine';
import type { SessionsTable } from '../db/schema';

export type SessionRow = Selectable<SessionsTable>;

/** Sessions are stored by the SHA-256 of their cookie value, so a copied database opens no doors. */
export function createSessionsRepository(db: Engine) {
  return {
    async create(idHash: string, userId: number, csrfToken: string, now: string): Promise<void> {
      await db.insertInto('sessions').values({ id: idHash, user_id: userId, csrf_token: csrfToken, created_at: now, last_seen_at: now }).execute();
    },
    find: (idHash: string): Promise<SessionRow | undefined> => db.selectFrom('sessions').selectAll().where('id', '=', idHash).executeTakeFirst(),
    async touch(idHash: string, now: string): Promise<void> {
      await db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', idHash).execute();
    },
    async remove(idHash: string): Promise<void> {
      await db.deleteFrom('sessions').where('id', '=', idHash).execute();
    },
    async removeForUser(userId: number): Promise<void> {
      await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
    },
    async removeIdleSince(iso: string): Promise<void> {
      await db.deleteFrom('sessions').where('last_seen_at', '<', iso).execute();
    },
  };
}
