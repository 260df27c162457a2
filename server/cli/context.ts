import type { AppConfig } from '../config';
import type { DB } from '../db/open';
import type { Store } from '../db/store';

/** The command line was wrong: the message and the usage, exit 2. */
export class UsageError extends Error {}

/** A failure the operator can fix (unknown township, duplicate user): message only, exit 1. */
export class CommandError extends Error {
  readonly cli = true;
}

export interface BaseContext {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
  config: AppConfig;
}

export interface Context extends BaseContext {
  store: Store;
  /** The raw SQLite connection, for what only SQLite does (the online backup); absent on PostgreSQL. */
  sqlite?: DB;
}

/** The value of `--name`, trimmed; missing or blank is a usage error. */
export function required(ctx: BaseContext, name: string): string {
  const value = ctx.values[name];
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`缺少 --${name}`);
  return value.trim();
}
