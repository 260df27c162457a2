import type { DB } from '../db/open';

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

/** Reading the audit log, newest first, by keyset over id. Writing stays in repositories/audit. */
export function createAdminAuditRepository(db: DB) {
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

export type AdminAuditRepository = ReturnType<typeof createAdminAuditRepository>;
