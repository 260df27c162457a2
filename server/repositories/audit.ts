import { sql } from 'kysely';
import type { Engine } from '../db/engine';

export interface AuditEntry {
  actor: string;
  action: string;
  target?: string | null;
  detail?: string | null;
  clientIp?: string | null;
  /** Left out: the acting account's county, else the only county (the command line, the system). */
  county?: string | null;
}

export interface AuditFilter {
  /** One county's entries (#16); left out: every county's. */
  county?: string;
  actor?: string;
  target?: string;
  /** Exact action, or a prefix ending in '.' (e.g. 'case.'). */
  action?: string;
  /** ISO instants, from inclusive, to exclusive. */
  from?: string;
  to?: string;
  beforeId?: number;
  limit: number;
}

export interface AuditRow {
  id: number;
  at: string;
  actor: string;
  action: string;
  target: string | null;
  detail: string | null;
  clientIp: string | null;
}

/** The append-only audit log: written by every audited step, read newest first by keyset over id. */
export function createAuditRepository(db: Engine) {
  const entries = () => db.selectFrom('audit_log').select(['id', 'at', 'actor', 'action', 'target', 'detail', 'client_ip as clientIp']);
  return {
    async record(entry: AuditEntry): Promise<void> {
      await db
        .insertInto('audit_log')
        .values({
          actor: entry.actor,
          action: entry.action,
          target: entry.target ?? null,
          detail: entry.detail ?? null,
          client_ip: entry.clientIp ?? null,
          county:
            entry.county !== undefined
              ? entry.county
              : sql<string | null>`COALESCE((SELECT county FROM staff_users WHERE username = ${entry.actor}), (SELECT min(code) FROM regions WHERE level = 'county' HAVING count(*) = 1))`,
        })
        .execute();
    },
    forTarget: (target: string): Promise<Array<AuditEntry & { id: number; at: string }>> =>
      entries().where('target', '=', target).orderBy('id').execute(),
    page: (filter: AuditFilter): Promise<AuditRow[]> =>
      entries()
        .$if(filter.county !== undefined, (q) => q.where('county', '=', filter.county!))
        .$if(filter.actor !== undefined, (q) => q.where('actor', '=', filter.actor!))
        .$if(filter.target !== undefined, (q) => q.where('target', '=', filter.target!))
        .$if(filter.action !== undefined, (q) => {
          const action = filter.action!;
          if (!action.endsWith('.')) return q.where('action', '=', action);
          // A prefix such as 'case.': compared as text, so a typed % or _ matches only itself.
          return q.where((eb) => eb.or([eb('action', '=', action), eb(sql`substr(action, 1, ${sql.lit(action.length)})`, '=', action)]));
        })
        .$if(filter.from !== undefined, (q) => q.where('at', '>=', filter.from!))
        .$if(filter.to !== undefined, (q) => q.where('at', '<', filter.to!))
        .$if(filter.beforeId !== undefined, (q) => q.where('id', '<', filter.beforeId!))
        .orderBy('id', 'desc')
        .limit(filter.limit)
        .execute(),
    async actions(): Promise<string[]> {
      const rows = await db.selectFrom('audit_log').select('action').distinct().orderBy('action').execute();
      return rows.map((r) => r.action);
    },
  };
}

export type AuditRepository = ReturnType<typeof createAuditRepository>;
