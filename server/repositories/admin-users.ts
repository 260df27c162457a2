import type { DB } from '../db/open';
import type { ManagedRole } from './users';

export interface StaffAccount {
  id: number;
  username: string;
  role: ManagedRole;
  township: string | null;
  mustChangePassword: boolean;
  disabled: boolean;
  lockedUntil: string | null;
  createdAt: string;
}

interface AccountRow {
  id: number;
  username: string;
  role: ManagedRole;
  township: string | null;
  must_change_password: number;
  disabled: number;
  locked_until: string | null;
  created_at: string;
}

/** Staff accounts as the county manages them: list, role and township, disable. Passwords go through users. */
export function createAdminUsersRepository(db: DB) {
  const list = db.prepare<[], AccountRow>(
    "SELECT id, username, role, township, must_change_password, disabled, locked_until, created_at FROM staff_users WHERE role <> 'partner' ORDER BY disabled, township, username",
  );
  const setRole = db.prepare('UPDATE staff_users SET role = @role, township = @township WHERE id = @id');
  const setDisabled = db.prepare('UPDATE staff_users SET disabled = @disabled, failed_logins = 0, locked_until = NULL WHERE id = @id');
  const activeAdmins = db.prepare<[], { n: number }>("SELECT count(*) AS n FROM staff_users WHERE role = 'county_admin' AND disabled = 0");

  return {
    list: (): StaffAccount[] =>
      list.all().map((row) => ({
        id: row.id,
        username: row.username,
        role: row.role,
        township: row.township,
        mustChangePassword: row.must_change_password === 1,
        disabled: row.disabled === 1,
        lockedUntil: row.locked_until,
        createdAt: row.created_at,
      })),
    setRole(id: number, role: ManagedRole, township: string | null): void {
      setRole.run({ id, role, township });
    },
    setDisabled(id: number, disabled: boolean): void {
      setDisabled.run({ id, disabled: disabled ? 1 : 0 });
    },
    countActiveAdmins: (): number => activeAdmins.get()?.n ?? 0,
  };
}

export type AdminUsersRepository = ReturnType<typeof createAdminUsersRepository>;
