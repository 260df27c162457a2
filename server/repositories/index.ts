import type { Engine } from '../db/engine';
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
import { createLocks } from './locks';
import { createSignalImportsRepository } from './signal-imports';
import { createWarningMatchRepository } from './warning-match';
import { createWarningRulesRepository } from './warning-rules';

/**
 * Every repository over one engine (or one open transaction). Build them through a Store (server/db/store.ts),
 * which also opens transactions; the SQLite engine prepares each statement once per connection.
 */
export function createRepositories(engine: Engine) {
  return {
    regions: createRegionsRepository(engine),
    settings: createSettingsRepository(engine),
    entries: createEntriesRepository(engine),
    users: createUsersRepository(engine),
    audit: createAuditRepository(engine),
    cases: createCasesRepository(engine),
    sessions: createSessionsRepository(engine),
    queue: createCaseQueueRepository(engine),
    retention: createRetentionRepository(engine),
    health: createHealthRepository(engine),
    adminStats: createAdminStatsRepository(engine),
    ledger: createLedgerRepository(engine),
    policyLibrary: createPolicyLibraryRepository(engine),
    parameterVersions: createParameterVersionsRepository(engine),
    households: createHouseholdsRepository(engine),
    resources: createResourcesRepository(engine),
    referrals: createReferralsRepository(engine),
    plan: createPlanRepository(engine),
    warningKeys: createWarningKeysRepository(engine),
    signalImports: createSignalImportsRepository(engine),
    warningMatch: createWarningMatchRepository(engine),
    warningRules: createWarningRulesRepository(engine),
    locks: createLocks(engine),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
