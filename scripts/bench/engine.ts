/**
 * In-process throughput of the screening engine, for `npm run bench` (target ≥ 200,000/s).
 * Cycles through a fixed mix of households so branches and string building are all exercised.
 */
import type { Answers } from '../../shared/questionnaire/answers';
import { DEMO_COUNTY_PARAMETERS } from '../../shared/screening/demo-county-parameters';
import { screen } from '../../shared/screening/engine';

const BENCH_AS_OF = '2025-01-01';

const HOUSEHOLDS: readonly Answers[] = [
  {
    residence: 'local',
    household_size: 1,
    special_members: ['elderly'],
    labour: 'none_able',
    income: 600,
    income_change: ['none'],
    financial_assets: 'under_10k',
    housing: 'own_unsafe',
    vehicle: 'none',
    medical_expense: 3000,
    education_expense: 0,
    support: ['no_family', 'received_none'],
  },
  {
    residence: 'local',
    household_size: 3,
    special_members: ['student', 'serious_illness'],
    labour: 'working_unstable',
    income: { amount: 48_000, period: 'year' },
    income_change: ['major_illness'],
    financial_assets: '10k_30k',
    housing: 'rent',
    vehicle: 'none',
    medical_expense: 36_000,
    education_expense: 6000,
    support: ['family_unable', 'received_none'],
  },
  {
    residence: 'resident',
    household_size: 4,
    special_members: ['minor'],
    labour: 'able_unemployed',
    income: 5200,
    income_change: ['job_loss'],
    financial_assets: 'unsure',
    housing: 'borrowed',
    vehicle: '30k_80k',
    medical_expense: 0,
    education_expense: 2000,
    support: ['family_able', 'received_dibao_edge', 'received_education'],
  },
  {
    residence: 'local',
    household_size: 3,
    special_members: ['none'],
    labour: 'working_stable',
    income: 15_000,
    income_change: ['none'],
    financial_assets: '100k_200k',
    housing: 'own_one',
    vehicle: 'over_80k',
    medical_expense: 1200,
    education_expense: 0,
    support: ['family_able', 'received_none'],
  },
];

export interface EngineBench {
  readonly iterations: number;
  readonly milliseconds: number;
  readonly perSecond: number;
}

/** Runs `iterations` screenings after a warm-up; `now` is injectable so shared/ holds no clock of its own. */
export function benchEngine(iterations = 200_000, now: () => number = () => performance.now()): EngineBench {
  let sink = 0;
  for (let i = 0; i < 2000; i += 1) sink += screen(HOUSEHOLDS[i % HOUSEHOLDS.length]!, DEMO_COUNTY_PARAMETERS, BENCH_AS_OF).outcomes.length;
  const start = now();
  for (let i = 0; i < iterations; i += 1) {
    sink += screen(HOUSEHOLDS[i % HOUSEHOLDS.length]!, DEMO_COUNTY_PARAMETERS, BENCH_AS_OF).outcomes.length;
  }
  const milliseconds = Math.max(now() - start, 1e-6);
  // Keeps the results observable so the loop cannot be optimised away.
  if (sink < 0) throw new Error('unreachable');
  return { iterations, milliseconds, perSecond: Math.round((iterations / milliseconds) * 1000) };
}
