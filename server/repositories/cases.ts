import { riskRank, type RiskLevel } from '../../shared/cases/risk';
import type { DB } from '../db/open';

export type CaseSource = 'self' | 'report';

export interface NewCase {
  township: string;
  village: string | null;
  personKey: string | null;
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
     level_rank, phone_tail, id_tail)
    VALUES (@township, @village, @personKey, @subjectEnc, @nameMasked, @phoneMasked, @idMasked, @addressMasked, @source, @status,
     @level, @targetClass, @answersJson, @resultJson, @rulesVersion, @situationsJson, @dueAt, @now, @now,
     @levelRank, substr(@phoneMasked, -4), substr(@idMasked, -4))`);
  const byId = db.prepare<[number], CaseRow>('SELECT * FROM cases WHERE id = ?');
  const openByPerson = db.prepare<[string, string], CaseRow>(
    'SELECT * FROM cases WHERE township = ? AND person_key = ? AND closed_at IS NULL ORDER BY id DESC LIMIT 1',
  );
  const insertSubmission = db.prepare(`INSERT INTO submissions
    (case_id, kind, request_id, tracking_code, entry_code, payload_enc, reporter_relation, created_at)
    VALUES (@caseId, @kind, @requestId, @trackingCode, @entryCode, @payloadEnc, @reporterRelation, @now)`);
  const submissionByRequest = db.prepare<[string], SubmissionRow>('SELECT * FROM submissions WHERE request_id = ?');
  const submissionByTracking = db.prepare<[string], SubmissionRow>('SELECT * FROM submissions WHERE tracking_code = ?');
  const submissionsOfCase = db.prepare<[number], SubmissionRow>('SELECT * FROM submissions WHERE case_id = ? ORDER BY id');
  const insertEvent = db.prepare(`INSERT INTO case_events (case_id, submission_id, at, type, actor, public_text, detail_enc)
    VALUES (@caseId, @submissionId, @at, @type, @actor, @publicText, @detailEnc)`);
  const eventsOfCase = db.prepare<[number], EventRow>('SELECT * FROM case_events WHERE case_id = ? ORDER BY id');
  const publicEvents = db.prepare<[number, number], EventRow>(
    `SELECT * FROM case_events WHERE case_id = ? AND public_text IS NOT NULL
       AND (submission_id IS NULL OR submission_id = ?) ORDER BY id`,
  );
  const touch = db.prepare('UPDATE cases SET updated_at = @now WHERE id = @id');
  const raiseLevel = db.prepare(`UPDATE cases SET level = @level, due_at = CASE
      WHEN due_at IS NULL OR @dueAt < due_at THEN @dueAt ELSE due_at END WHERE id = @id`);
  const fillAnswers = db.prepare(`UPDATE cases SET answers_json = @answersJson, result_json = @resultJson,
      rules_version = @rulesVersion, target_class = COALESCE(@targetClass, target_class) WHERE id = @id`);

  const setStatus = db.prepare(`UPDATE cases SET status = @status, updated_at = @now,
      closed_at = CASE WHEN @status = 'closed' THEN @now ELSE NULL END WHERE id = @id`);
  const assign = db.prepare('UPDATE cases SET township = @township, assignee_id = @assigneeId, updated_at = @now WHERE id = @id');
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
    setDue: (id: number, dueAt: string): void => {
      setDue.run({ id, dueAt });
    },
    setNextVisit: (id: number, nextVisitAt: string | null): void => {
      setNextVisit.run({ id, nextVisitAt });
    },
    insertCase: (row: NewCase): number => Number(insertCase.run({ ...row, levelRank: riskRank(row.level) }).lastInsertRowid),
    find: (id: number): CaseRow | undefined => byId.get(id),
    findOpenByPersonKey: (township: string, personKey: string): CaseRow | undefined => openByPerson.get(township, personKey),
    insertSubmission: (row: {
      caseId: number;
      kind: 'request' | 'report';
      requestId: string;
      trackingCode: string;
      entryCode: string | null;
      payloadEnc: Buffer;
      reporterRelation: string | null;
      now: string;
    }): number => Number(insertSubmission.run(row).lastInsertRowid),
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
