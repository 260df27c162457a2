/**
 * Whether an error means the database cannot take a request just now, rather than that the request is wrong: the
 * disk is full, the database is read-only (a PostgreSQL standby after a failover, say), locked, restarting or out
 * of reach. The app answers 503 with Retry-After, and the phone keeps the submission and sends it again.
 */
export function isStorageUnavailable(err: { code?: unknown; message?: unknown }): boolean {
  const code = typeof err.code === 'string' ? err.code : '';
  if (SQLITE_CODES.some((prefix) => code === prefix || code.startsWith(`${prefix}_`))) return true;
  if (/^[0-9A-Z]{5}$/.test(code)) return POSTGRES_CLASSES.includes(code.slice(0, 2)) || POSTGRES_CODES.has(code);
  if (SOCKET_CODES.has(code)) return true;
  // node-postgres gives a connection that the server closed under it no code, only these words.
  return typeof err.message === 'string' && err.message.startsWith('Connection terminated');
}

const SQLITE_CODES = ['SQLITE_READONLY', 'SQLITE_FULL', 'SQLITE_BUSY', 'SQLITE_LOCKED', 'SQLITE_IOERR', 'SQLITE_CANTOPEN'];

// PostgreSQL SQLSTATEs (PostgreSQL 15 manual, appendix A): class 08 connection exception, class 53 insufficient
// resources (disk full, out of memory, too many connections); 57P01–57P03 the server shutting down or starting up;
// 25006 a write in a read-only transaction (the app's pool on a server that is not, or no longer, the primary).
const POSTGRES_CLASSES = ['08', '53'];
const POSTGRES_CODES = new Set(['57P01', '57P02', '57P03', '25006']);

// Node's own errors when the database server cannot be reached at all.
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
