// `npm run build`: rebuild the H5 client and the server bundle, stale or not.
import { buildClient, buildServer } from './build.mjs';

const started = performance.now();
await buildClient();
await buildServer();
console.log(`已构建前端和服务端（${Math.round(performance.now() - started)} ms）`);
