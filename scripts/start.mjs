// `npm start`: build the H5 and the server bundle if they are missing or stale, then serve.
import { buildStale, clientIsStale, serverIsStale, SERVER_BUNDLE } from './build.mjs';

if (clientIsStale() || serverIsStale()) {
  console.log('正在构建（首次启动约需半分钟）…');
  await buildStale();
}
await import(SERVER_BUNDLE);
