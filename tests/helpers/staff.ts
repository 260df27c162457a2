import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { hashPassword } from '../../server/domain/passwords';
import type { StaffRole } from '../../server/repositories/users';

export const TEST_PASSWORD = 'correct-horse-battery';

export async function createStaff(app: FastifyInstance, username: string, role: StaffRole, township: string | null): Promise<number> {
  return app.repos.users.create({ username, passwordHash: await hashPassword(TEST_PASSWORD), role, township, mustChangePassword: false });
}

export interface StaffSession {
  cookie: string;
  csrf: string;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, payload: unknown): Promise<LightMyRequestResponse>;
}

/** Logs in through the real route and returns a tiny client that sends the cookie and CSRF header. */
export async function login(app: FastifyInstance, username: string, password = TEST_PASSWORD): Promise<StaffSession> {
  const res = await app.inject({ method: 'POST', url: '/api/staff/session', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login failed for ${username}: ${res.statusCode} ${res.body}`);
  const setCookie = res.cookies.find((c) => c.name === 'xfm_sid');
  if (!setCookie) throw new Error('no session cookie');
  const cookie = `xfm_sid=${setCookie.value}`;
  const csrf = res.json().csrfToken as string;
  return {
    cookie,
    csrf,
    get: (url) => app.inject({ method: 'GET', url, headers: { cookie } }),
    post: (url, payload) => app.inject({ method: 'POST', url, headers: { cookie, 'x-csrf-token': csrf }, payload: payload as Record<string, unknown> }),
  };
}
