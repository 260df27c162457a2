import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { hashPassword } from '../../server/domain/passwords';
import type { StaffRole } from '../../server/repositories/users';
import { createStaff, login, TEST_PASSWORD, type StaffSession } from './staff';

export interface AdminClient extends StaffSession {
  send(method: 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: unknown): Promise<LightMyRequestResponse>;
}

/** A signed-in client for one role: cookie and CSRF on every call, any method. */
export async function signIn(app: FastifyInstance, username: string): Promise<AdminClient> {
  const session = await login(app, username);
  return {
    ...session,
    send: (method, url, payload) =>
      app.inject({ method, url, headers: { cookie: session.cookie, 'x-csrf-token': session.csrf }, payload: payload as Record<string, unknown> }),
  };
}

/** The three roles, each signed in: a county admin, a township's staff member and a read-only viewer. */
export async function threeRoles(app: FastifyInstance, township: string, prefix = '') {
  await createStaff(app, `${prefix}county`, 'county_admin', null);
  await createStaff(app, `${prefix}township`, 'township_staff', township);
  await createStaff(app, `${prefix}viewer`, 'viewer', township);
  return {
    admin: await signIn(app, `${prefix}county`),
    staff: await signIn(app, `${prefix}township`),
    viewer: await signIn(app, `${prefix}viewer`),
  };
}

/** A new account, signed in: e.g. the staff of another township, who must not see this one's cases. */
export async function newSignedIn(app: FastifyInstance, username: string, role: StaffRole, township: string | null): Promise<AdminClient> {
  await createStaff(app, username, role, township);
  return signIn(app, username);
}

/** A partner account answering for one resource of the library, signed in. */
export async function partnerSignedIn(app: FastifyInstance, username: string, resourceId: number): Promise<AdminClient> {
  await app.repos.users.create({ username, passwordHash: await hashPassword(TEST_PASSWORD), role: 'partner', township: null, mustChangePassword: false, resourceId });
  return signIn(app, username);
}

export const townshipsOf = async (app: FastifyInstance) => (await app.repos.regions.list()).filter((r) => r.level === 'township');
export const villagesOf = async (app: FastifyInstance, township: string) =>
  (await app.repos.regions.list()).filter((r) => r.level === 'village' && r.parent === township);
