import { sql } from 'kysely';
import { countyOf } from '../../shared/accounts/scope';
import type { Engine } from '../db/engine';
import { fieldsOf } from './row-fields';

/** Every account role; a partner answers for one resource of the library and sees only its referrals. */
export type StaffRole = 'county_admin' | 'township_staff' | 'viewer' | 'partner' | 'province_admin';
/** The roles the county's account pages manage (partner and province accounts come from the command line). */
export type ManagedRole = Exclude<StaffRole, 'partner' | 'province_admin'>;
export const STAFF_ROLES: readonly StaffRole[] = ['county_admin', 'township_staff', 'viewer', 'partner', 'province_admin'];

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
  /** The account's county (063): null only for a province admin (and an account made before any region existed). */
  county: string | null;
}

export interface UserRow {
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
  county: string | null;
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

export const USER_COLUMNS = [
  'id', 'username', 'password_hash', 'role', 'township', 'must_change_password', 'disabled', 'failed_logins', 'locked_until', 'resource_id', 'county',
] as const;

export const toUser = (row: UserRow): StaffUser => fieldsOf(row, USER_COLUMNS, ['must_change_password', 'disabled']);

/** Staff accounts: sign-in, passwords, and the county's management (list, role and township, disable). */
export function createUsersRepository(db: Engine) {
  const users = () => db.selectFrom('staff_users').select(USER_COLUMNS);
  const theUser = (id: number) => db.updateTable('staff_users').where('id', '=', id);
  const onlyCounty = async (): Promise<string | null> => {
    const counties = await db.selectFrom('regions').select('code').where('level', '=', 'county').limit(2).execute();
    return counties.length === 1 ? counties[0]!.code : null;
  };

  return {
    async findByUsername(username: string): Promise<StaffUser | undefined> {
      const row = await users().where('username', '=', username).executeTakeFirst();
      return row ? toUser(row) : undefined;
    },
    async findById(id: number): Promise<StaffUser | undefined> {
      const row = await users().where('id', '=', id).executeTakeFirst();
      return row ? toUser(row) : undefined;
    },
    async create(user: {
      username: string;
      passwordHash: string;
      role: StaffRole;
      township: string | null;
      mustChangePassword: boolean;
      resourceId?: number | null;
      /** Left out: the township's county, else the only county when the regions hold exactly one. */
      county?: string | null;
    }): Promise<number> {
      const county = user.role === 'province_admin' ? null : user.county ?? (user.township ? countyOf(user.township) : await onlyCounty());
      const { id } = await db
        .insertInto('staff_users')
        .values({
          username: user.username,
          password_hash: user.passwordHash,
          role: user.role,
          township: user.township,
          must_change_password: user.mustChangePassword ? 1 : 0,
          resource_id: user.resourceId ?? null,
          county,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return id;
    },
    async setPassword(id: number, passwordHash: string, mustChange: boolean): Promise<void> {
      await theUser(id)
        .set({ password_hash: passwordHash, must_change_password: mustChange ? 1 : 0, failed_logins: 0, locked_until: null })
        .execute();
    },
    // Counted for the admin's view only: accounts are never locked (anyone could lock anyone out).
    async recordFailedLogin(id: number): Promise<void> {
      await theUser(id)
        .set((eb) => ({ failed_logins: eb('failed_logins', '+', 1) }))
        .execute();
    },
    async recordSuccessfulLogin(id: number): Promise<void> {
      await theUser(id).set({ failed_logins: 0, locked_until: null }).execute();
    },
    /** Active township staff of one township: the people a case there can be given to. */
    assignableIn: (township: string): Promise<Array<{ id: number; username: string }>> =>
      db
        .selectFrom('staff_users')
        .select(['id', 'username'])
        .where('role', '=', 'township_staff')
        .where('township', '=', township)
        .where('disabled', '=', 0)
        .orderBy('username')
        .execute(),
    /**
     * The accounts a county's account pages manage: everyone of that county (null: of every county) but partners and
     * province admins. County accounts (no township) first.
     */
    async listManaged(county: string | null): Promise<StaffAccount[]> {
      const rows = await users()
        .select('created_at')
        .where('role', 'not in', ['partner', 'province_admin'])
        .$if(county !== null, (qb) => qb.where('county', '=', county))
        .orderBy('disabled')
        .orderBy(sql`township IS NULL`, 'desc')
        .orderBy('township')
        .orderBy('username')
        .execute();
      return rows.map((row) => {
        const { id, username, role, township, mustChangePassword, disabled, lockedUntil } = toUser(row);
        return { id, username, role: role as ManagedRole, township, mustChangePassword, disabled, lockedUntil, createdAt: row.created_at };
      });
    },
    async setRole(id: number, role: ManagedRole, township: string | null): Promise<void> {
      await theUser(id).set({ role, township }).execute();
    },
    async setDisabled(id: number, disabled: boolean): Promise<void> {
      await theUser(id)
        .set({ disabled: disabled ? 1 : 0, failed_logins: 0, locked_until: null })
        .execute();
    },
    /** Working county admins of one county (null: of every county). */
    async countActiveAdmins(county: string | null): Promise<number> {
      const { n } = await db
        .selectFrom('staff_users')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('role', '=', 'county_admin')
        .$if(county !== null, (qb) => qb.where('county', '=', county))
        .where('disabled', '=', 0)
        .executeTakeFirstOrThrow();
      return Number(n);
    },
    /** Accounts made before any region existed get the county once there is one (province admins stay without). */
    async giveCountyToCountyless(county: string): Promise<void> {
      await db.updateTable('staff_users').set({ county }).where('county', 'is', null).where('role', '<>', 'province_admin').execute();
    },
  };
}

export type UsersRepository = ReturnType<typeof createUsersRepository>;
