import type { DB } from '../db/open';

/** Every account role; a partner answers for one resource of the library and sees only its referrals. */
export type StaffRole = 'county_admin' | 'township_staff' | 'viewer' | 'partner';
/** The roles the county's account pages manage (partner accounts come from the command line). */
export type ManagedRole = Exclude<StaffRole, 'partner'>;
export const STAFF_ROLES: readonly StaffRole[] = ['county_admin', 'township_staff', 'viewer', 'partner'];

export interface StaffUser {
  id: number;
  username: string;
  passwordHash: string;
  role: StaffRole;
  township: string | null;
  mustChangePassword: boolean;
  disabled: boolean;
  failedLogins: number;
  lockedUntil: string | null;
  /** Partners only: the resource the account answers for. */
  resourceId: number | null;
}

interface UserRow {
  id: number;
  username: string;
  password_hash: string;
  role: StaffRole;
  township: string | null;
  must_change_password: number;
  disabled: number;
  failed_logins: number;
  locked_until: string | null;
  resource_id: number | null;
}

/** An account as the county's account pages list it (no password hash). */
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

const COLUMNS = 'id, username, password_hash, role, township, must_change_password, disabled, failed_logins, locked_until, resource_id';

function toUser(row: UserRow): StaffUser {
  return {
    id: row.id,
    username: row.username,
    passwordHash: row.password_hash,
    role: row.role,
    township: row.township,
    mustChangePassword: row.must_change_password === 1,
    disabled: row.disabled === 1,
    failedLogins: row.failed_logins,
    lockedUntil: row.locked_until,
    resourceId: row.resource_id,
  };
}

/** Staff accounts: sign-in, passwords, and the county's management (list, role and township, disable). */
export function createUsersRepository(db: DB) {
  const byName = db.prepare<[string], UserRow>(`SELECT ${COLUMNS} FROM staff_users WHERE username = ?`);
  const byId = db.prepare<[number], UserRow>(`SELECT ${COLUMNS} FROM staff_users WHERE id = ?`);
  const insert = db.prepare(
    `INSERT INTO staff_users (username, password_hash, role, township, must_change_password, resource_id)
     VALUES (@username, @passwordHash, @role, @township, @mustChangePassword, @resourceId)`,
  );
  const setPassword = db.prepare(
    'UPDATE staff_users SET password_hash = @passwordHash, must_change_password = @mustChange, failed_logins = 0, locked_until = NULL WHERE id = @id',
  );
  // Counted for the admin's view only: accounts are never locked (anyone could lock anyone out).
  const recordFailure = db.prepare('UPDATE staff_users SET failed_logins = failed_logins + 1 WHERE id = ?');
  const recordSuccess = db.prepare('UPDATE staff_users SET failed_logins = 0, locked_until = NULL WHERE id = ?');
  const assignable = db.prepare<[string], { id: number; username: string }>(
    "SELECT id, username FROM staff_users WHERE role = 'township_staff' AND township = ? AND disabled = 0 ORDER BY username",
  );
  const listManaged = db.prepare<[], UserRow & { created_at: string }>(
    `SELECT ${COLUMNS}, created_at FROM staff_users WHERE role <> 'partner' ORDER BY disabled, township, username`,
  );
  const setRole = db.prepare('UPDATE staff_users SET role = @role, township = @township WHERE id = @id');
  const setDisabled = db.prepare('UPDATE staff_users SET disabled = @disabled, failed_logins = 0, locked_until = NULL WHERE id = @id');
  const activeAdmins = db.prepare<[], { n: number }>("SELECT count(*) AS n FROM staff_users WHERE role = 'county_admin' AND disabled = 0");

  return {
    findByUsername(username: string): StaffUser | undefined {
      const row = byName.get(username);
      return row ? toUser(row) : undefined;
    },
    findById(id: number): StaffUser | undefined {
      const row = byId.get(id);
      return row ? toUser(row) : undefined;
    },
    create(user: {
      username: string;
      passwordHash: string;
      role: StaffRole;
      township: string | null;
      mustChangePassword: boolean;
      resourceId?: number | null;
    }): number {
      return Number(insert.run({ ...user, resourceId: user.resourceId ?? null, mustChangePassword: user.mustChangePassword ? 1 : 0 }).lastInsertRowid);
    },
    setPassword(id: number, passwordHash: string, mustChange: boolean): void {
      setPassword.run({ id, passwordHash, mustChange: mustChange ? 1 : 0 });
    },
    recordFailedLogin(id: number): void {
      recordFailure.run(id);
    },
    recordSuccessfulLogin(id: number): void {
      recordSuccess.run(id);
    },
    /** Active township staff of one township: the people a case there can be given to. */
    assignableIn: (township: string): Array<{ id: number; username: string }> => assignable.all(township),
    /** The accounts the county's account pages manage: everyone but partners. */
    listManaged: (): StaffAccount[] =>
      listManaged.all().map((row) => {
        const { id, username, role, township, mustChangePassword, disabled, lockedUntil } = toUser(row);
        return { id, username, role: role as ManagedRole, township, mustChangePassword, disabled, lockedUntil, createdAt: row.created_at };
      }),
    setRole(id: number, role: ManagedRole, township: string | null): void {
      setRole.run({ id, role, township });
    },
    setDisabled(id: number, disabled: boolean): void {
      setDisabled.run({ id, disabled: disabled ? 1 : 0 });
    },
    countActiveAdmins: (): number => activeAdmins.get()?.n ?? 0,
  };
}

export type UsersRepository = ReturnType<typeof createUsersRepository>;
