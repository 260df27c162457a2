import type { ResourceKind } from '../../shared/resources/kinds';
import type { DB } from '../db/open';

export interface Resource {
  id: number;
  kind: ResourceKind;
  name: string;
  township: string | null;
  serviceTypes: string[];
  contact: string | null;
  capacity: number | null;
  retiredAt: string | null;
  updatedAt: string;
  updatedBy: string | null;
}

export interface ResourceFields {
  kind: ResourceKind;
  name: string;
  township: string | null;
  serviceTypes: string[];
  contact: string | null;
  capacity: number | null;
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

const COLUMNS = 'id, kind, name, township, service_types_json, contact, capacity, retired_at, updated_at, updated_by';

/** The county's resource library (资源库): kept by county admins, retired rather than deleted. */
export function createResourcesRepository(db: DB) {
  const all = db.prepare<[], ResourceRow>(`SELECT ${COLUMNS} FROM resources ORDER BY retired_at IS NOT NULL, township IS NOT NULL, township, name, id`);
  // County-wide resources first, then the township's own.
  const activeFor = db.prepare<[string], ResourceRow>(
    `SELECT ${COLUMNS} FROM resources WHERE retired_at IS NULL AND (township IS NULL OR township = ?) ORDER BY township IS NOT NULL, name, id`,
  );
  const allActive = db.prepare<[], ResourceRow>(
    `SELECT ${COLUMNS} FROM resources WHERE retired_at IS NULL ORDER BY township IS NOT NULL, township, name, id`,
  );
  const byId = db.prepare<[number], ResourceRow>(`SELECT ${COLUMNS} FROM resources WHERE id = ?`);
  // Spelled without SQLite's `IS ?` so the query moves to PostgreSQL unchanged.
  const byName = db.prepare<[{ name: string; township: string | null }], ResourceRow>(
    `SELECT ${COLUMNS} FROM resources WHERE name = @name AND (township = @township OR (township IS NULL AND @township IS NULL))
     ORDER BY retired_at IS NOT NULL, id LIMIT 1`,
  );
  const insert = db.prepare(`INSERT INTO resources (kind, name, township, service_types_json, contact, capacity, updated_at, updated_by)
    VALUES (@kind, @name, @township, @serviceTypes, @contact, @capacity, @now, @by)`);
  const update = db.prepare(`UPDATE resources SET kind = @kind, name = @name, township = @township, service_types_json = @serviceTypes,
    contact = @contact, capacity = @capacity, updated_at = @now, updated_by = @by WHERE id = @id`);
  const setRetired = db.prepare('UPDATE resources SET retired_at = @retiredAt, updated_at = @now, updated_by = @by WHERE id = @id');

  const params = (fields: ResourceFields) => ({ ...fields, serviceTypes: JSON.stringify(fields.serviceTypes) });

  return {
    list: (): Resource[] => all.all().map(toResource),
    /** Active resources a township may refer to: its own and the county-wide ones; null scope: all active. */
    activeFor: (township: string | null): Resource[] => (township === null ? allActive.all() : activeFor.all(township)).map(toResource),
    find(id: number): Resource | undefined {
      const row = byId.get(id);
      return row ? toResource(row) : undefined;
    },
    /** The resource of this name in this township (null: county-wide), preferring one still in use. */
    findByName(name: string, township: string | null): Resource | undefined {
      const row = byName.get({ name, township });
      return row ? toResource(row) : undefined;
    },
    create: (fields: ResourceFields, by: string, now: string): number =>
      Number(insert.run({ ...params(fields), now, by }).lastInsertRowid),
    update(id: number, fields: ResourceFields, by: string, now: string): void {
      update.run({ ...params(fields), id, now, by });
    },
    /** Retire (or bring back): open referrals keep pointing here; new ones cannot. */
    setRetired(id: number, retiredAt: string | null, by: string, now: string): void {
      setRetired.run({ id, retiredAt, now, by });
    },
  };
}

export type ResourcesRepository = ReturnType<typeof createResourcesRepository>;
