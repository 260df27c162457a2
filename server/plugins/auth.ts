import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import cookie from '@fastify/cookie';
import fp from 'fastify-plugin';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../app-error';
import { nowIso } from '../domain/clock';
import type { SessionWithUser } from '../repositories/sessions';
import type { StaffRole, StaffUser } from '../repositories/users';
import { countyOf, NO_COUNTY_MESSAGE, type Scope } from '../../shared/accounts/scope';

export const SESSION_COOKIE = 'xfm_sid';
export const IDLE_TIMEOUT_MS = 30 * 60_000;
export const ABSOLUTE_TIMEOUT_MS = 12 * 3600_000;

export interface StaffContext {
  user: StaffUser;
  sessionHash: string;
  csrfToken: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    staff?: StaffContext;
  }
  interface FastifyInstance {
    /** preHandler: a logged-in staff member; writes also need the CSRF header. Partners only reach their session. */
    requireStaff: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
    /** preHandler for /api/partner/*: a logged-in partner account bound to a resource, nobody else. */
    requirePartner: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
    startSession(reply: FastifyReply, user: StaffUser): Promise<string>;
    endSession(request: FastifyRequest, reply: FastifyReply): Promise<void>;
  }
}

const hash = (value: string) => createHash('sha256').update(value).digest('base64url');
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
// Routes a user who must change their password may still use.
const PASSWORD_CHANGE_ALLOWED = new Set(['/api/staff/me', '/api/staff/password', '/api/staff/session']);
// The only staff routes a partner may use: the shared login session itself (who am I, password, log out).
const PARTNER_STAFF_ALLOWED = PASSWORD_CHANGE_ALLOWED;
const STAFF_AREA = /^\/api\/(staff|admin)\//;

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Staff sessions: an HttpOnly, SameSite=Strict cookie, a session row in the database, a CSRF token per session. */
const authPlugin: FastifyPluginAsync<{ secure: boolean }> = async (app, { secure }) => {
  await app.register(cookie);
  app.decorateRequest('staff', undefined);

  app.decorate('startSession', async (reply: FastifyReply, user: StaffUser) => {
    const sessionId = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    await app.repos.sessions.create(hash(sessionId), user.id, csrfToken, nowIso());
    reply.setCookie(SESSION_COOKIE, sessionId, { httpOnly: true, sameSite: 'strict', secure, path: '/', maxAge: ABSOLUTE_TIMEOUT_MS / 1000 });
    return csrfToken;
  });

  app.decorate('endSession', async (request: FastifyRequest, reply: FastifyReply) => {
    const sessionId = request.cookies[SESSION_COOKIE];
    if (sessionId) await app.repos.sessions.remove(hash(sessionId));
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
  });

  // The partner check (onRequest) and requireStaff (preHandler) both need the session and its account: one
  // lookup per request, shared by both.
  const lookups = new WeakMap<FastifyRequest, Promise<SessionWithUser | undefined>>();
  function sessionOf(request: FastifyRequest, sessionHash: string): Promise<SessionWithUser | undefined> {
    let found = lookups.get(request);
    if (!found) {
      found = app.repos.sessions.findWithUser(sessionHash);
      lookups.set(request, found);
    }
    return found;
  }

  /** The session behind the cookie, checked for expiry, CSRF and a pending password change. */
  async function authenticate(request: FastifyRequest, reply: FastifyReply): Promise<StaffContext> {
    const sessionId = request.cookies[SESSION_COOKIE];
    if (!sessionId) throw new AppError('UNAUTHENTICATED', 401);
    const sessionHash = hash(sessionId);
    const found = await sessionOf(request, sessionHash);
    const now = Date.now();
    if (!found) throw new AppError('UNAUTHENTICATED', 401);
    const { session, user } = found;
    if (now - Date.parse(session.last_seen_at) > IDLE_TIMEOUT_MS || now - Date.parse(session.created_at) > ABSOLUTE_TIMEOUT_MS) {
      await app.repos.sessions.remove(sessionHash);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      throw new AppError('SESSION_EXPIRED', 401);
    }
    if (user.disabled) throw new AppError('UNAUTHENTICATED', 401);
    if (!SAFE_METHODS.has(request.method)) {
      const header = request.headers['x-csrf-token'];
      if (typeof header !== 'string' || !sameToken(header, session.csrf_token)) throw new AppError('CSRF_FAILED', 403);
    }
    const path = request.routeOptions.url ?? '';
    if (user.mustChangePassword && !PASSWORD_CHANGE_ALLOWED.has(path)) throw new AppError('PASSWORD_CHANGE_REQUIRED', 403);
    // Touch at most once a minute: one write per request would be wasted I/O.
    if (now - Date.parse(session.last_seen_at) > 60_000) await app.repos.sessions.touch(sessionHash, new Date(now).toISOString());
    return { user, sessionHash, csrfToken: session.csrf_token };
  }

  // Deny by default, before any route's own hooks or body validation: a partner's session opens no staff or
  // admin route except the shared session routes, whichever hook order a route (or a future one) uses.
  app.addHook('onRequest', async (request) => {
    const route = request.routeOptions.url ?? '';
    const sessionId = request.cookies[SESSION_COOKIE];
    if (!sessionId || !STAFF_AREA.test(route) || PARTNER_STAFF_ALLOWED.has(route)) return;
    if ((await sessionOf(request, hash(sessionId)))?.user.role === 'partner') throw new AppError('FORBIDDEN', 403);
  });

  app.decorate('requireStaff', async (request: FastifyRequest, reply: FastifyReply) => {
    const context = await authenticate(request, reply);
    // Deny by default: a partner session opens no staff or admin route, whatever new ones are added.
    if (context.user.role === 'partner' && !PARTNER_STAFF_ALLOWED.has(request.routeOptions.url ?? '')) throw new AppError('FORBIDDEN', 403);
    // A county's account without a county would read every county (#16): only its own session is open to it.
    if (context.user.role !== 'partner' && !PASSWORD_CHANGE_ALLOWED.has(request.routeOptions.url ?? '')) scopeOf(context.user);
    request.staff = context;
  });

  app.decorate('requirePartner', async (request: FastifyRequest, reply: FastifyReply) => {
    const context = await authenticate(request, reply);
    if (context.user.role !== 'partner' || context.user.resourceId === null) throw new AppError('FORBIDDEN', 403);
    request.staff = context;
  });
};

