import fs from 'node:fs';
import type { ParseArgsConfig } from 'node:util';
import { backupDatabase, restoreDatabase } from '../domain/backup';
import { backupPostgres, restorePostgres } from '../domain/backup-postgres';
import { openVault } from '../domain/key-check';
import { createKeyCheckRepository } from '../repositories/key-check';
import { chinaDate } from '../../shared/time';
import { redactClosedCases, redactExitedHouseholds } from '../domain/retention';
import { importRoster } from '../domain/register-import';
import { isSignalSource, SIGNAL_SOURCES } from '../../shared/warnings/sources';
import { importSignalsFromCli } from './import-signals';
import { entryUrl, generateEntryCode } from '../domain/entry-codes';
import { describeEntry } from '../domain/entry-info';
import { generatePassword, hashPassword } from '../domain/passwords';
import { qrPng, qrPosterSvg } from '../domain/qr';
import { STAFF_ROLES, type StaffRole } from '../repositories/users';
import { countyOf } from '../../shared/accounts/scope';
import { CommandError, required, UsageError, type BaseContext, type Context } from './context';
import { accountCounty, checkPassword, countyOption, partnerResource } from './accounts';
import { progressFor, readImportFile, rejectedLines, sayingHeaderErrors } from './import-files';

type Output = Promise<{ json: unknown; text: string }>;
type Options = NonNullable<ParseArgsConfig['options']>;

/** Most commands work on the open database; a standalone one (restore) must run without it. */
export type Command =
  | { standalone?: false; options: Options; run(ctx: Context): Output }
  | { standalone: true; options: Options; run(ctx: BaseContext): Output };

const json = { type: 'boolean' } as const;
const str = { type: 'string' } as const;

export const USAGE = `用法：npm run admin -- <命令> [选项]

  regions [--json]                               列出县、乡镇（街道）、村（社区）
  create-user --username U --role county_admin|township_staff|viewer|province_admin
              [--township CODE] [--county CODE] --password-stdin [--json]
                                                 新建工作人员账号（密码从标准输入读取；只有一个县时
                                                 --county 可以不写；province_admin 只读全省统计和台账）
  reset-password --username U [--password-stdin] [--json]
                                                 重置密码（不给 --password-stdin 时生成临时密码）
  create-qr --township CODE [--village CODE] [--label TEXT] [--json]
                                                 新建幸福码
  list-qr [--township CODE] [--json]             列出幸福码及扫码次数
  disable-qr CODE [--reason TEXT] [--json]       停用幸福码
  enable-qr CODE [--json]                        重新启用幸福码
  qr-image CODE --out FILE.png|FILE.svg          导出二维码图片（SVG 为带乡镇名称的海报）
  redact-closed [--older-than-days N] [--json]  清除办结超过 N 天（默认 RETENTION_DAYS 或 1095）的案件个人信息
  import-register --file F.csv|F.xlsx [--json]   导入县里的在册名单（列见 README）；同一文件再导入不会重复
  import-signals --source medical|disability|death|unemployment|student|exit --file F.csv|F.xlsx [--county CODE] [--json]
                                                 导入部门数据（医保、残联、死亡、人社、教育、退出），按规则产生预警；同一文件再导入不会重复预警
  backup --out FILE [--json]                     在线备份数据库（服务运行时也可以）
  restore --from FILE --confirm [--json]         用备份替换数据库（请先停止服务）
`;

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) throw new UsageError('请通过标准输入提供密码，例如：echo "密码" | npm run admin -- …');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

function firstCode(ctx: Context): string {
  const code = ctx.positionals[0];
  if (!code) throw new UsageError('缺少幸福码编号');
  return code.trim().toUpperCase();
}

/** The vault for this database: the key must fit the data already stored (server/domain/key-check.ts). */
function openCliVault(ctx: Context) {
  return openVault(createKeyCheckRepository(ctx.store.db), ctx.config.dataDir, ctx.config.dataKey);
}

