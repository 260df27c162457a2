import { sql, type Selectable } from 'kysely';
import { riskRank, type RiskLevel } from '../../shared/cases/risk';
import type { Engine } from '../db/engine';
import { powerOfTwoPieces } from './bulk';
import { countyOnInsert } from './dialect';
import type { CaseEventsTable, CasesTable, SubmissionsTable } from '../db/schema';

export type CaseSource = CasesTable['source'];

export interface NewCase {
  township: string;
  village: string | null;
  personKey: string | null;
  /** Blind indexes for the same-person hint (可能是同一人); absent on rows written by older code. */
  nameKey?: string | null;
  namePhoneKey?: string | null;
  subjectEnc: Buffer;
  nameMasked: string;
  phoneMasked: string | null;
  idMasked: string | null;
  addressMasked: string | null;
  source: CaseSource;
  status: string;
  level: RiskLevel;
  targetClass: string | null;
  answersJson: string | null;
  resultJson: string | null;
  rulesVersion: string | null;
  situationsJson: string | null;
  dueAt: string | null;
  now: string;
  /** Only for a case written already closed (a bench seed); intake always opens cases. */
  closedAt?: string | null;
}

/** The screening columns of a case no questionnaire made: one opened from a visit, a warning or a bench seed. */
export const NOT_SCREENED = { answersJson: null, resultJson: null, rulesVersion: null, situationsJson: null } as const;

/** A case as the app reads it: the table's row without the columns only the queue and retention use. */
export type CaseRow = Omit<Selectable<CasesTable>, 'level_rank' | 'redacted_at' | 'phone_tail' | 'id_tail' | 'county'>;

/** An open case that may be the same person as another (可能是同一人). */
export interface DuplicateRow {
  id: number;
  name_masked: string;
  village: string | null;
  created_at: string;
  match: 'name_phone' | 'name_village';
}

export type SubmissionRow = Selectable<SubmissionsTable>;

export type EventRow = Selectable<CaseEventsTable>;

const CASE_COLUMNS = [
  'id', 'township', 'village', 'person_key', 'subject_enc', 'name_masked', 'phone_masked', 'id_masked', 'address_masked',
  'source', 'status', 'level', 'level_reason', 'target_class', 'answers_json', 'result_json', 'rules_version',
  'situations_json', 'assignee_id', 'due_at', 'next_visit_at', 'created_at', 'updated_at', 'closed_at', 'name_key',
  'name_phone_key', 'merged_into', 'escalated_at',
] as const satisfies ReadonlyArray<keyof CaseRow>;

const EVENT_COLUMNS = ['case_id', 'submission_id', 'at', 'type', 'actor', 'public_text', 'detail_enc'] as const;

/** The last four characters, as SQLite's substr(x, -4) and PostgreSQL's right(x, 4) count them. */
function tail(text: string | null): string | null {
  return text === null ? null : Array.from(text).slice(-4).join('');
}

/** A new case as its row: the one place a case's columns are written. */
function caseValues(db: Engine, row: NewCase) {
  return {
    township: row.township,
    ...countyOnInsert(db, row.township),
    village: row.village,
    person_key: row.personKey,
    subject_enc: row.subjectEnc,
    name_masked: row.nameMasked,
    phone_masked: row.phoneMasked,
    id_masked: row.idMasked,
    address_masked: row.addressMasked,
    source: row.source,
    status: row.status,
    level: row.level,
    target_class: row.targetClass,
    answers_json: row.answersJson,
    result_json: row.resultJson,
    rules_version: row.rulesVersion,
    situations_json: row.situationsJson,
    due_at: row.dueAt,
    created_at: row.now,
    updated_at: row.now,
    closed_at: row.closedAt ?? null,
    level_rank: riskRank(row.level),
    phone_tail: tail(row.phoneMasked),
    id_tail: tail(row.idMasked),
    name_key: row.nameKey ?? null,
    name_phone_key: row.namePhoneKey ?? null,
  };
}

