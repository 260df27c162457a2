import { startServer } from './server';

// The server's entry point: `npm start` bundles this file to build/server.mjs and runs it with plain Node.
await startServer();
