import type { ResourceFields } from '../../shared/resources/import';
import type { ResourceKind } from '../../shared/resources/kinds';
import { sql } from 'kysely';
import type { Engine } from '../db/engine';

export interface Resource extends ResourceFields {
  id: number;
  retiredAt: string | null;
  updatedAt: string;
  updatedBy: string | null;
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
});

const COLUMNS = ['id', 'kind', 'name', 'township', 'service_types_json', 'contact', 'capacity', 'retired_at', 'updated_at', 'updated_by'] as const;

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
    async list(): Promise<Resource[]> {
      const rows = await resources().orderBy(RETIRED_LAST).orderBy(COUNTY_FIRST).orderBy('township').orderBy('name').orderBy('id').execute();
      return rows.map(toResource);
    },
    /** Active resources a township may refer to: its own and the county-wide ones; null scope: all active. */
    async activeFor(township: string | null): Promise<Resource[]> {
      const rows = await resources()
        .where('retired_at', 'is', null)
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
    /** The resource of this name in this township (null: county-wide), preferring one still in use. */
    async findByName(name: string, township: string | null): Promise<Resource | undefined> {
      const row = await resources()
        .where('name', '=', name)
        .where('township', township === null ? 'is' : '=', township)
        .orderBy(RETIRED_LAST)
        .orderBy('id')
        .limit(1)
        .executeTakeFirst();
      return row ? toResource(row) : undefined;
    },
    async create(fields: ResourceFields, by: string, now: string): Promise<number> {
      const { id } = await db
        .insertInto('resources')
        .values({ ...columnsOf(fields), updated_at: now, updated_by: by })
        .returning('id')
        .executeTakeFirstOrThrow();
      return id;
    },
    async update(id: number, fields: ResourceFields, by: string, now: string): Promise<void> {
      await db
        .updateTable('resources')
        .set({ ...columnsOf(fields), updated_at: now, updated_by: by })
        .where('id', '=', id)
        .execute();
    },
    /** Retire (or bring back): open referrals keep pointing here; new ones cannot. */
    async setRetired(id: number, retiredAt: string | null, by: string, now: string): Promise<void> {
      await db.updateTable('resources').set({ retired_at: retiredAt, updated_at: now, updated_by: by }).where('id', '=', id).execute();
    },
  };
}

export type ResourcesRepository = ReturnType<typeof createResourcesRepository>;
