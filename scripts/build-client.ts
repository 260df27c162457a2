import { buildClient, clientIsStale } from './client-build';

// `npm run build` always rebuilds; `--if-stale` only when sources changed.
const force = !process.argv.includes('--if-stale');
if (force || clientIsStale()) {
  const started = performance.now();
  await buildClient();
  console.log(`前端已构建（${Math.round(performance.now() - started)} ms）`);
}
