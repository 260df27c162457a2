import type { ExpressionBuilder } from 'kysely';
import type { Database } from '../db/schema';

/** The households a case belongs to: linked explicitly, or the same person by the keyed hash. */
export const householdsOfCase = (eb: ExpressionBuilder<Database, 'plan_measures'>, caseId: number) =>
  eb
    .selectFrom('household_cases')
    .select('household_id')
    .where('case_id', '=', caseId)
    .union(
      eb
        .selectFrom('households as h')
        .innerJoin('cases as c', 'c.person_key', 'h.person_key')
        .select('h.id as household_id')
        .where('c.id', '=', caseId),
    );
