import { countyOf } from '../../shared/accounts/scope';
import { staffPasswordError } from '../domain/common-passwords';
import type { StaffRole } from '../repositories/users';
import { CommandError, UsageError, type Context } from './context';

/** A password set from the command line meets the same rules as one chosen on the page. */
export function checkPassword(password: string, username: string): string {
  const problem = staffPasswordError(password, username);
  if (problem) throw new CommandError(problem);
  return password;
}

/** A partner answers for exactly one active resource of the library, and has no township of its own. */
export async function partnerResource(ctx: Context, role: StaffRole, township: string | null): Promise<number | null> {
  const raw = ctx.values.resource;
  if (role !== 'partner') {
    if (raw !== undefined) throw new UsageError('只有合作方账号（--role partner）才能指定 --resource');
    return null;
  }
  if (township) throw new UsageError('合作方账号不属于乡镇，请不要指定 --township');
  if (typeof raw !== 'string' || !/^[1-9]\d{0,9}$/.test(raw)) throw new UsageError('合作方账号必须用 --resource 指定资源库里的编号');
  const resource = await ctx.store.repos.resources.find(Number(raw));
  if (!resource || resource.retiredAt !== null) throw new CommandError(`资源库里没有在用的资源 ${raw}`);
  return resource.id;
}

/**
 * The county an account belongs to (#16): a township's; else --county; else the only county the regions hold. A
 * province admin has none.
 */
export async function accountCounty(ctx: Context, role: StaffRole, township: string | null): Promise<string | null> {
  const raw = ctx.values.county;
  const asked = typeof raw === 'string' ? raw : null;
  if (role === 'province_admin') {
    if (township || asked) throw new UsageError('省级账号看全省，请不要指定 --township 或 --county');
    return null;
  }
  if (township) {
    if (asked && countyOf(township) !== asked) throw new UsageError(`乡镇 ${township} 不在县 ${asked} 里`);
    return countyOf(township);
  }
  return countyOption(ctx, '账号所属的');
}

/** `--county CODE`, checked against the regions; left out, the only county (several counties: the operator must say). */
export async function countyOption(ctx: Context, whose: string): Promise<string | null> {
  const raw = ctx.values.county;
  const asked = typeof raw === 'string' ? raw : null;
  const counties = (await ctx.store.repos.regions.list()).filter((r) => r.level === 'county').map((r) => r.code);
  if (asked) {
    if (!counties.includes(asked)) throw new CommandError(`没有这个县（市、区）代码：${asked}`);
    return asked;
  }
  if (counties.length > 1) throw new UsageError(`这里有几个县的数据，请用 --county 指定${whose}县（市、区）代码`);
  return counties[0] ?? null;
}