export interface NewSubmission {
  caseId: number;
  kind: 'request' | 'report';
  requestId: string;
  trackingCode: string;
  entryCode: string | null;
  payloadEnc: Buffer;
  reporterRelation: string | null;
  now: string;
  bodyHash?: string | null;
}

const submissionValues = (row: NewSubmission) => ({
  case_id: row.caseId,
  kind: row.kind,
  request_id: row.requestId,
  tracking_code: row.trackingCode,
  entry_code: row.entryCode,
  payload_enc: row.payloadEnc,
  reporter_relation: row.reporterRelation,
  created_at: row.now,
  body_hash: row.bodyHash ?? null,
});

export interface NewEvent {
  caseId: number;
  submissionId?: number | null;
  at: string;
  type: string;
  actor: string;
  publicText?: string | null;
  detailEnc?: Buffer | null;
}

const eventValues = (row: NewEvent) => ({
  case_id: row.caseId,
  submission_id: row.submissionId ?? null,
  at: row.at,
  type: row.type,
  actor: row.actor,
  public_text: row.publicText ?? null,
  detail_enc: row.detailEnc ?? null,
});

/** Rows for multi-row INSERTs in few statement shapes, each under the bound-parameter limit (./bulk.ts). */
const inPieces = <T extends object>(rows: readonly T[]) => powerOfTwoPieces(rows, Object.keys(rows[0] ?? {}).length);

/**
 * Cases, their submissions and timelines: what intake, the workflow and the merge write. Each method is one
 * statement except mergeInto, which callers run inside store.transaction.
 */
