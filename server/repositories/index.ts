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

/** Every repository over one database, prepared once. */
export function createRepositories(db: DB) {
  return {
    regions: createRegionsRepository(db),
    entries: createEntriesRepository(db),
    users: createUsersRepository(db),
    audit: createAuditRepository(db),
    settings: createSettingsRepository(db),
    cases: createCasesRepository(db),
    sessions: createSessionsRepository(db),
    queue: createCaseQueueRepository(db),
    adminStats: createAdminStatsRepository(db),
    ledger: createLedgerRepository(db),
    policyLibrary: createPolicyLibraryRepository(db),
    parameterVersions: createParameterVersionsRepository(db),
    retention: createRetentionRepository(db),
    health: createHealthRepository(db),
    households: createHouseholdsRepository(db),
    resources: createResourcesRepository(db),
    referrals: createReferralsRepository(db),
    plan: createPlanRepository(db),
    warningKeys: createWarningKeysRepository(db),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