export function requireRole(...roles: StaffRole[]) {
  return async (request: FastifyRequest) => {
    if (!request.staff || !roles.includes(request.staff.user.role)) throw new AppError('FORBIDDEN', 403);
  };
}

/**
 * The township a user may see within their county: null means every township of it (county roles). Kept for code
 * written before #16; new code reads scopeOf, which carries the county too.
 */
export function townshipScope(user: StaffUser): string | null {
  return scopeOf(user).township;
}

/**
 * What a user may read (#16): their county, and their township within it. A province admin's scope is everything;
 * the doors (routes/staff, routes/admin) keep it to reading statistics and ledgers.
 */
export function scopeOf(user: StaffUser): Scope {
  // A partner never reaches a scoped route (requireStaff refuses it); fail closed if one ever did.
  if (user.role === 'partner') throw new AppError('FORBIDDEN', 403);
  if (user.role === 'province_admin') return { county: null, township: null };
  const township = user.role === 'county_admin' ? null : user.township;
  const county = user.county ?? (township ? countyOf(township) : null);
  if (county === null) throw new AppError('FORBIDDEN', 403, NO_COUNTY_MESSAGE);
  return { county, township };
}

/**
 * The county a statistics or ledger read covers (#16): a county's account reads its own county whatever it asks; a
 * province admin the county it asks for, or every county (undefined).
 */
export function readCounty(user: StaffUser, asked: string | undefined): string | undefined {
  return scopeOf(user).county ?? asked;
}

/**
 * A door of the staff and admin areas: one of the county's roles, or a province admin reading one of the routes it
 * may read (GET only); every other route, and every write, is refused before the body is read.
 */
export function requireRoleOrProvinceRead(roles: StaffRole[], provinceReads: ReadonlySet<string>) {
  return async (request: FastifyRequest) => {
    const role = request.staff?.user.role;
    if (role && role !== 'province_admin' && roles.includes(role)) return;
    if (role === 'province_admin' && SAFE_METHODS.has(request.method) && provinceReads.has(request.routeOptions.url ?? '')) return;
    throw new AppError('FORBIDDEN', 403);
  };
}

export default fp(authPlugin, { name: 'auth', dependencies: ['db'] });
