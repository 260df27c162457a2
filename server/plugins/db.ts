import path from 'node:path';
import fp from 'fastify-plugin';
import type { FastifyPluginAsync } from 'fastify';
import { migrate } from '../db/migrate';
import { openDatabase, type DB } from '../db/open';
import { createRepositories, type Repositories } from '../repositories';

declare module 'fastify' {
  interface FastifyInstance {
    db: DB;
    repos: Repositories;
  }
}

/** One SQLite connection per app: migrated on open, closed when the app closes. */
const dbPlugin: FastifyPluginAsync<{ dataDir: string }> = async (app, { dataDir }) => {
  const db = openDatabase(path.join(dataDir, 'xingfuma.sqlite'));
  migrate(db);
  app.decorate('db', db);
  app.decorate('repos', createRepositories(db));
  app.addHook('onClose', async () => {
    db.close();
  });
};

export default fp(dbPlugin, { name: 'db' });
