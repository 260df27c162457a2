import type { DB } from '../db/open';

export interface AuditEntry {
  actor: string;
  action: string;
  target?: string | null;
  detail?: string | null;
  clientIp?: string | null;
}

export interface AuditFilter {
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
export function createAuditRepository(db: DB) {
  const insert = db.prepare(
    'INSERT INTO audit_log (actor, action, target, detail, client_ip) VALUES (@actor, @action, @target, @detail, @clientIp)',
  );
  const byTarget = db.prepare('SELECT id, at, actor, action, target, detail, client_ip AS clientIp FROM audit_log WHERE target = ? ORDER BY id');
  const page = db.prepare<Record<string, unknown>, AuditRow>(`SELECT id, at, actor, action, target, detail, client_ip AS clientIp
    FROM audit_log
    WHERE (@actor IS NULL OR actor = @actor)
      AND (@target IS NULL OR target = @target)
      AND (@action IS NULL OR action = @action OR (substr(@action, -1) = '.' AND substr(action, 1, length(@action)) = @action))
      AND (@from IS NULL OR at >= @from)
      AND (@to IS NULL OR at < @to)
      AND (@beforeId IS NULL OR id < @beforeId)
    ORDER BY id DESC LIMIT @limit`);
  const actions = db.prepare<[], { action: string }>('SELECT DISTINCT action FROM audit_log ORDER BY action');

  return {
    record(entry: AuditEntry): void {
      insert.run({ target: null, detail: null, clientIp: null, ...entry });
    },
    forTarget: (target: string) => byTarget.all(target) as Array<AuditEntry & { id: number; at: string }>,
    page: (filter: AuditFilter): AuditRow[] =>
      page.all({
        actor: filter.actor ?? null,
        target: filter.target ?? null,
        action: filter.action ?? null,
        from: filter.from ?? null,
        to: filter.to ?? null,
        beforeId: filter.beforeId ?? null,
        limit: filter.limit,
      }),
    actions: (): string[] => actions.all().map((r) => r.action),
  };
}

export type AuditRepository = ReturnType<typeof createAuditRepository>;
