import { startServer } from '../server/server';
import { buildClient, clientIsStale } from './client-build';

// `npm start` on a fresh clone: build the H5 once if it is missing or stale, then serve.
if (clientIsStale()) {
  console.log('正在构建前端页面（首次启动约需半分钟）…');
  await buildClient();
}
await startServer();
