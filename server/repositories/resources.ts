import type { ResourceFields } from '../../shared/resources/import';
import type { ResourceKind } from '../../shared/resources/kinds';
import { sql } from 'kysely';
import { countyOf } from '../../shared/accounts/scope';
import type { Engine } from '../db/engine';

export interface Resource extends ResourceFields {
  id: number;
  retiredAt: string | null;
  updatedAt: string;
  updatedBy: string | null;
  /** The county the resource serves (#16): its township's, or the county of a county-wide one. */
  county: string | null;
}

interface ResourceRow {
  id: number;
  kind: ResourceKind;
  name: string;
  township: string | null;
  service_types_json: string;
  contact: string | null;
  capacity: number | null;
  retired_at: string | null;
  updated_at: string;
  updated_by: string | null;
  county: string | null;
}

const toResource = (row: ResourceRow): Resource => ({
  id: row.id,
  kind: row.kind,
  name: row.name,
  township: row.township,
  serviceTypes: JSON.parse(row.service_types_json) as string[],
  contact: row.contact,
  capacity: row.capacity,
  retiredAt: row.retired_at,
  updatedAt: row.updated_at,
  updatedBy: row.updated_by,
  county: row.county,
});

const COLUMNS = ['id', 'kind', 'name', 'township', 'service_types_json', 'contact', 'capacity', 'retired_at', 'updated_at', 'updated_by', 'county'] as const;

// Booleans sort false first on both engines (0 before 1 on SQLite): active before retired, county-wide before township.
const RETIRED_LAST = sql`retired_at IS NOT NULL`;
const COUNTY_FIRST = sql`township IS NOT NULL`;

const columnsOf = (fields: ResourceFields) => ({
  kind: fields.kind,
  name: fields.name,
  township: fields.township,
  service_types_json: JSON.stringify(fields.serviceTypes),
  contact: fields.contact,
  capacity: fields.capacity,
});

/** The county's resource library (资源库): kept by county admins, retired rather than deleted. */
export function createResourcesRepository(db: Engine) {
  const resources = () => db.selectFrom('resources').select(COLUMNS);

  return {
    /** The library of one county (null: every county). */
    async list(county: string | null = null): Promise<Resource[]> {
      const rows = await resources().$if(county !== null, (qb) => qb.where('county', '=', county)).orderBy(RETIRED_LAST).orderBy(COUNTY_FIRST).orderBy('township').orderBy('name').orderBy('id').execute();
      return rows.map(toResource);
    },
    /** Active resources a township may refer to: its own and its county's county-wide ones; null scope: all active (of the county). */
    async activeFor(township: string | null, county: string | null = null): Promise<Resource[]> {
      const rows = await resources()
        .where('retired_at', 'is', null)
        // A resource of no known county (made before any region existed) stays open to all, as before #16.
        .$if(county !== null || township !== null, (qb) =>
          qb.where((eb) => eb.or([eb('county', '=', county ?? countyOf(township!)), eb('county', 'is', null)])),
        )
        .$if(township !== null, (qb) => qb.where((eb) => eb.or([eb('township', 'is', null), eb('township', '=', township!)])))
        .orderBy(COUNTY_FIRST)
        .orderBy('township').orderBy('name').orderBy('id')
        .execute();
      return rows.map(toResource);
    },
    async find(id: number): Promise<Resource | undefined> {
      const row = await resources().where('id', '=', id).executeTakeFirst();
      return row ? toResource(row) : undefined;
    },
    /** The resource of this name in this township (null: county-wide, of this county), preferring one still in use. */
    async findByName(name: string, township: string | null, county: string): Promise<Resource | undefined> {
      const row = await resources()
        .where('name', '=', name)
        .where('township', township === null ? 'is' : '=', township)
        .where('county', '=', county)
        .orderBy(RETIRED_LAST)
        .orderBy('id')
        .limit(1)
        .executeTakeFirst();
      return row ? toResource(row) : undefined;
    },
    /** county: for a county-wide resource, whose county (left out: the only county); a township's is its own. */
    async create(fields: ResourceFields, by: string, now: string, county?: string | null): Promise<number> {
      const { id } = await db
        .insertInto('resources')
        .values({
          ...columnsOf(fields),
          updated_at: now,
          updated_by: by,
          county: fields.township ? countyOf(fields.township) : (county ?? sql<string | null>`(SELECT min(code) FROM regions WHERE level = 'county' HAVING count(*) = 1)`),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return id;
    },
    async update(id: number, fields: ResourceFields, by: string, now: string): Promise<void> {
      await db
        .updateTable('resources')
        // Moved to a township: its county follows; made county-wide: it stays in the county it was in.
        .set({ ...columnsOf(fields), updated_at: now, updated_by: by, ...(fields.township ? { county: countyOf(fields.township) } : {}) })
        .where('id', '=', id)
        .execute();
    },
    /** Retire (or bring back): open referrals keep pointing here; new ones cannot. */
    async setRetired(id: number, retiredAt: string | null, by: string, now: string): Promise<void> {
      await db.updateTable('resources').set({ retired_at: retiredAt, updated_at: now, updated_by: by }).where('id', '=', id).execute();
    },
    /** County-wide resources made before any region existed belong to the county once there is one. */
    async giveCountyToCountyless(county: string): Promise<void> {
      await db.updateTable('resources').set({ county }).where('county', 'is', null).execute();
    },
  };
}

export type ResourcesRepository = ReturnType<typeof createResourcesRepository>;
