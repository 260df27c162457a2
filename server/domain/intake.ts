import { contactPromise } from '../../shared/cases/contact-promise';
import { firstContactDue } from '../../shared/cases/due';
import type { Situation } from '../../shared/cases/labels';
import { moreSevere, type RiskLevel } from '../../shared/cases/risk';
import type { DB } from '../db/open';
import type { Repositories } from '../repositories';
import { AppError } from '../app-error';
import type { CasesRepository, SubmissionRow } from '../repositories/cases';
import type { EntryPoint } from '../repositories/entries';
import type { Vault } from './crypto';
import { maskedPerson, matchKeys, personKey, type CleanPerson } from './person';
import { generateTrackingCode } from './tracking';

export interface ScreeningSnapshot {
  level: RiskLevel;
  targetClass: string | null;
  rulesVersion: string;
  answers: unknown;
  result: unknown;
}

export interface Submission {
  kind: 'request' | 'report';
  requestId: string;
  /** Keyed hash of the canonical request body: a requestId replayed with another body is refused. */
  bodyHash: string;
  entry: EntryPoint;
  person: CleanPerson;
  /** Everything the submitter sent about the person and themselves; stored encrypted only. */
  payload: unknown;
  screening: ScreeningSnapshot | null;
  situations?: Situation[];
  reporterRelation?: string;
}

export interface Intake {
  trackingCode: string;
  caseId: number;
  created: boolean;
}

// Situations a reporter sees that usually mean someone should go soon.
const URGENT_SITUATIONS: ReadonlySet<Situation> = new Set(['serious_illness', 'living_alone_elderly', 'child_in_difficulty', 'disability']);

/** A report without answers still needs a level: urgent situations are yellow, others blue. */
export function levelOf(submission: Pick<Submission, 'screening' | 'situations' | 'kind'>): RiskLevel {
  const fromSituations: RiskLevel = submission.situations?.some((s) => URGENT_SITUATIONS.has(s)) ? 'yellow' : 'blue';
  const fromScreening = submission.screening?.level ?? 'none';
  const level = moreSevere(fromScreening, submission.kind === 'report' ? fromSituations : 'none');
  // Someone asked for contact: even "no sign of hardship" gets a call back.
  return level === 'none' ? 'blue' : level;
}

/** The same requestId sent again: its first tracking code if the body is the same, else a 409. */
export function retryOf(existing: SubmissionRow, bodyHash: string): Intake {
  if (existing.body_hash !== null && existing.body_hash !== bodyHash) throw new AppError('REQUEST_ID_REUSED', 409);
  return { trackingCode: existing.tracking_code, caseId: existing.case_id, created: false };
}

/**
 * Stores one request or report: the same requestId again returns the first tracking code;
 * a known open case for the same person gains a submission instead of a duplicate case.
 * All in one IMMEDIATE transaction, so the 201 is sent only after everything is committed.
 */
export function createIntake(db: DB, repos: Repositories & { cases: CasesRepository }, vault: Vault) {
  const run = db.transaction((submission: Submission, now: string): Intake => {
    const existing = repos.cases.findSubmissionByRequestId(submission.requestId);
    if (existing) return retryOf(existing, submission.bodyHash);

    const key = personKey(vault, submission.person);
    const township = submission.entry.township;
    const level = levelOf(submission);
    const dueAt = firstContactDue(now, level);
    const open = key ? repos.cases.findOpenByPersonKey(township, key) : undefined;
    const screening = submission.screening;

    let caseId: number;
    if (open) {
      caseId = open.id;
      repos.cases.raiseLevel(caseId, moreSevere(open.level, level), dueAt);
      if (screening && !open.answers_json) {
        repos.cases.fillAnswers(caseId, {
          answersJson: JSON.stringify(screening.answers),
          resultJson: JSON.stringify(screening.result),
          rulesVersion: screening.rulesVersion,
          targetClass: screening.targetClass,
        });
      }
      repos.cases.touch(caseId, now);
      repos.cases.appendEvent({ caseId, at: now, type: 'merged', actor: 'system', detailEnc: vault.encrypt({ kind: submission.kind }) });
    } else {
      caseId = repos.cases.insertCase({
        township,
        village: submission.entry.village,
        personKey: key,
        ...matchKeys(vault, submission.person),
        subjectEnc: vault.encrypt(submission.person),
        ...maskedPerson(submission.person),
        source: submission.kind === 'request' ? 'self' : 'report',
        status: 'new',
        level,
        targetClass: screening?.targetClass ?? null,
        answersJson: screening ? JSON.stringify(screening.answers) : null,
        resultJson: screening ? JSON.stringify(screening.result) : null,
        rulesVersion: screening?.rulesVersion ?? null,
        situationsJson: submission.situations ? JSON.stringify(submission.situations) : null,
        dueAt,
        now,
      });
    }

    const trackingCode = generateTrackingCode();
    const submissionId = repos.cases.insertSubmission({
      caseId,
      kind: submission.kind,
      requestId: submission.requestId,
      trackingCode,
      entryCode: submission.entry.code,
      payloadEnc: vault.encrypt(submission.payload),
      reporterRelation: submission.reporterRelation ?? null,
      now,
      bodyHash: submission.bodyHash,
    });
    repos.cases.appendEvent({
      caseId,
      submissionId,
      at: now,
      type: 'submitted',
      actor: submission.kind === 'request' ? 'resident' : 'reporter',
      publicText:
        submission.kind === 'request'
          ? `已收到您的求助，${contactPromise('requester')}`
          : `已收到您的反映，谢谢您的热心。${contactPromise('reported')}`,
    });
    return { trackingCode, caseId, created: true };
  });

  return {
    submit: (submission: Submission, now: string): Intake => run.immediate(submission, now),
  };
}
