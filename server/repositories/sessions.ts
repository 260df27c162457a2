import type { Selectable } from 'kysely';
import type { Engine } from '../db/engine';
import type { SessionsTable } from '../db/schema';
import { toUser, USER_COLUMNS, type StaffUser } from './users';

export type SessionRow = Selectable<SessionsTable>;

/** A session with the account it belongs to. */
export interface SessionWithUser {
  session: SessionRow;
  user: StaffUser;
}

const USER_OF_SESSION = USER_COLUMNS.map((column) => `u.${column}` as const);

/** Sessions are stored by the SHA-256 of their cookie value, so a copied database opens no doors. */
export function createSessionsRepository(db: Engine) {
  return {
    async create(idHash: string, userId: number, csrfToken: string, now: string): Promise<void> {
      await db.insertInto('sessions').values({ id: idHash, user_id: userId, csrf_token: csrfToken, created_at: now, last_seen_at: now }).execute();
    },
    find: (idHash: string): Promise<SessionRow | undefined> => db.selectFrom('sessions').selectAll().where('id', '=', idHash).executeTakeFirst(),
    /** The session and its account in one round trip: every staff request needs both. */
    async findWithUser(idHash: string): Promise<SessionWithUser | undefined> {
      const row = await db
        .selectFrom('sessions as s')
        // Deleting an account deletes its sessions (ON DELETE CASCADE), so a session always has its account.
        .innerJoin('staff_users as u', 'u.id', 's.user_id')
        .select(['s.csrf_token', 's.created_at as session_created_at', 's.last_seen_at as session_last_seen_at', ...USER_OF_SESSION])
        .where('s.id', '=', idHash)
        .executeTakeFirst();
      if (!row) return undefined;
      return {
        session: { id: idHash, user_id: row.id, csrf_token: row.csrf_token, created_at: row.session_created_at, last_seen_at: row.session_last_seen_at },
        user: toUser(row),
      };
    },
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
