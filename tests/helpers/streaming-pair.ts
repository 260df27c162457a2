import { execFile } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { postgresRequired } from './postgres';

const run = promisify(execFile);

/**
 * A throwaway PostgreSQL primary with a streaming standby of its own, in temporary folders on free ports, so a
 * test proves DATABASE_REPLICA_URL against real replication without touching the machine's cluster (whose
 * pg_hba.conf has no replication line). Building it takes root (to run the server as the postgres user) and
 * Debian's PostgreSQL binaries; CI has both and must run it.
 */
export interface StreamingPair {
  primaryUrl: string;
  standbyUrl: string;
  stopStandby(): Promise<void>;
  /** Stops both servers and deletes their folders; safe to call twice, and after a failed start. */
  destroy(): Promise<void>;
}

export const STREAMING_PAIR_SKIPPED_LINE = '无法建立临时的 PostgreSQL 主库和流复制备库（需要 root 和 /usr/lib/postgresql/*/bin）：跳过备库测试';

/** The newest installed PostgreSQL's programs (initdb, pg_ctl, pg_basebackup), or null. */
function postgresBin(): string | null {
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root) ? fs.readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a)) : [];
  const version = versions.find((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb')));
  return version ? path.join(root, version, 'bin') : null;
}

/** Why the pair cannot be built here, or null when it can. CI never skips: there a failure to build it fails the test. */
export function streamingPairUnavailable(): string | null {
  if (postgresRequired()) return null;
  if (process.getuid?.() !== 0) return 'not root';
  if (!postgresBin()) return 'no PostgreSQL binaries';
  return null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function answers(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
    try {
      await client.connect();
      await client.query('SELECT 1');
      return;
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 100));
    } finally {
      await client.end().catch(() => {});
    }
  }
}

export async function startStreamingPair(): Promise<StreamingPair> {
  const bin = postgresBin();
  if (!bin) throw new Error('PostgreSQL binaries not found under /usr/lib/postgresql/*/bin');
  const asPostgres = (program: string, args: string[]) => run('runuser', ['-u', 'postgres', '--', path.join(bin, program), ...args]);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xfm-replica-'));
  await run('chown', ['postgres:', dir]);
  const primary = path.join(dir, 'primary');
  const standby = path.join(dir, 'standby');
  const started: string[] = [];
  const stop = async (data: string) => {
    if (!started.includes(data)) return;
    started.splice(started.indexOf(data), 1);
    await asPostgres('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => {});
  };
  const destroy = async () => {
    for (const data of [...started].reverse()) await stop(data);
    fs.rmSync(dir, { recursive: true, force: true });
  };
  // Throwaway servers: no fsync, small memory, sockets in their own folder, so they cost the shared machine little.
  const serverOptions = (port: number) => `-p ${port} -c listen_addresses=127.0.0.1 -k ${dir} -c fsync=off -c shared_buffers=16MB -c max_connections=40`;
  const start = async (data: string, port: number) => {
    await asPostgres('pg_ctl', ['-D', data, '-o', serverOptions(port), '-l', `${data}.log`, '-w', '-t', '60', 'start']);
    started.push(data);
  };
  try {
    await asPostgres('initdb', ['-D', primary, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
    fs.writeFileSync(
      path.join(primary, 'pg_hba.conf'),
      ['local all all trust', 'host all all 127.0.0.1/32 trust', 'host replication all 127.0.0.1/32 trust', ''].join('\n'),
    );
    const primaryPort = await freePort();
    await start(primary, primaryPort);
    // -R writes standby.signal and primary_conninfo: the copy starts as a hot standby streaming from the primary.
    await asPostgres('pg_basebackup', ['-h', '127.0.0.1', '-p', String(primaryPort), '-U', 'postgres', '-D', standby, '-R', '-X', 'stream', '-c', 'fast']);
    const standbyPort = await freePort();
    await start(standby, standbyPort);
    const primaryUrl = `postgres://postgres@127.0.0.1:${primaryPort}/postgres`;
    const standbyUrl = `postgres://postgres@127.0.0.1:${standbyPort}/postgres`;
    await answers(standbyUrl, 30_000);
    return { primaryUrl, standbyUrl, stopStandby: () => stop(standby), destroy };
  } catch (err) {
    await destroy();
    throw err;
  }
}
