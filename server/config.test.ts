import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('has the contract defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, host: '127.0.0.1', publicBaseUrl: 'http://localhost:3000', trustProxy: false });
    expect(config.dataDir).toMatch(/data$/);
  });

  it('derives PUBLIC_BASE_URL from PORT and trims a trailing slash', () => {
    expect(loadConfig({ PORT: '8080' }).publicBaseUrl).toBe('http://localhost:8080');
    expect(loadConfig({ PUBLIC_BASE_URL: 'https://xfm.example.cn/' }).publicBaseUrl).toBe('https://xfm.example.cn');
  });

  it.each([['abc'], ['70000'], ['-1'], ['3.5']])('rejects PORT=%s with a clear message', (port) => {
    expect(() => loadConfig({ PORT: port })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: port })).toThrow(/PORT/);
  });

  it('rejects a PUBLIC_BASE_URL that is not http(s)', () => {
    expect(() => loadConfig({ PUBLIC_BASE_URL: 'ftp://x' })).toThrow(/PUBLIC_BASE_URL/);
    expect(() => loadConfig({ PUBLIC_BASE_URL: 'not a url' })).toThrow(ConfigError);
  });

  it('rejects a short ADMIN_PASSWORD', () => {
    expect(() => loadConfig({ ADMIN_PASSWORD: 'short' })).toThrow(/ADMIN_PASSWORD/);
    expect(() => loadConfig({ ADMIN_PASSWORD: 'qwertyuiop' })).toThrow(/很常见/);
    expect(() => loadConfig({ ADMIN_PASSWORD: 'admin12345' })).toThrow(/用户名/);
  });
});

describe('DATABASE_URL', () => {
  const KEY = 'a'.repeat(88);

  it('is unset by default: embedded SQLite', () => {
    expect(loadConfig({}).databaseUrl).toBeUndefined();
  });

  it.each([['postgres://xfm:pw@db.internal:5432/xfm'], ['postgresql://localhost/xfm']])('accepts %s with DATA_KEY', (url) => {
    expect(loadConfig({ DATABASE_URL: url, DATA_KEY: KEY }).databaseUrl).toBe(url);
  });

  it.each([['mysql://localhost/xfm'], ['sqlite:./data/x.sqlite'], ['localhost:5432'], ['https://db.internal/xfm']])(
    'rejects %s in Chinese without echoing it',
    (url) => {
      const load = () => loadConfig({ DATABASE_URL: url, DATA_KEY: KEY });
      expect(load).toThrow(ConfigError);
      expect(load).toThrow(/DATABASE_URL 必须是 PostgreSQL 连接地址/);
      try {
        load();
      } catch (err) {
        expect((err as Error).message).not.toContain(url);
      }
    },
  );

  it('requires DATA_KEY, since every app server must share one key', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://localhost/xfm' })).toThrow(/必须同时设置 DATA_KEY/);
  });

  it('takes DATABASE_REPLICA_URL only beside DATABASE_URL, and only as a postgres:// address never echoed', () => {
    const primary = { DATABASE_URL: 'postgres://db-primary/xfm', DATA_KEY: KEY };
    expect(loadConfig(primary).databaseReplicaUrl).toBeUndefined();
    expect(loadConfig({ ...primary, DATABASE_REPLICA_URL: 'postgres://db-standby/xfm' }).databaseReplicaUrl).toBe('postgres://db-standby/xfm');
    expect(() => loadConfig({ DATABASE_REPLICA_URL: 'postgres://db-standby/xfm' })).toThrow(/只能和 DATABASE_URL 一起设置/);
    const wrong = () => loadConfig({ ...primary, DATABASE_REPLICA_URL: 'mysql://secret@db-standby/xfm' });
    expect(wrong).toThrow(/DATABASE_REPLICA_URL 必须是 PostgreSQL 备库的连接地址/);
    try {
      wrong();
    } catch (err) {
      expect((err as Error).message).not.toContain('secret');
    }
  });

  it('takes REDIS_URL only as a redis:// address, never echoing it', () => {
    expect(loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379' }).redisUrl).toBe('redis://127.0.0.1:6379');
    expect(loadConfig({}).redisUrl).toBeUndefined();
    expect(() => loadConfig({ REDIS_URL: 'http://secret@host' })).toThrow(/REDIS_URL 必须是 Redis 连接地址/);
    try {
      loadConfig({ REDIS_URL: 'http://secret@host' });
    } catch (err) {
      expect((err as Error).message).not.toContain('secret');
    }
  });

});
