import type { DB } from '../db/open';
import { createAuditRepository } from './audit';
import { createCaseQueueRepository } from './case-queue';
import { createCasesRepository } from './cases';
import { createEntriesRepository } from './entries';
import { createRegionsRepository } from './regions';
import { createSessionsRepository } from './sessions';
import { createSettingsRepository } from './settings';
import { createUsersRepository } from './users';

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
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
