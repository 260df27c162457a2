import type { Insertable } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, engineRuns, useMigratedEngine } from '../../tests/helpers/engines';
import type { CasesTable } from './schema';

const COUNTY = '330327000000';
const LINGXI = '330327100000';
const QIANKU = '330327050000';
const ISO_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

// What the migrations promise beyond plain columns — triggers, defaults, collation — holds on both engines.
describe.each(ENGINES)('the schema on %s', (engine) => {
  describe.skipIf(!engineRuns(engine))('freshly migrated', () => {
    const db = useMigratedEngine(engine);

    beforeAll(async () => {
      await db()
        .insertInto('regions')
        .values([
          { code: COUNTY, name: '苍南县', level: 'county', parent: null, phone: null },
          { code: LINGXI, name: '灵溪镇', level: 'township', parent: COUNTY, phone: null },
          { code: QIANKU, name: '钱库镇', level: 'township', parent: COUNTY, phone: null },
        ])
        .execute();
    });

    const at = '2026-11-29T08:00:00.000Z';
    async function newCase(values: Partial<Insertable<CasesTable>> = {}): Promise<number> {
      const row = await db()
        .insertInto('cases')
        .values({
          township: LINGXI,
          subject_enc: Buffer.from([0, 1, 2, 255]),
          name_masked: '张*明',
          phone_masked: '138****5678',
          id_masked: '3303**********1234',
          source: 'self',
          level: 'red',
          created_at: at,
          updated_at: at,
          ...values,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    }
    const tally = () =>
      db().selectFrom('case_status_counts').select(['township', 'status', 'n']).orderBy('township').orderBy('status').execute();
    const caseRow = (id: number) => db().selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

    it('keeps the per-township status tally as cases arrive, move and go (013)', async () => {
      const first = await newCase();
      const second = await newCase();
      await newCase({ township: QIANKU });
      expect(await tally()).toEqual([
        { township: QIANKU, status: 'new', n: 1 },
        { township: LINGXI, status: 'new', n: 2 },
      ]);

      await db().updateTable('cases').set({ status: 'assigned' }).where('id', '=', first).execute();
      await db().updateTable('cases').set({ township: QIANKU }).where('id', '=', second).execute();
      // A change to neither column leaves the tally alone.
      await db().updateTable('cases').set({ level: 'blue' }).where('id', '=', first).execute();
      expect(await tally()).toEqual([
        { township: QIANKU, status: 'new', n: 2 },
        { township: LINGXI, status: 'assigned', n: 1 },
        { township: LINGXI, status: 'new', n: 0 },
      ]);

      await db().deleteFrom('cases').where('id', '=', first).execute();
      expect(await tally()).toContainEqual({ township: LINGXI, status: 'assigned', n: 0 });
    });

    it('counts every case when many arrive at once in a township with no tally row yet', async () => {
      const township = '330327200000';
      await db().insertInto('regions').values({ code: township, name: '马站镇', level: 'township', parent: COUNTY, phone: null }).execute();
      // On PostgreSQL these run on several pooled connections at once and race for the first tally row.
      await Promise.all(Array.from({ length: 20 }, () => newCase({ township })));
      const row = await db().selectFrom('case_status_counts').select('n').where('township', '=', township).executeTakeFirst();
      expect(row?.n).toBe(20);
    });

    it('fills level_rank and the phone/ID tails on insert and keeps them with the row (003, 011, 016)', async () => {
      const id = await newCase({ level: 'yellow' });
      expect(await caseRow(id)).toMatchObject({ level_rank: 2, phone_tail: '5678', id_tail: '1234', status: 'new' });
      // A wrong rank written by hand is repaired.
      const repaired = await newCase({ level: 'red', level_rank: 0, phone_tail: 'xxxx' });
      expect(await caseRow(repaired)).toMatchObject({ level_rank: 3, phone_tail: '5678' });

      await db().updateTable('cases').set({ level: 'none', phone_masked: null, id_masked: '33' }).where('id', '=', id).execute();
      expect(await caseRow(id)).toMatchObject({ level_rank: 0, phone_tail: null, id_tail: '33' });
    });

    it('stores encrypted bytes as they were written', async () => {
      const id = await newCase({ subject_enc: Buffer.from('密文\u0000bytes') });
      const row = await caseRow(id);
      expect(Buffer.isBuffer(row.subject_enc)).toBe(true);
      expect(row.subject_enc.equals(Buffer.from('密文\u0000bytes'))).toBe(true);
    });

    it('keeps the audit log append-only, stamping each entry in UTC', async () => {
      const entry = await db()
        .insertInto('audit_log')
        .values({ actor: 'admin', action: 'case.reveal', target: 'case:1', detail: null, client_ip: '127.0.0.1' })
        .returning(['id', 'at'])
        .executeTakeFirstOrThrow();
      expect(entry.at).toMatch(ISO_UTC);
      expect(typeof entry.id).toBe('number');
      await expect(db().updateTable('audit_log').set({ actor: 'someone else' }).execute()).rejects.toThrow(/audit_log is append-only/);
      await expect(db().deleteFrom('audit_log').execute()).rejects.toThrow(/audit_log is append-only/);
      expect(await db().selectFrom('audit_log').select(['actor', 'action']).execute()).toEqual([{ actor: 'admin', action: 'case.reveal' }]);
    });

    it('keeps parameter versions append-only', async () => {
      await db()
        .insertInto('parameter_versions')
        .values({ effective_from: '2026-01-01', values_json: '{}', source: '县民政局', created_by: 'admin' })
        .execute();
      await expect(db().updateTable('parameter_versions').set({ values_json: '{"x":1}' }).execute()).rejects.toThrow(
        /parameter_versions is append-only/,
      );
      await expect(db().deleteFrom('parameter_versions').execute()).rejects.toThrow(/parameter_versions is append-only/);
    });

    it('lets a redaction clear an event detail, and refuses every other change to the timeline (010)', async () => {
      const caseId = await newCase();
      const event = await db()
        .insertInto('case_events')
        .values({ case_id: caseId, at, type: 'visit', actor: 'lx01', public_text: '已入户走访', detail_enc: Buffer.from('x') })
        .returning('id')
        .executeTakeFirstOrThrow();
      await expect(db().updateTable('case_events').set({ type: 'close' }).where('id', '=', event.id).execute()).rejects.toThrow(
        /case_events is append-only/,
      );
      await expect(
        db().updateTable('case_events').set({ public_text: '改过', detail_enc: null }).where('id', '=', event.id).execute(),
      ).rejects.toThrow(/case_events is append-only/);
      await expect(db().deleteFrom('case_events').where('id', '=', event.id).execute()).rejects.toThrow(/case_events is append-only/);
      await db().updateTable('case_events').set({ detail_enc: null }).where('id', '=', event.id).execute();
      const row = await db().selectFrom('case_events').selectAll().where('id', '=', event.id).executeTakeFirstOrThrow();
      expect(row).toMatchObject({ type: 'visit', public_text: '已入户走访', detail_enc: null });
    });

    it('matches usernames without regard to case, and keeps them unique that way', async () => {
      await db()
        .insertInto('staff_users')
        .values({ username: 'LX01', password_hash: 'h', role: 'township_staff', township: LINGXI, locked_until: null })
        .execute();
      const found = await db().selectFrom('staff_users').select(['username', 'created_at', 'disabled']).where('username', '=', 'lx01').executeTakeFirst();
      expect(found).toMatchObject({ username: 'LX01', disabled: 0 });
      expect(found?.created_at).toMatch(ISO_UTC);
      await expect(
        db().insertInto('staff_users').values({ username: 'lx01', password_hash: 'h', role: 'viewer', township: null, locked_until: null }).execute(),
      ).rejects.toThrow(/unique/i);
    });

    it('binds partners, and only partners, to a resource (040)', async () => {
      const resource = await db()
        .insertInto('resources')
        .values({ kind: 'station', name: '灵溪镇社工站', township: LINGXI, contact: null, capacity: null, retired_at: null, updated_by: null })
        .returning(['id', 'service_types_json', 'created_at'])
        .executeTakeFirstOrThrow();
      expect(resource.service_types_json).toBe('[]');
      expect(resource.created_at).toMatch(ISO_UTC);
      const user = (role: 'partner' | 'viewer', resourceId: number | null, username: string) =>
        db().insertInto('staff_users').values({ username, password_hash: 'h', role, township: null, locked_until: null, resource_id: resourceId }).execute();
      await user('partner', resource.id, 'station1');
      await expect(user('partner', null, 'station2')).rejects.toThrow(/check/i);
      await expect(user('viewer', resource.id, 'station3')).rejects.toThrow(/check/i);
      await expect(user('partner', resource.id + 1000, 'station4')).rejects.toThrow(/foreign key/i);
    });
  });
});
