import type { DB } from '../db/open';

export interface SessionRow {
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
}

/** Sessions are stored by the SHA-256 of their cookie value, so a copied database opens no doors. */
export function createSessionsRepository(db: DB) {
  const insert = db.prepare('INSERT INTO sessions (id, user_id, csrf_token, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?)');
  const byId = db.prepare<[string], SessionRow>('SELECT * FROM sessions WHERE id = ?');
  const seen = db.prepare('UPDATE sessions SET last_seen_at = ? WHERE id = ?');
  const remove = db.prepare('DELETE FROM sessions WHERE id = ?');
  const removeForUser = db.prepare('DELETE FROM sessions WHERE user_id = ?');
  const removeStale = db.prepare('DELETE FROM sessions WHERE last_seen_at < ?');
  return {
    create(idHash: string, userId: number, csrfToken: string, now: string): void {
      insert.run(idHash, userId, csrfToken, now, now);
    },
    find: (idHash: string): SessionRow | undefined => byId.get(idHash),
    touch(idHash: string, now: string): void {
      seen.run(now, idHash);
    },
    remove(idHash: string): void {
      remove.run(idHash);
    },
    removeForUser(userId: number): void {
      removeForUser.run(userId);
    },
    removeIdleSince(iso: string): void {
      removeStale.run(iso);
    },
  };
}
