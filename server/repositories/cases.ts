import { riskRank, type RiskLevel } from '../../shared/cases/risk';
import type { DB } from '../db/open';

export type CaseSource = 'self' | 'report' | 'warning';

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
}

export interface CaseRow {
  id: number;
  township: string;
  village: string | null;
  person_key: string | null;
  subject_enc: Buffer;
  name_masked: string;
  phone_masked: string | null;
  id_masked: string | null;
  address_masked: string | null;
  source: CaseSource;
  status: string;
  level: RiskLevel;
  level_reason: string | null;
  target_class: string | null;
  answers_json: string | null;
  result_json: string | null;
  rules_version: string | null;
  situations_json: string | null;
  assignee_id: number | null;
  due_at: string | null;
  next_visit_at: string | null;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  name_key: string | null;
  name_phone_key: string | null;
  merged_into: number | null;
  escalated_at: string | null;
}

/** An open case that may be the same person as another (可能是同一人). */
export interface DuplicateRow {
  id: number;
  name_masked: string;
  village: string | null;
  created_at: string;
  match: 'name_phone' | 'name_village';
}

export interface SubmissionRow {
  id: number;
  case_id: number;
  kind: 'request' | 'report';
  request_id: string;
  tracking_code: string;
  entry_code: string | null;
  payload_enc: Buffer;
  reporter_relation: string | null;
  created_at: string;
  body_hash: string | null;
}

export interface EventRow {
  id: number;
  case_id: number;
  submission_id: number | null;
  at: string;
  type: string;
  actor: string;
  public_text: string | null;
  detail_enc: Buffer | null;
}

