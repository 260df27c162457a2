import net from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../tests/helpers/postgres';
import { createPostgresPool, postgresEngine } from '../db/engine';
import { createStore } from '../db/store';
import { createRegisterLedgerRepository } from '../repositories/register-ledger';
import { preferReplica, REPLICA_RETRY_AFTER_MS } from './replica-reader';
import type { WorkerStore } from './worker-store';

/** A TCP relay to the real PostgreSQL that can be switched off and on: the "standby" going away and coming back. */
function relayTo(target: URL) {
  const sockets = new Set<net.Socket>();
  let server: net.Server | undefined;
  let port = 0;
  return {
    get port() {
      return port;
    },
    up: () =>
      new Promise<void>((resolve) => {
        server = net.createServer((client) => {
          const upstream = net.connect(Number(target.port || 5432), target.hostname);
          for (const s of [client, upstream]) {
            sockets.add(s);
            s.on('close', () => sockets.delete(s));
            s.on('error', () => s.destroy());
          }
          client.pipe(upstream).pipe(client);
        });
        server.listen(port, '127.0.0.1', () => {
          port = (server!.address() as net.AddressInfo).port;
          resolve();
        });
      }),
    down: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        if (server) server.close(() => resolve());
        else resolve();
      }),
  };
}

const storeOver = (url: string, onIdleError: () => void = () => {}): WorkerStore => {
  const engine = postgresEngine(createPostgresPool(url, { max: 1, connectionTimeoutMillis: 2000 }, onIdleError));
  return { store: createStore(engine, 'postgres'), registerLedger: createRegisterLedgerRepository(engine) };
};

describe.skipIf(inject('postgresAdminUrl') === null)('reports prefer the standby', () => {
  let database: TestDatabase;
  const relay = relayTo(new URL(inject('postgresAdminUrl') ?? 'postgres://127.0.0.1:5432'));
  let primary: WorkerStore;
  let replica: WorkerStore;
  // The replica pool's idle connection noticing the relay went down (so the next probe does not borrow a dead one).
  let idleDropped: () => void = () => {};

  beforeAll(async () => {
    database = await createTestDatabase(inject('postgresAdminUrl')!);
    await relay.up();
    const replicaUrl = new URL(database.url);
    replicaUrl.port = String(relay.port);
    primary = storeOver(database.url);
    replica = storeOver(replicaUrl.toString(), () => idleDropped());
  });

  afterAll(async () => {
    await replica?.store.db.destroy();
    await primary?.store.db.destroy();
    await relay.down();
    await database?.drop();
  });

  it('reads the standby while it answers, the primary for half a minute after it does not, and says so once each way', async () => {
    const warnings: string[] = [];
    let clock = 1_000_000;
    const read = preferReplica(replica, primary, (m) => warnings.push(m), () => clock);

    expect(await read()).toBe(replica);
    expect(warnings).toEqual([]);

    const dropped = new Promise<void>((resolve) => (idleDropped = resolve));
    await relay.down();
    await dropped;
    expect(await read()).toBe(primary);
    expect(warnings).toEqual([expect.stringMatching(/does not answer/)]);

    // Back already, but not asked again until the half minute is over: one warning, not one per report.
    await relay.up();
    clock += REPLICA_RETRY_AFTER_MS - 1;
    expect(await read()).toBe(primary);
    expect(warnings).toHaveLength(1);

    clock += 1;
    expect(await read()).toBe(replica);
    expect(warnings).toEqual([expect.stringMatching(/does not answer/), expect.stringMatching(/answers again/)]);
  });
});
