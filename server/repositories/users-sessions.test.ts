import { describe, expect, it } from 'vitest';
import { ENGINES, engineRuns, useMigratedEngine } from '../../tests/helpers/engines';
import { createAuditRepository } from './audit';
import { createEntriesRepository } from './entries';
import { createHealthRepository } from './health';
import { createRegionsRepository } from './regions';
import { createSessionsRepository } from './sessions';
import { createUsersRepository } from './users';

const COUNTY = '330327000000';
const TOWNSHIP = '330327101000';
const VILLAGE = '330327101201';

// Accounts, sessions, the audit log and the 幸福码 counters: the same expectations on both engines.
describe.each(ENGINES)('account and entry repositories on %s', (engine) => {
  describe.skipIf(!engineRuns(engine))('freshly migrated', () => {
    const db = useMigratedEngine(engine);

    it('answers the health check', async () => {
      await expect(createHealthRepository(db()).ping()).resolves.toBeUndefined();
      const regions = createRegionsRepository(db());
      await regions.insert({ code: COUNTY, name: '苍南县', level: 'county', parent: null, phone: null });
      await regions.insert({ code: TOWNSHIP, name: '灵溪镇', level: 'township', parent: COUNTY, phone: null });
      await regions.insert({ code: VILLAGE, name: '渎浦村', level: 'village', parent: TOWNSHIP, phone: null });
    });

    it('creates, finds and updates staff accounts', async () => {
      const users = createUsersRepository(db());
      const admin = await users.create({ username: 'Admin', passwordHash: 'h1', role: 'county_admin', township: null, mustChangePassword: true });
      const staff = await users.create({ username: 'lingxi', passwordHash: 'h2', role: 'township_staff', township: TOWNSHIP, mustChangePassword: false });
      expect(await users.findById(admin)).toEqual({
        id: admin, username: 'Admin', passwordHash: 'h1', role: 'county_admin', township: null, mustChangePassword: true,
        disabled: false, failedLogins: 0, lockedUntil: null, resourceId: null, county: COUNTY,
      });
      // The only county when none is given (#16); a township's account is in its township's county.
      expect((await users.findById(staff))?.county).toBe(COUNTY);
      // Usernames are case-insensitive on both engines.
      expect((await users.findByUsername('admin'))?.id).toBe(admin);
      expect(await users.findByUsername('nobody')).toBeUndefined();
      await expect(users.create({ username: 'ADMIN', passwordHash: 'h', role: 'viewer', township: null, mustChangePassword: false })).rejects.toThrow(
        /unique|duplicate/i,
      );

      await users.recordFailedLogin(staff);
      await users.recordFailedLogin(staff);
      expect((await users.findById(staff))?.failedLogins).toBe(2);
      await users.recordSuccessfulLogin(staff);
      expect((await users.findById(staff))?.failedLogins).toBe(0);
      await users.setPassword(admin, 'h3', false);
      expect(await users.findById(admin)).toMatchObject({ passwordHash: 'h3', mustChangePassword: false });

      expect(await users.assignableIn(TOWNSHIP)).toEqual([{ id: staff, username: 'lingxi' }]);
      expect(await users.countActiveAdmins(null)).toBe(1);
      await users.setDisabled(staff, true);
      expect(await users.assignableIn(TOWNSHIP)).toEqual([]);
      await users.setRole(staff, 'viewer', null);
      await users.setDisabled(staff, false);
      expect(await users.findById(staff)).toMatchObject({ role: 'viewer', township: null, disabled: false });
      const viewer = await users.create({ username: 'kan', passwordHash: 'h4', role: 'viewer', township: TOWNSHIP, mustChangePassword: false });
      await users.setDisabled(viewer, true);
      // Active before disabled; county accounts (no township) before township ones.
      const listed = await users.listManaged(null);
      expect(listed.map((u) => u.username)).toEqual(['Admin', 'lingxi', 'kan']);
      expect(listed[0]).toMatchObject({ role: 'county_admin', mustChangePassword: false, disabled: false, lockedUntil: null });
      expect(typeof listed[0]!.createdAt).toBe('string');
    });

    it('creates, finds, touches and expires sessions', async () => {
      const users = createUsersRepository(db());
      const sessions = createSessionsRepository(db());
      const userId = (await users.findByUsername('admin'))!.id;
      await sessions.create('hash-a', userId, 'csrf-a', '2026-03-01T00:00:00.000Z');
      await sessions.create('hash-b', userId, 'csrf-b', '2026-03-01T00:00:00.000Z');
      expect(await sessions.find('hash-a')).toEqual({
        id: 'hash-a', user_id: userId, csrf_token: 'csrf-a', created_at: '2026-03-01T00:00:00.000Z', last_seen_at: '2026-03-01T00:00:00.000Z',
      });
      await sessions.touch('hash-a', '2026-03-02T00:00:00.000Z');
      expect((await sessions.find('hash-a'))?.last_seen_at).toBe('2026-03-02T00:00:00.000Z');
      await sessions.removeIdleSince('2026-03-01T12:00:00.000Z');
      expect(await sessions.find('hash-b')).toBeUndefined();
      expect(await sessions.find('hash-a')).toBeDefined();
      await sessions.remove('hash-a');
      expect(await sessions.find('hash-a')).toBeUndefined();
      await sessions.create('hash-c', userId, 'csrf-c', '2026-03-03T00:00:00.000Z');
      await sessions.removeForUser(userId);
      expect(await sessions.find('hash-c')).toBeUndefined();
    });

    it('appends to the audit log and pages it newest first, by actor, target, action prefix and time', async () => {
      const audit = createAuditRepository(db());
      await audit.record({ actor: 'staff:1', action: 'case.status', target: 'case:1', detail: '{"to":"closed"}', clientIp: '10.0.0.1' });
      await audit.record({ actor: 'staff:2', action: 'case.assign', target: 'case:1' });
      await audit.record({ actor: 'staff:1', action: 'user.create', target: 'user:5' });
      await audit.record({ actor: 'staff:1', action: 'casework', target: 'case:2' });
      const all = await audit.page({ limit: 10 });
      expect(all.map((r) => r.action)).toEqual(['casework', 'user.create', 'case.assign', 'case.status']);
      expect(all[3]).toMatchObject({ actor: 'staff:1', target: 'case:1', detail: '{"to":"closed"}', clientIp: '10.0.0.1' });
      expect(typeof all[3]!.at).toBe('string');
      expect((await audit.forTarget('case:1')).map((r) => r.action)).toEqual(['case.status', 'case.assign']);
      expect((await audit.page({ actor: 'staff:1', limit: 10 })).map((r) => r.action)).toEqual(['casework', 'user.create', 'case.status']);
      expect((await audit.page({ target: 'user:5', limit: 10 })).map((r) => r.action)).toEqual(['user.create']);
      // 'case.' is a prefix; 'casework' does not start with it.
      expect((await audit.page({ action: 'case.', limit: 10 })).map((r) => r.action)).toEqual(['case.assign', 'case.status']);
      expect((await audit.page({ action: 'case.assign', limit: 10 })).map((r) => r.action)).toEqual(['case.assign']);
      const [newest, second] = all;
      expect((await audit.page({ beforeId: second!.id, limit: 1 })).map((r) => r.id)).toEqual([all[2]!.id]);
      expect((await audit.page({ from: newest!.at, limit: 10 })).map((r) => r.id)).toContain(newest!.id);
      expect(await audit.page({ to: '2000-01-01T00:00:00.000Z', limit: 10 })).toEqual([]);
      expect(await audit.actions()).toEqual(['case.assign', 'case.status', 'casework', 'user.create']);
    });

    it('stores entry points, lists and filters them, and sums scan and completion counts', async () => {
      const entries = createEntriesRepository(db());
      await entries.insert({ code: 'E1', township: TOWNSHIP, village: VILLAGE, label: '1号' });
      await entries.insertAll([
        { code: 'E2', township: TOWNSHIP, village: VILLAGE, label: '2号' },
        { code: 'E3', township: TOWNSHIP, village: null, label: null },
      ]);
      await expect(entries.insertAll([{ code: 'E1', township: TOWNSHIP, village: null, label: null }])).rejects.toThrow(/unique|duplicate|primary/i);
      expect(await entries.find('E1')).toMatchObject({ code: 'E1', active: true, disabledReason: null, scanCount: 0, completionCount: 0 });
      expect(await entries.find('nope')).toBeUndefined();
      expect(await entries.codeExists('E2')).toBe(true);
      expect(await entries.codeExists('E9')).toBe(false);
      expect((await entries.list()).map((e) => e.code).sort()).toEqual(['E1', 'E2', 'E3']);
      expect((await entries.listWhere({ township: TOWNSHIP })).map((e) => e.code)).toEqual(['E3', 'E1', 'E2']);
      expect((await entries.listWhere({ village: VILLAGE })).map((e) => e.code)).toEqual(['E1', 'E2']);
      expect(await entries.activeLabelsIn(VILLAGE)).toEqual(new Set(['1号', '2号']));

      expect(await entries.setActive('E2', false, '门牌损坏')).toBe(true);
      expect(await entries.setActive('E9', false, '无')).toBe(false);
      expect(await entries.find('E2')).toMatchObject({ active: false, disabledReason: '门牌损坏' });
      expect((await entries.listWhere({ active: false })).map((e) => e.code)).toEqual(['E2']);
      expect(await entries.activeLabelsIn(VILLAGE)).toEqual(new Set(['1号']));

      // Twice on the same day: the day's row is summed, not replaced.
      await entries.countScans('E1', '2026-03-01', 2);
      await entries.countScans('E1', '2026-03-01', 3);
      await entries.countScans('E1', '2026-03-02', 1);
      await entries.countCompletion('E1', '2026-03-01', true);
      await entries.countCompletion('E1', '2026-03-01', false);
      await entries.countCompletions('E1', '2026-03-01', 3, 1);
      expect(await entries.find('E1')).toMatchObject({ scanCount: 6, completionCount: 5 });
      const scans = await db().selectFrom('scan_counts').select(['day', 'scans']).where('entry_code', '=', 'E1').orderBy('day').execute();
      expect(scans).toEqual([{ day: '2026-03-01', scans: 5 }, { day: '2026-03-02', scans: 1 }]);
      const screenings = await db().selectFrom('screening_counts').select(['completed', 'suspected']).where('entry_code', '=', 'E1').execute();
      expect(screenings).toEqual([{ completed: 5, suspected: 2 }]);
    });
  });
});
