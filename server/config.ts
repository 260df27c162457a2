import path from 'node:path';
import { staffPasswordError } from './domain/common-passwords';
import { DEFAULT_CLIENT_DIST } from './paths';

/** Everything the server reads from the environment, validated once at start-up. */
export interface AppConfig {
  port: number;
  host: string;
  dataDir: string;
  publicBaseUrl: string;
  adminPassword?: string;
  /** Only trust X-Forwarded-For when an operator says a proxy sits in front. */
  trustProxy: boolean | string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'silent';
  clientDist: string;
  /** base64 of 64 bytes: AES-256 key + blind-index key. Unset: generated into DATA_DIR on first start. */
  dataKey?: string;
  /** Skip loading the demo county (tests that build their own regions). */
  seedDemo: boolean;
  /** `postgres://…` selects the PostgreSQL engine; unset keeps embedded SQLite in DATA_DIR. */
  databaseUrl?: string;
  /** `postgres://…` of a streaming standby of DATABASE_URL: county reports read there (server/reports/replica-reader.ts). */
  databaseReplicaUrl?: string;
  /** `redis://…`: rate limits, login throttling and cache invalidation shared by several app servers. */
  redisUrl?: string;
}

export class ConfigError extends Error {}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'silent'] as const;

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<AppConfig> = {}): AppConfig {
  const port = parsePort(env.PORT ?? '3000');
  const host = env.HOST?.trim() || '127.0.0.1';
  const dataDir = path.resolve(env.DATA_DIR?.trim() || './data');
  const publicBaseUrl = parseBaseUrl(env.PUBLIC_BASE_URL?.trim() || `http://localhost:${port}`);
  const logLevel = (env.LOG_LEVEL?.trim() || 'info') as AppConfig['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL 只能是 ${LOG_LEVELS.join(', ')} 之一，现在是 "${env.LOG_LEVEL}"`);
  }
  const adminPassword = env.ADMIN_PASSWORD;
  const adminPasswordProblem = adminPassword === undefined ? null : staffPasswordError(adminPassword, 'admin');
  if (adminPasswordProblem) {
    throw new ConfigError(`ADMIN_PASSWORD 不合适：${adminPasswordProblem}`);
  }
  const databaseUrl = parseDatabaseUrl(env.DATABASE_URL?.trim() || undefined);
  const dataKey = env.DATA_KEY?.trim() || undefined;
  if (databaseUrl && !dataKey) {
    // Several app servers share one database, so none may invent its own key.
    throw new ConfigError('设置了 DATABASE_URL 时必须同时设置 DATA_KEY（所有应用服务器使用同一个密钥），否则各服务器无法读出彼此加密的个人信息');
  }
  const databaseReplicaUrl = parseReplicaUrl(env.DATABASE_REPLICA_URL?.trim() || undefined);
  if (databaseReplicaUrl && !databaseUrl) {
    // A standby copies a primary: without the PostgreSQL primary there is nothing for it to follow.
    throw new ConfigError('DATABASE_REPLICA_URL 是 PostgreSQL 主库的只读备库，只能和 DATABASE_URL 一起设置；使用内置 SQLite 时请不要设置它');
  }
  return {
    port,
    host,
    dataDir,
    publicBaseUrl,
    adminPassword,
    dataKey,
    databaseUrl,
    databaseReplicaUrl,
    redisUrl: parseRedisUrl(env.REDIS_URL?.trim() || undefined),
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    logLevel,
    clientDist: path.resolve(env.CLIENT_DIST?.trim() || DEFAULT_CLIENT_DIST),
    seedDemo: env.SEED_DEMO !== 'false',
    ...overrides,
  };
}

function parsePort(raw: string): number {
  const port = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || !Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT 必须是 0 到 65535 之间的整数，现在是 "${raw}"`);
  }
  return port;
}

function parseBaseUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`PUBLIC_BASE_URL 不是有效的网址："${raw}"（例如 https://xfm.example.gov.cn）`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(`PUBLIC_BASE_URL 必须以 http:// 或 https:// 开头："${raw}"`);
  }
  return url.origin + url.pathname.replace(/\/+$/, '');
}

/**
 * A connection address for a service (PostgreSQL, Redis) with one of `protocols` and a host. Never echoed in the
 * error: it may carry a password.
 */
function parseServiceUrl(raw: string | undefined, protocols: readonly string[], refusal: string): string | undefined {
  if (raw === undefined) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    url = undefined;
  }
  if (!url || !protocols.includes(url.protocol) || !url.hostname) throw new ConfigError(refusal);
  return raw;
}

const parseDatabaseUrl = (raw: string | undefined) =>
  parseServiceUrl(raw, ['postgres:', 'postgresql:'], 'DATABASE_URL 必须是 PostgreSQL 连接地址，例如 postgres://用户名:密码@主机:5432/数据库名；使用内置 SQLite 时请不要设置它');

const parseReplicaUrl = (raw: string | undefined) =>
  parseServiceUrl(raw, ['postgres:', 'postgresql:'], 'DATABASE_REPLICA_URL 必须是 PostgreSQL 备库的连接地址，例如 postgres://用户名:密码@备库主机:5432/数据库名');

const parseRedisUrl = (raw: string | undefined) =>
  parseServiceUrl(raw, ['redis:', 'rediss:'], 'REDIS_URL 必须是 Redis 连接地址，例如 redis://主机:6379；只有一台应用服务器时不需要设置它');

function parseTrustProxy(raw: string | undefined): boolean | string {
  if (raw === undefined || raw === '' || raw === 'false' || raw === '0') return false;
  if (raw === 'true' || raw === '1') return true;
  // A comma-separated list of proxy addresses/CIDRs, passed to Fastify as is.
  return raw;
}
