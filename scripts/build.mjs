// Builds what `npm start` serves: the H5 client (Vite) and the server bundle (esbuild), each only
// when its sources changed. Plain JavaScript, so starting needs no TypeScript loader in memory.
import fs from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..');
const CLIENT = path.join(ROOT, 'client');
export const CLIENT_DIST = path.join(CLIENT, 'dist');
export const SERVER_BUNDLE = path.join(ROOT, 'build', 'server.mjs');
// County reports run on a worker thread, which loads its own entry file beside the server bundle.
const REPORT_WORKER_BUNDLE = path.join(ROOT, 'build', 'report-worker.mjs');
const LOCKFILE = path.join(ROOT, 'package-lock.json');
const CLIENT_SOURCES = [path.join(CLIENT, 'src'), path.join(CLIENT, 'public'), path.join(CLIENT, 'build-plugins'), path.join(CLIENT, 'service-worker'), path.join(CLIENT, 'index.html'), path.join(CLIENT, 'vite.config.ts'), path.join(ROOT, 'shared'), LOCKFILE];
const SERVER_SOURCES = [path.join(ROOT, 'server'), path.join(ROOT, 'shared'), LOCKFILE];

function newestMtime(target) {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of fs.readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, name)));
  return newest;
}

function isStale(output, sources) {
  if (!fs.existsSync(output)) return true;
  const built = fs.statSync(output).mtimeMs;
  return sources.some((source) => newestMtime(source) > built);
}

export const clientIsStale = () => isStale(path.join(CLIENT_DIST, 'index.html'), CLIENT_SOURCES);
export const serverIsStale = () => [SERVER_BUNDLE, REPORT_WORKER_BUNDLE].some((bundle) => isStale(bundle, SERVER_SOURCES));

export async function buildClient() {
  const { build } = await import('vite');
  // Always the production build: Vite follows an inherited NODE_ENV, and under Vitest (NODE_ENV=test) it
  // produced Vue's development bundle, 40% more bytes for the resident's first page.
  const inherited = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: path.join(CLIENT, 'vite.config.ts'), mode: 'production', logLevel: 'warn' });
  } finally {
    if (inherited === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = inherited;
  }
}

export async function buildServer() {
  const esbuild = await import('esbuild');
  await esbuild.build({
    entryPoints: [
      { in: path.join(ROOT, 'server', 'main.ts'), out: path.basename(SERVER_BUNDLE, '.mjs') },
      { in: path.join(ROOT, 'server', 'reports', 'worker.ts'), out: path.basename(REPORT_WORKER_BUNDLE, '.mjs') },
    ],
    outdir: path.dirname(SERVER_BUNDLE),
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Dependencies load from node_modules as usual; only our own TypeScript is compiled.
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  });
}

/** Builds whatever is stale; returns what it built, for the start-up message. */
export async function buildStale() {
  const built = [];
  if (clientIsStale()) {
    await buildClient();
    built.push('client');
  }
  if (serverIsStale()) {
    await buildServer();
    built.push('server');
  }
  return built;
}
