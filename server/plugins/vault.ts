import fp from 'fastify-plugin';
import type { FastifyPluginAsync } from 'fastify';
import { createVault, type DataKeys, type Vault } from '../domain/crypto';
import { openKeys } from '../domain/key-check';
import { createKeyCheckRepository } from '../repositories/key-check';
import { closeDatabase } from './db';

declare module 'fastify' {
  interface FastifyInstance {
    vault: Vault;
    /** For connections that build their own vault (the report worker): everything else uses `vault`. */
    dataKeys: DataKeys;
  }
}

/**
 * The data key, checked against the data already stored: a key that does not fit stops the start (the
 * database closed first, so nothing is left open), never a server that fails on every reveal.
 */
const vaultPlugin: FastifyPluginAsync<{ dataDir: string; dataKey?: string }> = async (app, { dataDir, dataKey }) => {
  let keys: DataKeys;
  try {
    keys = await openKeys(createKeyCheckRepository(app.store.db), dataDir, dataKey);
  } catch (err) {
    await closeDatabase(app.store);
    throw err;
  }
  app.decorate('vault', createVault(keys));
  app.decorate('dataKeys', keys);
};

export default fp(vaultPlugin, { name: 'vault', dependencies: ['db'] });