export function createCasesRepository(db: Engine) {
  const cases = () => db.selectFrom('cases').select(CASE_COLUMNS);
  const theCase = (id: number) => db.updateTable('cases').where('id', '=', id);

  return {
    async setStatus(id: number, status: string, now: string): Promise<void> {
      await theCase(id).set({ status, updated_at: now, closed_at: status === 'closed' ? now : null }).execute();
    },
    async assign(id: number, township: string, assigneeId: number | null, now: string): Promise<void> {
      // A village belongs to its township: moving the case to another township leaves the village to be filled in again.
      await theCase(id).set((eb) => ({
        village: eb.case().when('township', '=', township).then(eb.ref('village')).else(null).end(),
        township,
        assignee_id: assigneeId,
        updated_at: now,
      })).execute();
    },
    async setLevel(id: number, level: RiskLevel, reason: string, now: string): Promise<void> {
      await theCase(id).set({ level, level_reason: reason, updated_at: now }).execute();
    },
    async setVillage(id: number, village: string, now: string): Promise<void> {
      await theCase(id).set({ village, updated_at: now }).execute();
    },
    async setTargetClass(id: number, targetClass: string, now: string): Promise<void> {
      await theCase(id).set({ target_class: targetClass, updated_at: now }).execute();
    },
    /** Open cases in the same township that may be this person: same name and phone, or same name and village. */
    async possibleDuplicates(row: Pick<CaseRow, 'id' | 'township' | 'village' | 'name_key' | 'name_phone_key'>): Promise<DuplicateRow[]> {
      const { id, township, village, name_key: nameKey, name_phone_key: namePhoneKey } = row;
      const open = () => db.selectFrom('cases').where('township', '=', township).where('closed_at', 'is', null).where('id', '<>', id);
      // Two index lookups (name + phone; name + village), not one OR the planner might scan for.
      const byNamePhone = namePhoneKey
        ? open()
            .select(['id', 'name_masked', 'village', 'created_at', sql.lit('name_phone').$castTo<DuplicateRow['match']>().as('match')])
            .where('name_phone_key', '=', namePhoneKey)
        : undefined;
      const byNameVillage =
        nameKey && village
          ? open()
              .select(['id', 'name_masked', 'village', 'created_at', sql.lit('name_village').$castTo<DuplicateRow['match']>().as('match')])
              .where('name_key', '=', nameKey)
              .where('village', '=', village)
              .where((eb) =>
                namePhoneKey === null ? eb.lit(true) : eb.or([eb('name_phone_key', 'is', null), eb('name_phone_key', '<>', namePhoneKey)]),
              )
          : undefined;
      if (byNamePhone && byNameVillage) return byNamePhone.union(byNameVillage).orderBy('id').limit(5).execute();
      const one = byNamePhone ?? byNameVillage;
      return one ? one.orderBy('id').limit(5).execute() : [];
    },
    /**
     * Staff merge: the newer case's submissions move to the older one and its timeline is copied there (the
     * timeline is append-only); the older case takes over what it lacked. The caller closes the newer case.
     * Several statements: callers run it inside store.transaction.
     */
    async mergeInto(older: CaseRow, newer: CaseRow, now: string): Promise<void> {
      await db.updateTable('submissions').set({ case_id: older.id }).where('case_id', '=', newer.id).execute();
      await db
        .insertInto('case_events')
        .columns(EVENT_COLUMNS)
        .expression(
          db
            .selectFrom('case_events')
            .select([
              sql<number>`cast(${older.id} as integer)`.as('case_id'),
              'submission_id', 'at', 'type', 'actor', 'public_text', 'detail_enc',
            ])
            .where('case_id', '=', newer.id)
            .orderBy('at')
            .orderBy('id'),
        )
        .execute();
      await theCase(older.id).set((eb) => ({
        person_key: eb.fn.coalesce('person_key', eb.val(newer.person_key)),
        name_key: eb.fn.coalesce('name_key', eb.val(newer.name_key)),
        name_phone_key: eb.fn.coalesce('name_phone_key', eb.val(newer.name_phone_key)),
        village: eb.fn.coalesce('village', eb.val(newer.village)),
        assignee_id: eb.fn.coalesce('assignee_id', eb.val(newer.assignee_id)),
        target_class: eb.fn.coalesce('target_class', eb.val(newer.target_class)),
        updated_at: now,
      })).execute();
      await theCase(newer.id).set({ merged_into: older.id }).execute();
    },
    async setDue(id: number, dueAt: string): Promise<void> {
      await theCase(id).set({ due_at: dueAt }).execute();
    },
    async setNextVisit(id: number, nextVisitAt: string | null): Promise<void> {
      await theCase(id).set({ next_visit_at: nextVisitAt }).execute();
    },
    /** level_rank and the tails are written here, so the insert triggers (016) have nothing to repair. */
    async insertCase(row: NewCase): Promise<number> {
      const { id } = await db.insertInto('cases').values(caseValues(db, row)).returning('id').executeTakeFirstOrThrow();
      return id;
    },
    /**
     * Many cases in few statements (数据预警导入), each with a distinct person key, which is how the caller knows
     * each one's id (RETURNING promises no order): person key → id.
     */
    async insertCases(rows: readonly (NewCase & { personKey: string })[]): Promise<Map<string, number>> {
      const ids = new Map<string, number>();
      for (const chunk of inPieces(rows.map((row) => caseValues(db, row)))) {
        const inserted = await db.insertInto('cases').values([...chunk]).returning(['id', 'person_key']).execute();
        for (const r of inserted) ids.set(r.person_key!, r.id);
      }
      return ids;
    },
    find: (id: number): Promise<CaseRow | undefined> => cases().where('id', '=', id).executeTakeFirst(),
    findOpenByPersonKey: (township: string, personKey: string): Promise<CaseRow | undefined> =>
      cases()
        .where('township', '=', township)
        .where('person_key', '=', personKey)
        .where('closed_at', 'is', null)
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst(),
    /** The person's newest open case in any township (a warning joins it wherever it is). */
    findOpenByPersonKeyAnywhere: (personKey: string): Promise<CaseRow | undefined> =>
      cases().where('person_key', '=', personKey).where('closed_at', 'is', null).orderBy('id', 'desc').limit(1).executeTakeFirst(),
    /** 一事一议: staff send the case to the county; the first time counts. */
    async escalate(id: number, now: string): Promise<void> {
      await theCase(id).set((eb) => ({ escalated_at: eb.fn.coalesce('escalated_at', eb.val(now)), updated_at: now })).execute();
    },
    async insertSubmission(row: NewSubmission): Promise<number> {
      const { id } = await db.insertInto('submissions').values(submissionValues(row)).returning('id').executeTakeFirstOrThrow();
      return id;
    },
    /** Many submissions in few statements (the bench seed); request ids are unique, so: request id → id. */
    async insertSubmissions(rows: readonly NewSubmission[]): Promise<Map<string, number>> {
      const ids = new Map<string, number>();
      for (const chunk of inPieces(rows.map(submissionValues))) {
        const inserted = await db.insertInto('submissions').values([...chunk]).returning(['id', 'request_id']).execute();
        for (const r of inserted) ids.set(r.request_id, r.id);
      }
      return ids;
    },
    findSubmissionByRequestId: (requestId: string): Promise<SubmissionRow | undefined> =>
      db.selectFrom('submissions').selectAll().where('request_id', '=', requestId).executeTakeFirst(),
    findSubmissionByTrackingCode: (code: string): Promise<SubmissionRow | undefined> =>
      db.selectFrom('submissions').selectAll().where('tracking_code', '=', code).executeTakeFirst(),
    submissionsOf: (caseId: number): Promise<SubmissionRow[]> =>
      db.selectFrom('submissions').selectAll().where('case_id', '=', caseId).orderBy('id').execute(),
    async appendEvent(row: NewEvent): Promise<void> {
      await db.insertInto('case_events').values(eventValues(row)).execute();
    },
    /** Many events in few statements, in the order given (数据预警导入). */
    async appendEvents(rows: readonly NewEvent[]): Promise<void> {
      for (const chunk of inPieces(rows.map(eventValues))) await db.insertInto('case_events').values([...chunk]).execute();
    },
    // By time, then id: a merged case's copied steps slot in where they happened.
    eventsOf: (caseId: number): Promise<EventRow[]> =>
      db.selectFrom('case_events').selectAll().where('case_id', '=', caseId).orderBy('at').orderBy('id').execute(),
    publicEventsFor: (caseId: number, submissionId: number): Promise<EventRow[]> =>
      db
        .selectFrom('case_events')
        .selectAll()
        .where('case_id', '=', caseId)
        .where('public_text', 'is not', null)
        .where((eb) => eb.or([eb('submission_id', 'is', null), eb('submission_id', '=', submissionId)]))
        .orderBy('at')
        .orderBy('id')
        .execute(),
    async touch(id: number, now: string): Promise<void> {
      await theCase(id).set({ updated_at: now }).execute();
    },
    /** A higher level; the due date only ever moves earlier. */
    async raiseLevel(id: number, level: RiskLevel, dueAt: string | null): Promise<void> {
      if (dueAt === null) {
        await theCase(id).set({ level }).execute();
        return;
      }
      await theCase(id)
        .set((eb) => ({
          level,
          due_at: eb.case().when(eb.or([eb('due_at', 'is', null), eb('due_at', '>', dueAt)])).then(dueAt).else(eb.ref('due_at')).end(),
        }))
        .execute();
    },
    async fillAnswers(id: number, v: { answersJson: string; resultJson: string; rulesVersion: string; targetClass: string | null }): Promise<void> {
      await theCase(id).set((eb) => ({
        answers_json: v.answersJson,
        result_json: v.resultJson,
        rules_version: v.rulesVersion,
        target_class: eb.fn.coalesce(eb.val(v.targetClass), eb.ref('target_class')),
      })).execute();
    },
  };
}

export type CasesRepository = ReturnType<typeof createCasesRepository>;