export const COMMANDS: Record<string, Command> = {
  regions: {
    options: { json },
    async run({ store }) {
      const regions = (await store.repos.regions.list()).map(({ code, name, level, parent }) => ({ code, name, level, parent }));
      const text = regions.map((r) => `${'  '.repeat(r.level === 'county' ? 0 : r.level === 'township' ? 1 : 2)}${r.code}  ${r.name}`).join('\n');
      return { json: regions, text };
    },
  },

  'create-user': {
    options: { json, username: str, role: str, township: str, county: str, resource: str, 'password-stdin': { type: 'boolean' } },
    async run(ctx) {
      const username = required(ctx, 'username');
      const role = required(ctx, 'role') as StaffRole;
      if (!STAFF_ROLES.includes(role)) throw new UsageError(`--role 只能是 ${STAFF_ROLES.join('、')}`);
      if (!/^[A-Za-z0-9_.-]{3,32}$/.test(username)) throw new CommandError('用户名只能用 3 到 32 个英文字母、数字、下划线、点或短横线');
      const township = typeof ctx.values.township === 'string' ? ctx.values.township : null;
      if (role === 'township_staff' && !township) throw new UsageError('乡镇工作人员必须指定 --township');
      if (township && !(await ctx.store.repos.regions.findTownship(township))) throw new CommandError(`没有这个乡镇（街道）代码：${township}`);
      const resourceId = await partnerResource(ctx, role, township);
      const county = await accountCounty(ctx, role, township);
      if (!ctx.values['password-stdin']) throw new UsageError('请用 --password-stdin 从标准输入提供密码');
      const password = checkPassword(await readStdin(), username);
      if (await ctx.store.repos.users.findByUsername(username)) throw new CommandError(`用户名 ${username} 已存在`);
      // Set by someone other than its owner: temporary, to be changed at first login.
      const id = await ctx.store.repos.users.create({ username, passwordHash: await hashPassword(password), role, township, mustChangePassword: true, resourceId, county });
      await ctx.store.repos.audit.record({ actor: 'cli', action: 'user.create', target: `user:${id}`, detail: JSON.stringify({ username, role, township, county, resourceId }), county });
      return {
        json: { id, username, role, township, county, ...(resourceId ? { resource: resourceId } : {}) },
        text: `已创建账号 ${username}（${role}${township ? `，${township}` : ''}${resourceId ? `，资源 ${resourceId}` : ''}），对方首次登录后需修改密码`,
      };
    },
  },

  'reset-password': {
    options: { json, username: str, 'password-stdin': { type: 'boolean' } },
    async run(ctx) {
      const username = required(ctx, 'username');
      const user = await ctx.store.repos.users.findByUsername(username);
      if (!user) throw new CommandError(`没有这个用户：${username}`);
      const given = ctx.values['password-stdin'] ? checkPassword(await readStdin(), username) : undefined;
      const password = given ?? generatePassword();
      await ctx.store.repos.users.setPassword(user.id, await hashPassword(password), true);
      await ctx.store.repos.audit.record({ actor: 'cli', action: 'user.reset_password', target: `user:${user.id}`, county: user.county });
      return {
        json: { username, ...(given ? {} : { temporaryPassword: password }) },
        text: given ? `已重置 ${username} 的密码，对方首次登录后需修改密码` : `已重置 ${username} 的密码，临时密码（只显示这一次）：${password}\n对方首次登录后需修改密码。`,
      };
    },
  },

  'create-qr': {
    options: { json, township: str, village: str, label: str },
    async run(ctx) {
      const township = await ctx.store.repos.regions.findTownship(required(ctx, 'township'));
      if (!township) throw new CommandError(`没有这个乡镇（街道）代码：${String(ctx.values.township)}`);
      const villageCode = typeof ctx.values.village === 'string' ? ctx.values.village : null;
      if (villageCode) {
        const village = await ctx.store.repos.regions.find(villageCode);
        if (village?.level !== 'village' || village.parent !== township.code) {
          throw new CommandError(`${villageCode} 不是${township.name}下属的村（社区）`);
        }
      }
      const label = typeof ctx.values.label === 'string' ? ctx.values.label.trim().slice(0, 60) || null : null;
      const code = generateEntryCode();
      await ctx.store.repos.entries.insert({ code, township: township.code, village: villageCode, label });
      await ctx.store.repos.audit.record({ actor: 'cli', action: 'entry.create', target: `entry:${code}`, county: countyOf(township.code) });
      const url = entryUrl(ctx.config.publicBaseUrl, code);
      return { json: { code, url, township: township.code, label }, text: `已创建幸福码 ${code}\n${url}` };
    },
  },

  'list-qr': {
    options: { json, township: str },
    async run(ctx) {
      const filter = typeof ctx.values.township === 'string' ? ctx.values.township : undefined;
      const entries = (await ctx.store.repos.entries.list())
        .filter((e) => !filter || e.township === filter)
        .map((e) => ({ code: e.code, url: entryUrl(ctx.config.publicBaseUrl, e.code), township: e.township, village: e.village, label: e.label, active: e.active, scans: e.scanCount, completions: e.completionCount }));
      const text = entries.length
        ? entries.map((e) => `${e.code}  ${e.active ? '启用' : '停用'}  扫码 ${e.scans}  ${e.label ?? ''}  ${e.url}`).join('\n')
        : '还没有幸福码';
      return { json: entries, text };
    },
  },

  'disable-qr': {
    options: { json, reason: str },
    async run(ctx) {
      const code = firstCode(ctx);
      const reason = typeof ctx.values.reason === 'string' ? ctx.values.reason : '管理员停用';
      if (!(await ctx.store.repos.entries.setActive(code, false, reason))) throw new CommandError(`没有这个幸福码：${code}`);
      await ctx.store.repos.audit.record({ actor: 'cli', action: 'entry.disable', target: `entry:${code}`, detail: reason });
      return { json: { code, active: false }, text: `已停用幸福码 ${code}` };
    },
  },

  'enable-qr': {
    options: { json },
    async run(ctx) {
      const code = firstCode(ctx);
      if (!(await ctx.store.repos.entries.setActive(code, true, null))) throw new CommandError(`没有这个幸福码：${code}`);
      await ctx.store.repos.audit.record({ actor: 'cli', action: 'entry.enable', target: `entry:${code}` });
      return { json: { code, active: true }, text: `已启用幸福码 ${code}` };
    },
  },

  'redact-closed': {
    options: { json, 'older-than-days': str },
    async run(ctx) {
      const raw = typeof ctx.values['older-than-days'] === 'string' ? ctx.values['older-than-days'] : (process.env.RETENTION_DAYS ?? '1095');
      const days = Number(raw);
      if (!Number.isInteger(days) || days < 30) throw new UsageError('--older-than-days 必须是不小于 30 的整数');
      const now = new Date();
      const before = new Date(now.getTime() - days * 86_400_000).toISOString();
      const vault = await openCliVault(ctx);
      const count = await redactClosedCases(ctx.store, vault, before, now.toISOString());
      const households = await redactExitedHouseholds(ctx.store, vault, chinaDate(before), now.toISOString());
      await ctx.store.repos.audit.record({ actor: 'cli', action: 'retention.redact', detail: JSON.stringify({ days, count, households }) });
      return {
        json: { days, redacted: count, households },
        text: `已清除 ${count} 个办结超过 ${days} 天的案件、${households} 户退出后监测期满超过 ${days} 天的在册户的个人信息（统计数据保留）`,
      };
    },
  },

  'import-register': {
    options: { json, file: str },
    async run(ctx) {
      const { file, table } = await readImportFile(ctx);
      const vault = await openCliVault(ctx);
      const summary = await sayingHeaderErrors(importRoster(ctx.store, vault, table, new Date().toISOString(), { onProgress: progressFor(table) }));
      await ctx.store.repos.audit.record({ actor: 'cli', action: 'register.import', detail: JSON.stringify({ file: file.split(/[\\/]/).pop(), rows: summary.rows, imported: summary.imported, updated: summary.updated, rejected: summary.rejected.length }) });
      const lines = [
        `共 ${summary.rows} 行：新导入 ${summary.imported} 户，更新 ${summary.updated} 户，未导入 ${summary.rejected.length} 行`,
        ...rejectedLines(summary.rejected),
      ];
      return { json: summary, text: lines.join('\n') };
    },
  },

  'import-signals': {
    options: { json, file: str, source: str, county: str },
    async run(ctx) {
      const source = required(ctx, 'source');
      if (!isSignalSource(source)) throw new UsageError(`--source 只能是 ${SIGNAL_SOURCES.join('、')} 之一`);
      const file = required(ctx, 'file');
      if (!fs.existsSync(file)) throw new CommandError(`找不到文件：${file}`);
      // The county's rules apply and the rows must lie in it, as when its admin imports on the page.
      const county = await countyOption(ctx, '名单所属的');
      const result = await importSignalsFromCli(ctx.store, await openCliVault(ctx), { source, file, bytes: fs.readFileSync(file), county }, (line) =>
        process.stderr.write(`${line}\n`),
      );
      if (!result.ok) throw new CommandError(result.message);
      const { summary } = result;
      const { rejected } = summary;
      const lines = [
        `共 ${summary.rows} 行：对上在册或在办 ${summary.matched} 人，新预警 ${summary.warnings} 条，已预警过 ${summary.duplicates} 条，未导入 ${rejected.length} 行`,
        ...rejectedLines(rejected),
      ];
      return { json: summary, text: lines.join('\n') };
    },
  },

  backup: {
    options: { json, out: str },
    async run(ctx) {
      const out = required(ctx, 'out');
      const result = ctx.sqlite ? await backupDatabase(ctx.sqlite, out) : await backupPostgres(ctx.store, ctx.config.databaseUrl!, out);
      const key = ctx.sqlite ? `${ctx.config.dataDir}/secret.key（或 DATA_KEY）` : 'DATA_KEY';
      return {
        json: result,
        text: `已备份到 ${out}（${result.cases} 个案件，${Math.round(result.bytes / 1024)} KiB）\n注意：个人信息是加密保存的，恢复时还需要 ${key}，请另行妥善保管。`,
      };
    },
  },

  restore: {
    standalone: true,
    options: { json, from: str, confirm: { type: 'boolean' } },
    async run(ctx) {
      const from = required(ctx, 'from');
      if (!ctx.values.confirm) throw new UsageError('恢复会替换现有数据库，请先停止服务，再加 --confirm 确认');
      if (ctx.config.databaseUrl) {
        await restorePostgres(from, ctx.config.databaseUrl, ctx.config.dataDir, ctx.config.dataKey);
        return { json: { restored: true }, text: `已从 ${from} 恢复到 PostgreSQL。请重新启动各台应用服务器。` };
      }
      const result = await restoreDatabase(from, ctx.config.dataDir, ctx.config.dataKey);
      return { json: result, text: `已从 ${from} 恢复（${result.cases} 个案件）。请重新启动服务。` };
    },
  },

  'qr-image': {
    options: { json, out: str },
    async run(ctx) {
      const code = firstCode(ctx);
      const out = required(ctx, 'out');
      const info = await describeEntry(ctx.store, code);
      if (!info) throw new CommandError(`没有这个幸福码：${code}`);
      const url = entryUrl(ctx.config.publicBaseUrl, info.code);
      if (/\.png$/i.test(out)) fs.writeFileSync(out, await qrPng(url));
      else if (/\.svg$/i.test(out)) {
        const place = [info.township.name, info.village?.name].filter(Boolean).join(' ');
        fs.writeFileSync(out, await qrPosterSvg({ url, code: info.code, township: place, label: info.label }));
      } else throw new UsageError('--out 的文件名要以 .png 或 .svg 结尾');
      return { json: { code: info.code, url, file: out }, text: `已写入 ${out}（${url}）` };
    },
  },
};
