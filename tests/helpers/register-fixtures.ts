import type { Engine } from '../../server/db/engine';
import type { NewHousehold } from '../../server/repositories/households';

/** A county, two townships and a village, for repository tests on either engine. */
export const PLACES = {
  county: '330327000000',
  lingxi: '330327100000',
  dupu: '330327100201',
  qianku: '330327050000',
} as const;

export async function seedPlaces(db: Engine): Promise<void> {
  await db
    .insertInto('regions')
    .values([
      { code: PLACES.county, name: '苍南县', level: 'county', parent: null, phone: null },
      { code: PLACES.lingxi, name: '灵溪镇', level: 'township', parent: PLACES.county, phone: null },
      { code: PLACES.qianku, name: '钱库镇', level: 'township', parent: PLACES.county, phone: null },
      { code: PLACES.dupu, name: '渎浦村', level: 'village', parent: PLACES.lingxi, phone: null },
    ])
    .execute();
}

export async function seedStaff(db: Engine, username: string, role: 'county_admin' | 'township_staff', township: string | null): Promise<number> {
  const { id } = await db
    .insertInto('staff_users')
    .values({ username, password_hash: 'x', role, township })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function seedCase(
  db: Engine,
  c: { township: string; village?: string | null; personKey?: string | null; createdAt: string; dueAt?: string | null; source?: 'self' | 'report' | 'warning' },
): Promise<number> {
  const { id } = await db
    .insertInto('cases')
    .values({
      township: c.township,
      village: c.village ?? null,
      person_key: c.personKey ?? null,
      subject_enc: Buffer.from('sealed'),
      name_masked: '张*明',
      source: c.source ?? 'self',
      level: 'yellow',
      due_at: c.dueAt ?? null,
      created_at: c.createdAt,
      updated_at: c.createdAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export function newHousehold(over: Partial<NewHousehold> = {}): NewHousehold {
  return {
    person_key: 'pk-1',
    township: PLACES.lingxi,
    village: PLACES.dupu,
    subject_enc: Buffer.from([1, 2, 3]),
    name_masked: '李*华',
    phone_masked: '138****5678',
    id_masked: null,
    address_masked: null,
    category: 'dibao',
    category_since: '2026-01-05',
    monitored_until: null,
    level: 'yellow',
    unstable: 0,
    next_visit_on: '2026-12-01',
    next_review_on: null,
    import_fingerprint: null,
    now: '2026-11-29T01:00:00.000Z',
    ...over,
  };
}
