import type { Engine } from '../db/engine';
import type { DB } from '../db/open';
import { createAdminStatsRepository } from './admin-stats';
import { createAuditRepository } from './audit';
import { createCaseQueueRepository } from './case-queue';
import { createCasesRepository } from './cases';
import { createEntriesRepository } from './entries';
import { createHealthRepository } from './health';
import { createHouseholdsRepository } from './households';
import { createLedgerRepository } from './ledger';
import { createParameterVersionsRepository } from './parameter-versions';
import { createPlanRepository } from './plan';
import { createPolicyLibraryRepository } from './policy-library';
import { createReferralsRepository } from './referrals';
import { createRegionsRepository } from './regions';
import { createRetentionRepository } from './retention';
import { createResourcesRepository } from './resources';
import { createSessionsRepository } from './sessions';
import { createSettingsRepository } from './settings';
import { createUsersRepository } from './users';
import { createWarningKeysRepository } from './warning-keys';
import { createSignalImportsRepository } from './signal-imports';
import { createWarningMatchRepository } from './warning-match';
import { createWarningRulesRepository } from './warning-rules';

/** A synchronous repository's methods as the async ones every caller awaits. */
type Async<R> = {
  [K in keyof R]: R[K] extends (...args: infer A) => infer T ? (...args: A) => Promise<Awaited<T>> : R[K];
};

// PORT IN PROGRESS (issue 16): wraps a not-yet-ported better-sqlite3 repository so callers already await it.
// Each repository moves to Kysely (`createXRepository(engine)`) with the same method names, arguments and
// results; when none is left, `legacy` and this wrapper go.
function promised<R extends object>(repository: R): Async<R> {
  const wrapped: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(repository)) {
    wrapped[name] =
      typeof value === 'function'
        ? (...args: unknown[]) => {
            try {
              return Promise.resolve(value(...args));
            } catch (err) {
              return Promise.reject(err);
            }
          }
        : value;
  }
  return wrapped as Async<R>;
}

/**
 * Every repository over one engine (or one open transaction). Build them through a Store (server/db/store.ts),
 * which also opens transactions; statements are prepared once per connection by the engine.
 */
export function createRepositories(engine: Engine, db: DB) {
  return {
    ...legacyRepositories(db),
    regions: createRegionsRepository(engine),
    settings: createSettingsRepository(engine),
    signalImports: createSignalImportsRepository(engine),
    warningMatch: createWarningMatchRepository(engine),
    warningRules: createWarningRulesRepository(engine),
  };
}

const legacyByConnection = new WeakMap<DB, ReturnType<typeof createLegacyRepositories>>();

/** Prepared once per connection, as before; transactions share them (one connection). */
function legacyRepositories(db: DB) {
  let repositories = legacyByConnection.get(db);
  if (!repositories) {
    repositories = createLegacyRepositories(db);
    legacyByConnection.set(db, repositories);
  }
  return repositories;
}

function createLegacyRepositories(db: DB) {
  return {
    entries: promised(createEntriesRepository(db)),
    users: promised(createUsersRepository(db)),
    audit: promised(createAuditRepository(db)),
    cases: promised(createCasesRepository(db)),
    sessions: promised(createSessionsRepository(db)),
    queue: promised(createCaseQueueRepository(db)),
    adminStats: promised(createAdminStatsRepository(db)),
    ledger: promised(createLedgerRepository(db)),
    policyLibrary: promised(createPolicyLibraryRepository(db)),
    parameterVersions: promised(createParameterVersionsRepository(db)),
    retention: promised(createRetentionRepository(db)),
    health: promised(createHealthRepository(db)),
    households: promised(createHouseholdsRepository(db)),
    resources: promised(createResourcesRepository(db)),
    referrals: promised(createReferralsRepository(db)),
    plan: promised(createPlanRepository(db)),
    warningKeys: promised(createWarningKeysRepository(db)),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
