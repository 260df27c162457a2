import type { DB } from '../db/open';

export interface AuditEntry {
  actor: string;
  action: string;
  target?: string | null;
  detail?: string | null;
  clientIp?: string | null;
}

export function createAuditRepository(db: DB) {
  const insert = db.prepare(
    'INSERT INTO audit_log (actor, action, target, detail, client_ip) VALUES (@actor, @action, @target, @detail, @clientIp)',
  );
  const byTarget = db.prepare('SELECT id, at, actor, action, target, detail, client_ip AS clientIp FROM audit_log WHERE target = ? ORDER BY id');

  return {
    record(entry: AuditEntry): void {
      insert.run({ target: null, detail: null, clientIp: null, ...entry });
    },
    forTarget: (target: string) => byTarget.all(target) as Array<AuditEntry & { id: number; at: string }>,
  };
}

export type AuditRepository = ReturnType<typeof createAuditRepository>;
