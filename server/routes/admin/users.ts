import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import {
  AccountParams,
  AccountWithPassword,
  CreateAccountBody,
  StaffAccount,
  StaffAccountList,
  UpdateAccountBody,
  type StaffAccountInfo,
  usernameTaken,
} from '../../../shared/schemas/admin-users';
import { ErrorResponse } from '../../../shared/schemas/common';
import { AppError } from '../../app-error';
import { generatePassword, hashPassword } from '../../domain/passwords';
import type { StaffAccount as Account, StaffRole } from '../../repositories/users';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

/** Staff accounts: list, create with a one-time temporary password, role and township, disable, reset. All audited. */
const adminUserRoutes: FastifyPluginAsyncTypebox = async (app) => {

  const view = (account: Account): StaffAccountInfo => {
    const township = account.township ? app.repos.regions.find(account.township) : undefined;
    return {
      id: account.id,
      username: account.username,
      role: account.role,
      township: township ? { code: township.code, name: township.name } : null,
      mustChangePassword: account.mustChangePassword,
      disabled: account.disabled,
      locked: account.lockedUntil !== null && Date.parse(account.lockedUntil) > Date.now(),
      createdAt: account.createdAt,
    };
  };
  const find = (id: string) => {
    const account = app.repos.users.listManaged().find((a) => a.id === Number(id));
    if (!account) throw new AppError('NOT_FOUND', 404, '没有这个账号');
    return account;
  };
  /** Township staff need a township; a viewer may have one; a county admin has none. */
  const townshipFor = (role: StaffRole, township: string | null | undefined): string | null => {
    if (role === 'county_admin') return null;
    if (!township) {
      if (role === 'township_staff') throw new AppError('VALIDATION_FAILED', 400, undefined, { township: '乡镇（街道）工作人员请选择所属乡镇（街道）' });
      return null;
    }
    if (!app.repos.regions.findTownship(township)) throw new AppError('VALIDATION_FAILED', 400, undefined, { township: '没有这个乡镇（街道）' });
    return township;
  };
  const audit = (request: FastifyRequest, action: string, id: number, detail: unknown = null) =>
    app.repos.audit.record({
      actor: request.staff!.user.username,
      action,
      target: `user:${id}`,
      detail: detail === null ? null : JSON.stringify(detail),
      clientIp: request.ip,
    });
  /** The last working county admin cannot be demoted or disabled: someone must be able to manage the county. */
  const keepOneAdmin = (account: Account) => {
    if (account.role === 'county_admin' && !account.disabled && app.repos.users.countActiveAdmins() <= 1) {
      throw new AppError('CONFLICT', 409, '这是最后一个县级管理员账号，不能停用或改为其他角色');
    }
  };

  app.get('/api/admin/users', { schema: { response: { 200: StaffAccountList, ...errors } } }, async () => ({
    items: app.repos.users.listManaged().map(view),
  }));

  app.post('/api/admin/users', { schema: { body: CreateAccountBody, response: { 201: AccountWithPassword, ...errors } } }, async (request, reply) => {
    const { username, role } = request.body;
    const township = townshipFor(role, request.body.township);
    if (app.repos.users.findByUsername(username)) throw new AppError('USERNAME_TAKEN', 409, undefined, { username: usernameTaken(username) });
    const temporaryPassword = generatePassword();
    const id = app.repos.users.create({ username, passwordHash: await hashPassword(temporaryPassword), role, township, mustChangePassword: true });
    audit(request, 'user.create', id, { username, role, township });
    return reply.status(201).send({ account: view(find(String(id))), temporaryPassword });
  });

  app.patch('/api/admin/users/:id', { schema: { params: AccountParams, body: UpdateAccountBody, response: { 200: StaffAccount, ...errors } } }, async (request) => {
    const account = find(request.params.id);
    const { role } = request.body;
    const township = townshipFor(role, request.body.township);
    if (role !== 'county_admin') keepOneAdmin(account);
    app.repos.users.setRole(account.id, role, township);
    // New rights start with a new login: open sessions carry the old role's view.
    app.repos.sessions.removeForUser(account.id);
    audit(request, 'user.update', account.id, { from: { role: account.role, township: account.township }, to: { role, township } });
    return view(find(request.params.id));
  });

  app.post('/api/admin/users/:id/disable', { schema: { params: AccountParams, response: { 200: StaffAccount, ...errors } } }, async (request) => {
    const account = find(request.params.id);
    if (account.id === request.staff!.user.id) throw new AppError('CONFLICT', 409, '不能停用自己正在使用的账号');
    keepOneAdmin(account);
    app.repos.users.setDisabled(account.id, true);
    app.repos.sessions.removeForUser(account.id);
    audit(request, 'user.disable', account.id);
    return view(find(request.params.id));
  });

  app.post('/api/admin/users/:id/enable', { schema: { params: AccountParams, response: { 200: StaffAccount, ...errors } } }, async (request) => {
    const account = find(request.params.id);
    app.repos.users.setDisabled(account.id, false);
    audit(request, 'user.enable', account.id);
    return view(find(request.params.id));
  });

  app.post('/api/admin/users/:id/reset-password', { schema: { params: AccountParams, response: { 200: AccountWithPassword, ...errors } } }, async (request) => {
    const account = find(request.params.id);
    const temporaryPassword = generatePassword();
    app.repos.users.setPassword(account.id, await hashPassword(temporaryPassword), true);
    app.repos.sessions.removeForUser(account.id);
    audit(request, 'user.reset_password', account.id);
    return { account: view(find(request.params.id)), temporaryPassword };
  });
};

export default adminUserRoutes;
