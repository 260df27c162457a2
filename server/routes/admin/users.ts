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
import { scopeOf } from '../../plugins/auth';
import { countyOf } from '../../../shared/accounts/scope';
import type { StaffAccount as Account, StaffRole } from '../../repositories/users';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

/** Staff accounts: list, create with a one-time temporary password, role and township, disable, reset. All audited. */
const adminUserRoutes: FastifyPluginAsyncTypebox = async (app) => {

  const view = async (account: Account): Promise<StaffAccountInfo> => {
    const township = account.township ? await app.repos.regions.find(account.township) : undefined;
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
  // A county admin manages the accounts of their own county only.
  const countyOfCaller = (request: FastifyRequest) => scopeOf(request.staff!.user).county;
  const find = async (request: FastifyRequest, id: string) => {
    const account = (await app.repos.users.listManaged(countyOfCaller(request))).find((a) => a.id === Number(id));
    if (!account) throw new AppError('NOT_FOUND', 404, '没有这个账号');
    return account;
  };
  /** Township staff need a township; a viewer may have one; a county admin has none. */
  const townshipFor = async (request: FastifyRequest, role: StaffRole, township: string | null | undefined): Promise<string | null> => {
    if (role === 'county_admin') return null;
    if (!township) {
      if (role === 'township_staff') throw new AppError('VALIDATION_FAILED', 400, undefined, { township: '乡镇（街道）工作人员请选择所属乡镇（街道）' });
      return null;
    }
    const county = countyOfCaller(request);
    if (!(await app.repos.regions.findTownship(township)) || (county !== null && countyOf(township) !== county)) throw new AppError('VALIDATION_FAILED', 400, undefined, { township: '没有这个乡镇（街道）' });
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
  const keepOneAdmin = async (request: FastifyRequest, account: Account) => {
    if (account.role === 'county_admin' && !account.disabled && (await app.repos.users.countActiveAdmins(countyOfCaller(request))) <= 1) {
      throw new AppError('CONFLICT', 409, '这是最后一个县级管理员账号，不能停用或改为其他角色');
    }
  };

  app.get('/api/admin/users', { schema: { response: { 200: StaffAccountList, ...errors } } }, async (request) => ({
    items: await Promise.all((await app.repos.users.listManaged(countyOfCaller(request))).map(view)),
  }));

  app.post('/api/admin/users', { schema: { body: CreateAccountBody, response: { 201: AccountWithPassword, ...errors } } }, async (request, reply) => {
    const { username, role } = request.body;
    const township = await townshipFor(request, role, request.body.township);
    if (await app.repos.users.findByUsername(username)) throw new AppError('USERNAME_TAKEN', 409, undefined, { username: usernameTaken(username) });
    const temporaryPassword = generatePassword();
    const id = await app.repos.users.create({ username, passwordHash: await hashPassword(temporaryPassword), role, township, mustChangePassword: true, county: countyOfCaller(request) ?? undefined });
    await audit(request, 'user.create', id, { username, role, township });
    return reply.status(201).send({ account: await view(await find(request, String(id))), temporaryPassword });
  });

  app.patch('/api/admin/users/:id', { schema: { params: AccountParams, body: UpdateAccountBody, response: { 200: StaffAccount, ...errors } } }, async (request) => {
    const account = await find(request, request.params.id);
    const { role } = request.body;
    const township = await townshipFor(request, role, request.body.township);
    if (role !== 'county_admin') await keepOneAdmin(request, account);
    await app.repos.users.setRole(account.id, role, township);
    // New rights start with a new login: open sessions carry the old role's view.
    await app.repos.sessions.removeForUser(account.id);
    await audit(request, 'user.update', account.id, { from: { role: account.role, township: account.township }, to: { role, township } });
    return view(await find(request, request.params.id));
  });

  app.post('/api/admin/users/:id/disable', { schema: { params: AccountParams, response: { 200: StaffAccount, ...errors } } }, async (request) => {
    const account = await find(request, request.params.id);
    if (account.id === request.staff!.user.id) throw new AppError('CONFLICT', 409, '不能停用自己正在使用的账号');
    await keepOneAdmin(request, account);
    await app.repos.users.setDisabled(account.id, true);
    await app.repos.sessions.removeForUser(account.id);
    await audit(request, 'user.disable', account.id);
    return view(await find(request, request.params.id));
  });

  app.post('/api/admin/users/:id/enable', { schema: { params: AccountParams, response: { 200: StaffAccount, ...errors } } }, async (request) => {
    const account = await find(request, request.params.id);
    await app.repos.users.setDisabled(account.id, false);
    await audit(request, 'user.enable', account.id);
    return view(await find(request, request.params.id));
  });

  app.post('/api/admin/users/:id/reset-password', { schema: { params: AccountParams, response: { 200: AccountWithPassword, ...errors } } }, async (request) => {
    const account = await find(request, request.params.id);
    const temporaryPassword = generatePassword();
    await app.repos.users.setPassword(account.id, await hashPassword(temporaryPassword), true);
    await app.repos.sessions.removeForUser(account.id);
    await audit(request, 'user.reset_password', account.id);
    return { account: await view(await find(request, request.params.id)), temporaryPassword };
  });
};

export default adminUserRoutes;
