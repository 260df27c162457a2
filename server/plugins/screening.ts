import fp from 'fastify-plugin';
import type { FastifyPluginAsync } from 'fastify';
import { DEMO_COUNTY_POLICIES } from '../../shared/policies/demo-county-policies';
import type { Policy } from '../../shared/policies/policy';
import type { Answers } from '../../shared/questionnaire/answers';
import { DEMO_COUNTY_PARAMETERS, screen, type ParameterHistory } from '../../shared/screening';
import type { ScreeningResult } from '../../shared/screening/result';
import type { ScreeningSnapshot } from '../domain/intake';
import { storedHistories, storedPolicies } from '../domain/screening-config';
import { REFRESH_WITHOUT_REDIS_MS } from '../coordination/invalidation';

declare module 'fastify' {
  interface FastifyInstance {
    screening: {
      /** county (#16): the county of the 幸福码 the screening came from; left out or null: the province-wide parameters. */
      evaluate(answers: Answers, asOf: string, county?: string | null): ScreeningResult;
      snapshot(answers: Answers, asOf: string, county?: string | null): ScreeningSnapshot;
      /** The parameter history and policy library in use (of a county, as evaluate). */
      current(county?: string | null): { history: ParameterHistory; policies: readonly Policy[] };
      /** Re-reads parameters and policies after a county (null: the province) saved a change, and tells the other app servers which. */
      reload(county: string | null): Promise<void>;
    };
  }
}

/**
 * The shared rules engine with this county's dated parameters and policy library: the same code the
 * phone runs. Both are read once and again after each change — new objects, so the engine's cache
 * (keyed by object identity) compiles afresh.
 */
const screeningPlugin: FastifyPluginAsync = async (app) => {
  const read = () => Promise.all([storedHistories(app.store, DEMO_COUNTY_PARAMETERS), storedPolicies(app.store, DEMO_COUNTY_POLICIES)]);
  let [histories, libraries] = await read();
  // Reloads run one after another, so the last save's reading is the one that stands.
  let reloading: Promise<unknown> = Promise.resolve();
  const reread = (): Promise<void> => {
    const done = reloading.then(read).then(([nextHistories, nextPolicies]) => {
      histories = nextHistories;
      libraries = nextPolicies;
    });
    reloading = done.catch(() => undefined);
    return done;
  };
  const evaluate = (answers: Answers, asOf: string, county: string | null = null) => screen(answers, histories.of(county), asOf, { policies: libraries.of(county) });
  app.decorate('screening', {
    evaluate,
    snapshot(answers: Answers, asOf: string, county: string | null = null): ScreeningSnapshot {
      const result = evaluate(answers, asOf, county);
      return { level: result.level, targetClass: result.targetClass, rulesVersion: result.rulesVersion, answers, result };
    },
    current: (county: string | null = null) => ({ history: histories.of(county), policies: libraries.of(county) }),
    async reload(county: string | null) {
      await reread();
      await app.coordination.invalidation.publish('screening', county);
    },
  });
  // Another app server saved a change (Redis), or, on PostgreSQL without Redis, any server may have: re-read.
  app.coordination.invalidation.on('screening', reread);
  if (app.store.engineName === 'postgres' && !app.coordination.invalidation.shared) {
    const timer = setInterval(() => void reread().catch((err: unknown) => app.log.warn({ err }, 'screening parameters not re-read')), REFRESH_WITHOUT_REDIS_MS);
    timer.unref();
    app.addHook('onClose', async () => clearInterval(timer));
  }
};

export default fp(screeningPlugin, { name: 'screening', dependencies: ['db', 'coordination'] });
