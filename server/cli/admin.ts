import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config';
import { openStore, storageTarget, type OpenedStore } from '../db/open-store';
import { loadDemoCounty } from '../domain/bootstrap';
import { COMMANDS, USAGE } from './commands';
import { UsageError } from './context';

/**
 * `npm run admin -- <command> [options]`. Works while the server runs: the same SQLite file (WAL mode) or the
 * same PostgreSQL database (DATABASE_URL).
 * With --json, stdout carries exactly one JSON document; everything else goes to stderr.
 */
async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    process.stderr.write(name && name !== 'help' && name !== '--help' ? `不认识的命令：${name}\n\n${USAGE}` : USAGE);
    return name === 'help' || name === '--help' ? 0 : 2;
  }
  let parsed;
  try {
    parsed = parseArgs({ args: rest, options: command.options, allowPositionals: true, strict: true });
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const config = loadConfig();
  if (command.standalone) {
    try {
      const output = await command.run({ values: parsed.values as Record<string, string | boolean | undefined>, positionals: parsed.positionals, config });
      process.stdout.write(parsed.values.json ? `${JSON.stringify(output.json, null, 2)}\n` : `${output.text}\n`);
      return 0;
    } catch (err) {
      return reportFailure(err);
    }
  }
  let opened: OpenedStore | undefined;
  try {
    opened = await openStore(storageTarget(config), { poolSize: 2 });
    const { store, sqlite } = opened;
    if (config.seedDemo) await loadDemoCounty(store);
    const output = await command.run({ sqlite, store, values: parsed.values as Record<string, string | boolean | undefined>, positionals: parsed.positionals, config });
    if (parsed.values.json) process.stdout.write(`${JSON.stringify(output.json, null, 2)}\n`);
    else process.stdout.write(`${output.text}\n`);
    return 0;
  } catch (err) {
    return reportFailure(err);
  } finally {
    await opened?.close();
  }
}

function reportFailure(err: unknown): number {
  if (err instanceof UsageError) {
    process.stderr.write(`${err.message}\n\n${USAGE}`);
    return 2;
  }
  if (err instanceof ConfigError || (err as { cli?: boolean }).cli) {
    process.stderr.write(`${(err as Error).message}\n`);
    return 1;
  }
  throw err;
}

process.exitCode = await main(process.argv.slice(2)).catch((err: unknown) => {
  process.stderr.write(`${err instanceof ConfigError ? `配置错误：${err.message}` : String((err as Error).stack ?? err)}\n`);
  return 1;
});
