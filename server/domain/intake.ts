import { contactPromise } from '../../shared/cases/contact-promise';
import { firstContactDue } from '../../shared/cases/due';
import type { Situation } from '../../shared/cases/labels';
import { moreSevere, type RiskLevel } from '../../shared/cases/risk';
import type { Store } from '../db/store';
import { AppError } from '../app-error';
import type { SubmissionRow } from '../repositories/cases';
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
 * All in one transaction (IMMEDIATE on SQLite), so the 201 is sent only after everything is committed.
 */
export function createIntake(store: Store, vault: Vault) {
  return {
    submit: (submission: Submission, now: string): Promise<Intake> => store.transaction((tx) => submitIn(tx, vault, submission, now)),
  };
}

async function submitIn(tx: Store, vault: Vault, submission: Submission, now: string): Promise<Intake> {
  const { repos } = tx;
  const key = personKey(vault, submission.person);
  // SQLite: BEGIN IMMEDIATE already lets one intake run at a time. PostgreSQL (several app servers): the same
  // requestId sent twice at once, or two submissions about one person, wait here for each other, so the second
  // sees the first's submission or open case (READ COMMITTED reads what was committed) instead of a duplicate.
  const locks = tx.repos.locks;
  await locks.lockKey('request', submission.requestId);
  if (key) await locks.lockKey('person', key);

  const existing = await repos.cases.findSubmissionByRequestId(submission.requestId);
  if (existing) return retryOf(existing, submission.bodyHash);

  const township = submission.entry.township;
  const level = levelOf(submission);
  const dueAt = firstContactDue(now, level);
  // Not locked by case id: a merge into an open case changes no status, so it cannot race a workflow step's transition.
  const open = key ? await repos.cases.findOpenByPersonKey(township, key) : undefined;
  const screening = submission.screening;

  let caseId: number;
  if (open) {
    caseId = open.id;
    await repos.cases.raiseLevel(caseId, moreSevere(open.level, level), dueAt);
    if (screening && !open.answers_json) {
      await repos.cases.fillAnswers(caseId, {
        answersJson: JSON.stringify(screening.answers),
        resultJson: JSON.stringify(screening.result),
        rulesVersion: screening.rulesVersion,
        targetClass: screening.targetClass,
      });
    }
    await repos.cases.touch(caseId, now);
    await repos.cases.appendEvent({ caseId, at: now, type: 'merged', actor: 'system', detailEnc: vault.encrypt({ kind: submission.kind }) });
  } else {
    caseId = await repos.cases.insertCase({
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
  const submissionId = await repos.cases.insertSubmission({
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
  await repos.cases.appendEvent({
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
}
