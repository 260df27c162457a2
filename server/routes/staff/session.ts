import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { ErrorResponse } from '../../../shared/schemas/common';
import { ChangePasswordBody, LoginBody, StaffMe } from '../../../shared/schemas/staff-session';
import { AppError } from '../../app-error';
import { staffPasswordError } from '../../domain/common-passwords';
import { createLoginThrottle } from '../../domain/login-throttle';
import { hashPassword, verifyPassword } from '../../domain/passwords';
import type { StaffUser } from '../../repositories/users';

// Verified when the username is unknown, so a wrong name takes as long as a wrong password.
const DUMMY_HASH = await hashPassword('not-a-real-password');

/** Log in, who am I, change password, log out. */
const sessionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // Shared by every app server when REDIS_URL is set (server/plugins/coordination.ts).
  const throttle = createLoginThrottle(app.coordination.failureCounters('login'));
  const me = async (user: StaffUser, csrfToken: string) => ({
    user: {
      id: user.id,
      username: user.username,
      role: user.role,
      township: user.township,
      townshipName: user.township ? ((await app.repos.regions.find(user.township))?.name ?? null) : null,
      mustChangePassword: user.mustChangePassword,
    },
    csrfToken,
  });
  const audit = (request: FastifyRequest, actor: string, action: string, target?: string) =>
    app.repos.audit.record({ actor, action, target: target ?? null, clientIp: request.ip });

  app.post(
    '/api/staff/session',
    {
      schema: { body: LoginBody, response: { 200: StaffMe, 400: ErrorResponse, 401: ErrorResponse, 429: ErrorResponse } },
      // A coarse per-address cap; the throttle below slows guessing per (account, address) and per address.
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const { username, password } = request.body;
      const wait = await throttle.waitMs(username, request.ip);
      if (wait > 0) {
        void reply.header('retry-after', String(Math.ceil(wait / 1000)));
        throw new AppError('LOGIN_THROTTLED', 429);
      }
      const user = await app.repos.users.findByUsername(username.trim());
      // Unknown, disabled and known-but-wrong all take one scrypt and get the same answer.
      const ok = await verifyPassword(password, user && !user.disabled ? user.passwordHash : DUMMY_HASH);
      if (!user || user.disabled || !ok) {
        await throttle.recordFailure(username, request.ip);
        if (user) await app.repos.users.recordFailedLogin(user.id);
        await audit(request, username.trim().slice(0, 64), 'login.failed', user ? `user:${user.id}` : undefined);
        throw new AppError('INVALID_CREDENTIALS', 401);
      }
      await throttle.recordSuccess(username, request.ip);
      await app.repos.users.recordSuccessfulLogin(user.id);
      await audit(request, user.username, 'login', `user:${user.id}`);
      return me(user, await app.startSession(reply, user));
    },
  );

  app.get('/api/staff/me', { onRequest: app.requireStaff, schema: { response: { 200: StaffMe, 401: ErrorResponse } } }, async (request) => {
    const staff = request.staff!;
    return me(staff.user, staff.csrfToken);
  });

  app.post(
    '/api/staff/password',
    { onRequest: app.requireStaff, schema: { body: ChangePasswordBody, response: { 200: StaffMe, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse } } },
    async (request, reply) => {
      const { user } = request.staff!;
      const { currentPassword, newPassword } = request.body;
      if (!(await verifyPassword(currentPassword, user.passwordHash))) {
        throw new AppError('VALIDATION_FAILED', 400, undefined, { currentPassword: '现在的密码不对' });
      }
      if (newPassword === currentPassword) {
        throw new AppError('VALIDATION_FAILED', 400, undefined, { newPassword: '新密码不能和原来的一样' });
      }
      const weak = staffPasswordError(newPassword, user.username);
      if (weak) throw new AppError('VALIDATION_FAILED', 400, undefined, { newPassword: weak });
      await app.repos.users.setPassword(user.id, await hashPassword(newPassword), false);
      // Every other session of this user ends; this one is replaced by a fresh one.
      await app.repos.sessions.removeForUser(user.id);
      await audit(request, user.username, 'user.change_password', `user:${user.id}`);
      const updated = (await app.repos.users.findById(user.id))!;
      return me(updated, await app.startSession(reply, updated));
    },
  );

  app.delete('/api/staff/session', { onRequest: app.requireStaff, schema: { response: { 204: Type.Null(), 401: ErrorResponse, 403: ErrorResponse } } }, async (request, reply) => {
    await audit(request, request.staff!.user.username, 'logout');
    await app.endSession(request, reply);
    return reply.status(204).send(null);
  });
};

export default sessionRoutes;
