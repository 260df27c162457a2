import { describe, expect, it } from 'vitest';
import { isStorageUnavailable } from './storage-unavailable';

describe('isStorageUnavailable', () => {
  it.each([
    ['SQLITE_FULL'], ['SQLITE_READONLY_DBMOVED'], ['SQLITE_BUSY'],
    ['53100'], ['53300'], ['08006'], ['57P01'], ['57P03'], ['25006'],
    ['ECONNREFUSED'], ['ECONNRESET'],
  ])('%s: the database cannot take it just now', (code) => {
    expect(isStorageUnavailable({ code })).toBe(true);
  });

  it.each([
    // A wrong request or a bug: unique violation, check violation, syntax error, a constraint of SQLite, Fastify's own.
    ['23505'], ['23514'], ['42601'], ['SQLITE_CONSTRAINT_UNIQUE'], ['FST_ERR_CTP_INVALID_JSON_BODY'], [''],
  ])('%s: not the database being away', (code) => {
    expect(isStorageUnavailable({ code })).toBe(false);
  });

  it('knows a connection the server closed, which node-postgres reports without a code', () => {
    expect(isStorageUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isStorageUnavailable(new Error('secret internal detail'))).toBe(false);
  });
});
