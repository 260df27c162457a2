import { describe, expect, it } from 'vitest';
import { ENGINES, engineRuns, useMigratedEngine } from '../../tests/helpers/engines';
import type { Engine } from '../db/engine';
import { createCaseQueueRepository } from './case-queue';
import { createCasesRepository, type NewCase } from './cases';
import { createKeyCheckRepository } from './key-check';
import { createRegionsRepository } from './regions';
import { createRetentionRepository } from './retention';

const COUNTY = '330327000000';
const TOWNSHIP = '330327101000';
const OTHER_TOWNSHIP = '330327102000';
const VILLAGE = '330327101201';
const NOW = '2026-03-01T08:00:00.000Z';

function newCase(fields: Partial<NewCase> = {}): NewCase {
  return {
    township: TOWNSHIP, village: VILLAGE, personKey: 'person-1', nameKey: 'name-1', namePhoneKey: 'name-phone-1',
    subjectEnc: Buffer.from('密文'), nameMasked: '张*', phoneMasked: '139****1234', idMasked: null, addressMasked: '渎浦村*号',
    source: 'self', status: 'new', level: 'yellow', targetClass: null, answersJson: '{}', resultJson: '{}', rulesVersion: 'v1',
    situationsJson: null, dueAt: '2026-03-08T08:00:00.000Z', now: NOW, ...fields,
  };
}

async function addRegions(db: Engine): Promise<void> {
  const regions = createRegionsRepository(db);
  await regions.insert({ code: COUNTY, name: '苍南县', level: 'county', parent: null, phone: null });
  await regions.insert({ code: TOWNSHIP, name: '灵溪镇', level: 'township', parent: COUNTY, phone: null });
  await regions.insert({ code: OTHER_TOWNSHIP, name: '钱库镇', level: 'township', parent: COUNTY, phone: null });
  await regions.insert({ code: VILLAGE, name: '渎浦村', level: 'village', parent: TOWNSHIP, phone: null });
}

const submission = (caseId: number, requestId: string) => ({
  caseId, kind: 'request' as const, requestId, trackingCode: `T-${requestId}`, entryCode: null,
  payloadEnc: Buffer.from(`payload ${requestId}`), reporterRelation: null, now: NOW,
});

