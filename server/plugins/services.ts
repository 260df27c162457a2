import fp from 'fastify-plugin';
import type { FastifyPluginAsync } from 'fastify';
import { createIntake } from '../domain/intake';
import { createUsageCounters, type UsageCounters } from '../domain/usage-counters';
import { createReports, type Reports } from '../reports/pool';
import type { StorageTarget } from '../db/open-store';

declare module 'fastify' {
  interface FastifyInstance {
    intake: ReturnType<typeof createIntake>;
    counters: UsageCounters;
    reports: Reports;
  }
}

/**
 * What the routes share over the store and vault: intake, the usage counters (written every two seconds) and
 * the county reports, which read the same data from a worker thread (server/reports/), on the streaming standby
 * when DATABASE_REPLICA_URL names one.
 */
const servicesPlugin: FastifyPluginAsync<{ target: StorageTarget }> = async (app, { target }) => {
  const reports = createReports({ ...target, keys: app.dataKeys }, (message) => app.log.warn(message));
  app.decorate('reports', reports);
  app.decorate('intake', createIntake(app.store, app.vault));
  const counters = createUsageCounters(app.store, (err) => app.log.warn({ err }, 'usage counters not written'));
  app.decorate('counters', counters);
  const timer = setInterval(() => void counters.flush(), 2000);
  timer.unref();
  // Registered after the database plugin, so this runs before it closes the database.
  app.addHook('onClose', async () => {
    clearInterval(timer);
    await reports.close();
    await counters.flush();
  });
};

export default fp(servicesPlugin, { name: 'services', dependencies: ['db', 'vault'] });