export function createCasesRepository(db: DB) {
  const insertCase = db.prepare(`INSERT INTO cases
    (township, village, person_key, subject_enc, name_masked, phone_masked, id_masked, address_masked, source, status,
     level, target_class, answers_json, result_json, rules_version, situations_json, due_at, created_at, updated_at,
     level_rank, phone_tail, id_tail, name_key, name_phone_key)
    VALUES (@township, @village, @personKey, @subjectEnc, @nameMasked, @phoneMasked, @idMasked, @addressMasked, @source, @status,
     @level, @targetClass, @answersJson, @resultJson, @rulesVersion, @situationsJson, @dueAt, @now, @now,
     @levelRank, substr(@phoneMasked, -4), substr(@idMasked, -4), @nameKey, @namePhoneKey)`);
  const byId = db.prepare<[number], CaseRow>('SELECT * FROM cases WHERE id = ?');
  const openByPerson = db.prepare<[string, string], CaseRow>(
    'SELECT * FROM cases WHERE township = ? AND person_key = ? AND closed_at IS NULL ORDER BY id DESC LIMIT 1',
  );
  const openByPersonAnywhere = db.prepare<[string], CaseRow>(
    'SELECT * FROM cases WHERE person_key = ? AND closed_at IS NULL ORDER BY id DESC LIMIT 1',
  );
  const escalate = db.prepare('UPDATE cases SET escalated_at = COALESCE(escalated_at, @now), updated_at = @now WHERE id = @id');
  const insertSubmission = db.prepare(`INSERT INTO submissions
    (case_id, kind, request_id, tracking_code, entry_code, payload_enc, reporter_relation, created_at, body_hash)
    VALUES (@caseId, @kind, @requestId, @trackingCode, @entryCode, @payloadEnc, @reporterRelation, @now, @bodyHash)`);
  const submissionByRequest = db.prepare<[string], SubmissionRow>('SELECT * FROM submissions WHERE request_id = ?');
  const submissionByTracking = db.prepare<[string], SubmissionRow>('SELECT * FROM submissions WHERE tracking_code = ?');
  const submissionsOfCase = db.prepare<[number], SubmissionRow>('SELECT * FROM submissions WHERE case_id = ? ORDER BY id');
  const insertEvent = db.prepare(`INSERT INTO case_events (case_id, submission_id, at, type, actor, public_text, detail_enc)
    VALUES (@caseId, @submissionId, @at, @type, @actor, @publicText, @detailEnc)`);
  // By time, then id: a merged case's copied steps slot in where they happened.
  const eventsOfCase = db.prepare<[number], EventRow>('SELECT * FROM case_events WHERE case_id = ? ORDER BY at, id');
  const publicEvents = db.prepare<[number, number], EventRow>(
    `SELECT * FROM case_events WHERE case_id = ? AND public_text IS NOT NULL
       AND (submission_id IS NULL OR submission_id = ?) ORDER BY at, id`,
  );
  // Two index lookups (name + phone; name + village), not one OR the planner might scan for.
  const duplicates = db.prepare<Record<string, unknown>, DuplicateRow>(`
    SELECT id, name_masked, village, created_at, 'name_phone' AS match FROM cases
      WHERE township = @township AND closed_at IS NULL AND name_phone_key = @namePhoneKey AND id <> @id
    UNION
    SELECT id, name_masked, village, created_at, 'name_village' AS match FROM cases
      WHERE township = @township AND closed_at IS NULL AND name_key = @nameKey AND village = @village AND id <> @id
        AND (name_phone_key IS NOT @namePhoneKey OR @namePhoneKey IS NULL)
    ORDER BY id LIMIT 5`);
  const moveSubmissions = db.prepare('UPDATE submissions SET case_id = @to WHERE case_id = @from');
  const copyEvents = db.prepare(`INSERT INTO case_events (case_id, submission_id, at, type, actor, public_text, detail_enc)
    SELECT @to, submission_id, at, type, actor, public_text, detail_enc FROM case_events WHERE case_id = @from ORDER BY at, id`);
  const absorb = db.prepare(`UPDATE cases SET person_key = COALESCE(person_key, @personKey), name_key = COALESCE(name_key, @nameKey),
      name_phone_key = COALESCE(name_phone_key, @namePhoneKey), village = COALESCE(village, @village),
      assignee_id = COALESCE(assignee_id, @assigneeId), target_class = COALESCE(target_class, @targetClass), updated_at = @now
    WHERE id = @id`);
  const setMergedInto = db.prepare('UPDATE cases SET merged_into = @into WHERE id = @id');
  const touch = db.prepare('UPDATE cases SET updated_at = @now WHERE id = @id');
  const raiseLevel = db.prepare(`UPDATE cases SET level = @level, due_at = CASE
      WHEN due_at IS NULL OR @dueAt < due_at THEN @dueAt ELSE due_at END WHERE id = @id`);
  const fillAnswers = db.prepare(`UPDATE cases SET answers_json = @answersJson, result_json = @resultJson,
      rules_version = @rulesVersion, target_class = COALESCE(@targetClass, target_class) WHERE id = @id`);

  const setStatus = db.prepare(`UPDATE cases SET status = @status, updated_at = @now,
      closed_at = CASE WHEN @status = 'closed' THEN @now ELSE NULL END WHERE id = @id`);
  // A village belongs to its township: moving the case to another township leaves the village to be filled in again.
  const assign = db.prepare(`UPDATE cases SET village = CASE WHEN township = @township THEN village ELSE NULL END,
      township = @township, assignee_id = @assigneeId, updated_at = @now WHERE id = @id`);
  const setVillage = db.prepare('UPDATE cases SET village = @village, updated_at = @now WHERE id = @id');
  const setTargetClass = db.prepare('UPDATE cases SET target_class = @targetClass, updated_at = @now WHERE id = @id');
  const setLevel = db.prepare('UPDATE cases SET level = @level, level_reason = @reason, updated_at = @now WHERE id = @id');
  const setNextVisit = db.prepare('UPDATE cases SET next_visit_at = @nextVisitAt WHERE id = @id');
  const setDue = db.prepare('UPDATE cases SET due_at = @dueAt WHERE id = @id');

  return {
    setStatus: (id: number, status: string, now: string): void => {
      setStatus.run({ id, status, now });
    },
    assign: (id: number, township: string, assigneeId: number | null, now: string): void => {
      assign.run({ id, township, assigneeId, now });
    },
    setLevel: (id: number, level: RiskLevel, reason: string, now: string): void => {
      setLevel.run({ id, level, reason, now });
    },
    setVillage: (id: number, village: string, now: string): void => {
      setVillage.run({ id, village, now });
    },
    setTargetClass: (id: number, targetClass: string, now: string): void => {
      setTargetClass.run({ id, targetClass, now });
    },
    /** Open cases in the same township that may be this person: same name and phone, or same name and village. */
    possibleDuplicates: (row: Pick<CaseRow, 'id' | 'township' | 'village' | 'name_key' | 'name_phone_key'>): DuplicateRow[] => {
      if (!row.name_phone_key && !(row.name_key && row.village)) return [];
      return duplicates.all({ id: row.id, township: row.township, village: row.village, nameKey: row.name_key, namePhoneKey: row.name_phone_key });
    },
    /**
     * Staff merge: the newer case's submissions move to the older one and its timeline is copied there (the
     * timeline is append-only); the older case takes over what it lacked. The caller closes the newer case.
     */
    mergeInto: (older: CaseRow, newer: CaseRow, now: string): void => {
      moveSubmissions.run({ from: newer.id, to: older.id });
      copyEvents.run({ from: newer.id, to: older.id });
      absorb.run({
        id: older.id,
        personKey: newer.person_key,
        nameKey: newer.name_key,
        namePhoneKey: newer.name_phone_key,
        village: newer.village,
        assigneeId: newer.assignee_id,
        targetClass: newer.target_class,
        now,
      });
      setMergedInto.run({ id: newer.id, into: older.id });
    },
    setDue: (id: number, dueAt: string): void => {
      setDue.run({ id, dueAt });
    },
    setNextVisit: (id: number, nextVisitAt: string | null): void => {
      setNextVisit.run({ id, nextVisitAt });
    },
    insertCase: (row: NewCase): number =>
      Number(insertCase.run({ nameKey: null, namePhoneKey: null, ...row, levelRank: riskRank(row.level) }).lastInsertRowid),
    find: (id: number): CaseRow | undefined => byId.get(id),
    findOpenByPersonKey: (township: string, personKey: string): CaseRow | undefined => openByPerson.get(township, personKey),
    /** The person's newest open case in any township (a warning joins it wherever it is). */
    findOpenByPersonKeyAnywhere: (personKey: string): CaseRow | undefined => openByPersonAnywhere.get(personKey),
    /** 一事一议: staff send the case to the county; the first time counts. */
    escalate: (id: number, now: string): void => {
      escalate.run({ id, now });
    },
    insertSubmission: (row: {
      caseId: number;
      kind: 'request' | 'report';
      requestId: string;
      trackingCode: string;
      entryCode: string | null;
      payloadEnc: Buffer;
      reporterRelation: string | null;
      now: string;
      bodyHash?: string | null;
    }): number => Number(insertSubmission.run({ bodyHash: null, ...row }).lastInsertRowid),
    findSubmissionByRequestId: (requestId: string): SubmissionRow | undefined => submissionByRequest.get(requestId),
    findSubmissionByTrackingCode: (code: string): SubmissionRow | undefined => submissionByTracking.get(code),
    submissionsOf: (caseId: number): SubmissionRow[] => submissionsOfCase.all(caseId),
    appendEvent: (row: {
      caseId: number;
      submissionId?: number | null;
      at: string;
      type: string;
      actor: string;
      publicText?: string | null;
      detailEnc?: Buffer | null;
    }): void => {
      insertEvent.run({ submissionId: null, publicText: null, detailEnc: null, ...row });
    },
    eventsOf: (caseId: number): EventRow[] => eventsOfCase.all(caseId),
    publicEventsFor: (caseId: number, submissionId: number): EventRow[] => publicEvents.all(caseId, submissionId),
    touch: (id: number, now: string): void => {
      touch.run({ id, now });
    },
    raiseLevel: (id: number, level: RiskLevel, dueAt: string | null): void => {
      raiseLevel.run({ id, level, dueAt });
    },
    fillAnswers: (id: number, v: { answersJson: string; resultJson: string; rulesVersion: string; targetClass: string | null }): void => {
      fillAnswers.run({ id, ...v });
    },
  };
}

export type CasesRepository = ReturnType<typeof createCasesRepository>;
