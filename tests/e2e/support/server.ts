import { spawn, execFile, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { randomBytes } from 'node:crypto';
import { createTestDatabase } from '../../helpers/postgres';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
/** Node's flags from `npm start` (package.json), so tests and the bench run the server exactly as it is started. */
const START_FLAGS = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start
  .split(/\s+/)
  .filter((arg) => arg.startsWith('--'));

export interface RunningServer {
  url: string;
  dataDir: string;
  env: NodeJS.ProcessEnv;
  process: ChildProcess;
  output(): string;
  admin(args: string[], input?: string): Promise<string>;
  stop(signal?: NodeJS.Signals): Promise<void>;
  /** Drops the throwaway PostgreSQL database this server was given (stop() does it unless the signal is a kill). */
  dropDatabase(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });
}

/**
 * With XFM_TEST_ENGINE=postgres (the e2e-pg suite), each server gets a throwaway PostgreSQL database of its own and
 * a DATA_KEY, as a province's servers would; dropped when the server stops for good.
 */
async function engineEnv(): Promise<{ env: Record<string, string>; drop(): Promise<void> }> {
  if (process.env.XFM_TEST_ENGINE !== 'postgres') return { env: {}, drop: async () => {} };
  const database = await createTestDatabase();
  return { env: { DATABASE_URL: database.url, DATA_KEY: randomBytes(64).toString('base64') }, drop: () => database.drop() };
}

/** Starts the real server (`scripts/start.mjs`, as `npm start` does) on a free port and a fresh DATA_DIR. */
export async function startRealServer(extraEnv: Record<string, string> = {}, dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xfm-e2e-'))): Promise<RunningServer> {
  const port = await freePort();
  const engine = extraEnv.DATABASE_URL ? { env: {}, drop: async () => {} } : await engineEnv();
  const env = { ...process.env, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...engine.env, ...extraEnv };
  // Plain `node scripts/start.mjs`, as `npm start` runs it: the child IS the server, so SIGKILL really kills it.
  const child = spawn(process.execPath, [...START_FLAGS, path.join(ROOT, 'scripts', 'start.mjs')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout!.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (log += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${log}`)), 60_000);
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${log}`)));
    const check = () => (log.includes('幸福码已启动') ? (clearTimeout(timer), resolve()) : setTimeout(check, 50));
    check();
  });
  const run = promisify(execFile);
  return {
    url,
    dataDir,
    env,
    process: child,
    output: () => log,
    async admin(args, input) {
      const p = run(TSX, [path.join(ROOT, 'server', 'cli', 'admin.ts'), ...args], { cwd: ROOT, env });
      p.child.stdin!.end(input ?? '');
      return (await p).stdout;
    },
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill(signal);
        await exited;
      }
      // A server killed to be restarted on the same data (durability) keeps its database: see dropDatabase.
      if (signal === 'SIGTERM') await engine.drop();
    },
    dropDatabase: () => engine.drop(),
  };
}

export async function activeEntryCodes(server: RunningServer): Promise<Array<{ code: string; township: string; url: string }>> {
  const list = JSON.parse(await server.admin(['list-qr', '--json'])) as Array<{ code: string; township: string; url: string; active: boolean }>;
  return list.filter((e) => e.active);
}

/**
 * A password set by someone else (ADMIN_PASSWORD, `create-user`) is temporary: the owner logs in once
 * and chooses their own. Done here through the API for tests that are not about that first login.
 */
export async function choosePassword(server: Pick<RunningServer, 'url'>, username: string, temporary: string, chosen: string): Promise<void> {
  const signIn = await fetch(`${server.url}/api/staff/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: temporary }),
  });
  if (signIn.status !== 200) throw new Error(`login as ${username} failed: ${signIn.status}`);
  const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await signIn.json()) as { csrfToken: string };
  const changed = await fetch(`${server.url}/api/staff/password`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify({ currentPassword: temporary, newPassword: chosen }),
  });
  if (changed.status !== 200) throw new Error(`password change for ${username} failed: ${changed.status} ${await changed.text()}`);
}