describe.each(ENGINES)('cases repository on %s', (engine) => {
  describe.skipIf(!engineRuns(engine))('freshly migrated', () => {
    const db = useMigratedEngine(engine);

    it('sets up the regions; the key check has no sample yet', async () => {
      await addRegions(db());
      const keyCheck = createKeyCheckRepository(db());
      expect(await keyCheck.sampleCiphertext()).toBeUndefined();
      expect(await keyCheck.stored()).toBeUndefined();
      await keyCheck.store('check-1');
      await keyCheck.store('check-2');
      expect(await keyCheck.stored()).toBe('check-2');
    });

    it('inserts a case and reads it back, with its submission by request id and tracking code, and its timeline', async () => {
      const cases = createCasesRepository(db());
      const id = await cases.insertCase(newCase());
      const row = await cases.find(id);
      expect(row).toMatchObject({
        id, township: TOWNSHIP, village: VILLAGE, person_key: 'person-1', name_masked: '张*', level: 'yellow', status: 'new',
        created_at: NOW, updated_at: NOW, closed_at: null, merged_into: null, escalated_at: null, name_phone_key: 'name-phone-1',
      });
      expect(Buffer.from(row!.subject_enc).toString()).toBe('密文');
      expect(await cases.find(id + 1000)).toBeUndefined();
      expect((await cases.findOpenByPersonKey(TOWNSHIP, 'person-1'))?.id).toBe(id);
      expect(await cases.findOpenByPersonKey(OTHER_TOWNSHIP, 'person-1')).toBeUndefined();
      expect((await cases.findOpenByPersonKeyAnywhere('person-1'))?.id).toBe(id);

      const submissionId = await cases.insertSubmission({ ...submission(id, 'req-1'), bodyHash: 'hash-1' });
      const stored = await cases.findSubmissionByRequestId('req-1');
      expect(stored).toMatchObject({ id: submissionId, case_id: id, kind: 'request', tracking_code: 'T-req-1', body_hash: 'hash-1', entry_code: null });
      expect(Buffer.from(stored!.payload_enc).toString()).toBe('payload req-1');
      expect((await cases.findSubmissionByTrackingCode('T-req-1'))?.id).toBe(submissionId);
      expect(await cases.findSubmissionByRequestId('req-unknown')).toBeUndefined();
      await expect(cases.insertSubmission(submission(id, 'req-1'))).rejects.toThrow(/unique|duplicate/i);
      expect((await cases.submissionsOf(id)).map((s) => s.id)).toEqual([submissionId]);

      await cases.appendEvent({ caseId: id, submissionId, at: NOW, type: 'received', actor: 'resident', publicText: '已收到' });
      await cases.appendEvent({ caseId: id, at: '2026-03-01T09:00:00.000Z', type: 'note', actor: 'staff:1', detailEnc: Buffer.from('内部') });
      await cases.appendEvent({ caseId: id, at: '2026-03-01T10:00:00.000Z', type: 'visit', actor: 'staff:1', publicText: '已上门' });
      expect((await cases.eventsOf(id)).map((e) => e.type)).toEqual(['received', 'note', 'visit']);
      expect((await cases.publicEventsFor(id, submissionId)).map((e) => e.public_text)).toEqual(['已收到', '已上门']);
      expect((await createKeyCheckRepository(db()).sampleCiphertext())?.toString()).toBe('密文');
    });

    it('changes status, level, village, assignment, due dates and escalation', async () => {
      const cases = createCasesRepository(db());
      const id = await cases.insertCase(newCase({ personKey: 'person-2', nameKey: null, namePhoneKey: null }));
      const later = '2026-03-02T08:00:00.000Z';
      await cases.setStatus(id, 'closed', later);
      expect(await cases.find(id)).toMatchObject({ status: 'closed', closed_at: later, updated_at: later });
      await cases.setStatus(id, 'visiting', later);
      expect(await cases.find(id)).toMatchObject({ status: 'visiting', closed_at: null });
      await cases.setLevel(id, 'red', '上门核实', later);
      expect(await cases.find(id)).toMatchObject({ level: 'red', level_reason: '上门核实' });
      await cases.raiseLevel(id, 'red', '2026-03-09T00:00:00.000Z');
      expect((await cases.find(id))?.due_at).toBe('2026-03-08T08:00:00.000Z');
      await cases.raiseLevel(id, 'red', '2026-03-03T00:00:00.000Z');
      expect((await cases.find(id))?.due_at).toBe('2026-03-03T00:00:00.000Z');
      await cases.raiseLevel(id, 'red', null);
      expect((await cases.find(id))?.due_at).toBe('2026-03-03T00:00:00.000Z');
      await cases.setDue(id, '2026-04-01T00:00:00.000Z');
      await cases.setNextVisit(id, '2026-03-20T00:00:00.000Z');
      expect(await cases.find(id)).toMatchObject({ due_at: '2026-04-01T00:00:00.000Z', next_visit_at: '2026-03-20T00:00:00.000Z' });
      await cases.setTargetClass(id, '低保', later);
      await cases.fillAnswers(id, { answersJson: '{"a":1}', resultJson: '{"r":1}', rulesVersion: 'v2', targetClass: null });
      expect(await cases.find(id)).toMatchObject({ target_class: '低保', answers_json: '{"a":1}', rules_version: 'v2' });
      await cases.escalate(id, later);
      await cases.escalate(id, '2026-03-05T00:00:00.000Z');
      expect((await cases.find(id))?.escalated_at).toBe(later);
      // Same township keeps the village; another township clears it.
      await cases.assign(id, TOWNSHIP, null, later);
      expect(await cases.find(id)).toMatchObject({ township: TOWNSHIP, village: VILLAGE });
      await cases.assign(id, OTHER_TOWNSHIP, null, later);
      expect(await cases.find(id)).toMatchObject({ township: OTHER_TOWNSHIP, village: null });
      await cases.setVillage(id, VILLAGE, later);
      await cases.touch(id, '2026-03-06T00:00:00.000Z');
      expect(await cases.find(id)).toMatchObject({ village: VILLAGE, updated_at: '2026-03-06T00:00:00.000Z' });
    });

    it('finds possible duplicates and merges the newer case into the older one', async () => {
      const cases = createCasesRepository(db());
      const keys = { personKey: null, nameKey: 'name-9', namePhoneKey: 'name-phone-9' };
      const older = await cases.insertCase(newCase(keys));
      const newer = await cases.insertCase(newCase({ ...keys, personKey: 'person-9', village: null }));
      const sameVillage = await cases.insertCase(newCase({ ...keys, namePhoneKey: 'other-phone' }));
      const newerRow = (await cases.find(newer))!;
      // The newer case has no village, so only name + phone can match it.
      expect((await cases.possibleDuplicates(newerRow)).map((d) => [d.id, d.match])).toEqual([[older, 'name_phone']]);
      const olderRow = (await cases.find(older))!;
      expect((await cases.possibleDuplicates(olderRow)).map((d) => [d.id, d.match])).toEqual([[newer, 'name_phone'], [sameVillage, 'name_village']]);
      expect((await cases.possibleDuplicates({ ...olderRow, name_phone_key: null })).map((d) => [d.id, d.match])).toEqual([[sameVillage, 'name_village']]);
      expect(await cases.possibleDuplicates({ ...olderRow, name_phone_key: null, village: null })).toEqual([]);

      const submissionId = await cases.insertSubmission(submission(newer, 'req-merge'));
      await cases.appendEvent({ caseId: newer, submissionId, at: '2026-02-28T00:00:00.000Z', type: 'received', actor: 'resident', publicText: '已收到' });
      await cases.appendEvent({ caseId: older, at: NOW, type: 'note', actor: 'staff:1' });
      await cases.mergeInto(olderRow, newerRow, '2026-03-07T00:00:00.000Z');
      expect((await cases.findSubmissionByRequestId('req-merge'))?.case_id).toBe(older);
      expect((await cases.eventsOf(older)).map((e) => [e.type, e.submission_id])).toEqual([['received', submissionId], ['note', null]]);
      expect((await cases.eventsOf(newer)).map((e) => e.type)).toEqual(['received']);
      expect(await cases.find(older)).toMatchObject({ person_key: 'person-9', village: VILLAGE, updated_at: '2026-03-07T00:00:00.000Z' });
      expect((await cases.find(newer))?.merged_into).toBe(older);
    });

    it('keeps the status tally as cases come, change and close', async () => {
      const cases = createCasesRepository(db());
      const queue = createCaseQueueRepository(db());
      const before = await queue.countsByStatus({ township: OTHER_TOWNSHIP });
      const id = await cases.insertCase(newCase({ township: OTHER_TOWNSHIP, village: null, personKey: null }));
      expect(await queue.countsByStatus({ township: OTHER_TOWNSHIP })).toEqual({ ...before, new: (before.new ?? 0) + 1 });
      await cases.setStatus(id, 'closed', NOW);
      const after = await queue.countsByStatus({ township: OTHER_TOWNSHIP });
      expect(after.closed).toBe((before.closed ?? 0) + 1);
      expect(after.new ?? 0).toBe(before.new ?? 0);
      const county = await queue.countsByStatus({ township: null });
      expect(Object.values(county).reduce((a, b) => a + b, 0)).toBe(
        Number((await db().selectFrom('cases').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n),
      );
    });

    it('redacts a closed case past retention: subject, masked columns, payloads, event details and referral needs', async () => {
      const cases = createCasesRepository(db());
      const retention = createRetentionRepository(db());
      const id = await cases.insertCase(newCase({ personKey: 'person-r', idMasked: '3303**********1234' }));
      const open = await cases.insertCase(newCase({ personKey: 'person-open' }));
      await cases.insertSubmission(submission(id, 'req-r'));
      await cases.appendEvent({ caseId: id, at: NOW, type: 'note', actor: 'staff:1', detailEnc: Buffer.from('内部') });
      await cases.setStatus(id, 'closed', '2025-01-01T00:00:00.000Z');
      await cases.setStatus(open, 'visiting', '2025-01-01T00:00:00.000Z');
      const due = await retention.unredactedClosedBefore('2026-01-01T00:00:00.000Z');
      expect(due).toContain(id);
      expect(due).not.toContain(open);
      await retention.redactCase(id, Buffer.from('已清除'), NOW);
      await retention.redactSubmissions(id, Buffer.from('{}'));
      await retention.dropEventDetails(id);
      await retention.redactReferrals(id);
      expect(await cases.find(id)).toMatchObject({ name_masked: '已清除', person_key: null, phone_masked: null, id_masked: null, answers_json: null, name_key: null });
      const tails = await db().selectFrom('cases').select(['redacted_at', 'phone_tail', 'id_tail']).where('id', '=', id).executeTakeFirstOrThrow();
      expect(tails).toEqual({ redacted_at: NOW, phone_tail: null, id_tail: null });
      expect(Buffer.from((await cases.findSubmissionByRequestId('req-r'))!.payload_enc).toString()).toBe('{}');
      expect((await cases.eventsOf(id)).every((e) => e.detail_enc === null)).toBe(true);
      expect(await retention.unredactedClosedBefore('2026-01-01T00:00:00.000Z')).not.toContain(id);
    });
  });
});
