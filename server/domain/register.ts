import { firstContactDue } from '../../shared/cases/due';
import { moreSevere } from '../../shared/cases/risk';
import type { Decision } from '../../shared/cases/workflow';
import { chinaDate, nextVisitDate, reviewDueDate } from '../../shared/register/cadence';
import { CATEGORY_OF_DECISION, type RegisterCategory, type RegisterLevel } from '../../shared/register/categories';
import { selectRegisterParameters } from '../../shared/register/parameters';
import { carryRisks, type Findings, type OpenRisks } from '../../shared/register/risks';
import type { HouseholdReviewInput, HouseholdVisitInput } from '../../shared/schemas/households';
import { AppError } from '../app-error';
import type { Store } from '../db/store';
import { NOT_SCREENED, type CaseRow } from '../repositories/cases';
import type { HouseholdRow } from '../repositories/households';
import type { Vault } from './crypto';
import { matchKeys, type CleanPerson } from './person';

const registerLevel = (level: string): RegisterLevel => (level === 'red' || level === 'yellow' ? level : 'blue');

/**
 * A case decision enrols the person in the register, or updates their entry: the category follows the
 * decision, the level the case's, and the next visit comes no later than the new level's cadence.
 * Runs inside the workflow's transaction (`tx`).
 */
export async function enrolFromDecision(tx: Store, row: CaseRow, decision: Decision, actor: string, now: string): Promise<number> {
  const { repos } = tx;
  const today = chinaDate(now);
  const { values } = selectRegisterParameters(today);
  const category = CATEGORY_OF_DECISION[decision];
  const level = registerLevel(row.level);
  const firstVisit = nextVisitDate(today, level, values);
  // PostgreSQL: the person, then their household, locked for the rest of the workflow's transaction, so two
  // decisions (or a decision and a visit) about one person enrol one household and keep each other's changes.
  const locks = tx.repos.locks;
  if (row.person_key) await locks.lockKey('person', row.person_key);
  const found = (row.person_key ? await repos.households.findByPersonKey(row.person_key) : undefined) ?? (await repos.households.findByCase(row.id));
  if (found) await locks.lockKey('household', found.id);
  const existing = found && (await repos.households.find(found.id));
  const person = {
    township: row.township,
    village: row.village ?? '',
    subject_enc: row.subject_enc,
    name_masked: row.name_masked,
    phone_masked: row.phone_masked,
    id_masked: row.id_masked,
    address_masked: row.address_masked,
  };
  let id: number;
  if (!existing) {
    id = await repos.households.insert({
      person_key: row.person_key,
      ...person,
      category,
      category_since: today,
      monitored_until: null,
      level,
      unstable: 0,
      next_visit_on: firstVisit,
      next_review_on: reviewDueDate(today, category, false, values),
      import_fingerprint: null,
      now,
    });
    await repos.households.appendEvent({ householdId: id, at: now, type: 'enrolled', actor, caseId: row.id, detail: { category, level, decision, source: 'decision' } });
  } else {
    id = existing.id;
    const changed = existing.category !== category;
    const since = changed ? today : existing.category_since;
    const newLevel = moreSevere(existing.level, level) as RegisterLevel;
    await repos.households.update(id, {
      ...person,
      category,
      category_since: since,
      monitored_until: null,
      level: newLevel,
      unstable: existing.unstable,
      next_visit_on: existing.next_visit_on < firstVisit ? existing.next_visit_on : firstVisit,
      next_review_on: changed ? reviewDueDate(today, category, existing.unstable === 1, values) : existing.next_review_on,
      import_fingerprint: existing.import_fingerprint,
      now,
    });
    await repos.households.appendEvent({ householdId: id, at: now, type: 'decision', actor, caseId: row.id, detail: { category, level: newLevel, decision } });
  }
  await repos.households.linkCase(id, row.id);
  return id;
}

/** The China date of a visit: a date or a timestamp, never in the future. */
function visitDay(visitedAt: string, today: string): string {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(visitedAt) ? visitedAt : Number.isNaN(Date.parse(visitedAt)) ? '' : chinaDate(visitedAt);
  if (!day || Number.isNaN(Date.parse(`${day}T00:00:00Z`))) throw new AppError('VALIDATION_FAILED', 400, undefined, { visitedAt: '请填写探访日期，例如 2026-11-30' });
  if (day > today) throw new AppError('VALIDATION_FAILED', 400, undefined, { visitedAt: '探访日期不能晚于今天' });
  return day;
}

/** 定期探访 and 复核: recorded against the register only, never against a case or a tracking page. */
export function createRegisterWork(store: Store, vault: Vault) {
  async function visit(tx: Store, household: HouseholdRow, input: HouseholdVisitInput, kind: 'visit' | 'review', actor: string, now: string): Promise<{ visitedOn: string }> {
    const { repos } = tx;
    const today = chinaDate(now);
    const visitedOn = visitDay(input.visitedAt, today);
    const { values } = selectRegisterParameters(visitedOn);
    const level = input.level ?? household.level;
    const risks = carryRisks(JSON.parse(household.open_risks_json) as OpenRisks, input.findings as Findings, visitedOn);
    await repos.households.recordVisit({
      householdId: household.id,
      visitedOn,
      kind,
      actor,
      level,
      findingsEnc: vault.encrypt({ findings: input.findings, note: input.note ?? null }),
      openRisksJson: JSON.stringify(risks.open),
      clearedJson: JSON.stringify(risks.cleared),
      nextVisitOn: nextVisitDate(visitedOn, level, values),
      now,
    });
    if (level !== household.level) await repos.households.appendEvent({ householdId: household.id, at: now, type: 'level', actor, detail: { from: household.level, to: level } });
    return { visitedOn };
  }

  /**
   * 需要帮助，新建案件: a case in the household's township, linked to it, at the visit's level. It is staff's own
   * finding, so it is a report (主动发现) without a submission: no tracking code, nothing a resident's page shows.
   * An open case about the same person is linked instead, and left exactly as it was.
   * The caller holds the person's lock (see recordVisit).
   */
  async function openCase(tx: Store, household: HouseholdRow, need: string, level: RegisterLevel, actor: string, now: string): Promise<{ caseId: number; created: boolean }> {
    const { repos } = tx;
    const open = household.person_key ? await repos.cases.findOpenByPersonKey(household.township, household.person_key) : undefined;
    if (open) {
      await repos.households.linkCase(household.id, open.id);
      await repos.households.appendEvent({ householdId: household.id, at: now, type: 'case_linked', actor, caseId: open.id, detail: { existing: true } });
      return { caseId: open.id, created: false };
    }
    const person = vault.decrypt<CleanPerson>(household.subject_enc);
    const caseId = await repos.cases.insertCase({
      township: household.township,
      village: household.village || null,
      personKey: household.person_key,
      ...matchKeys(vault, person),
      subjectEnc: household.subject_enc,
      nameMasked: household.name_masked,
      phoneMasked: household.phone_masked,
      idMasked: household.id_masked,
      addressMasked: household.address_masked,
      source: 'report',
      status: 'new',
      level,
      targetClass: null,
      ...NOT_SCREENED,
      dueAt: firstContactDue(now, level),
      now,
    });
    await repos.cases.appendEvent({ caseId, at: now, type: 'submitted', actor, detailEnc: vault.encrypt({ from: 'visit', householdId: household.id, need }) });
    await repos.households.linkCase(household.id, caseId);
    await repos.households.appendEvent({ householdId: household.id, at: now, type: 'case_opened', actor, caseId });
    return { caseId, created: true };
  }

  // Each re-reads the household inside its transaction, locked by id on PostgreSQL: two visits saved at once
  // carry the open risks one after the other instead of one overwriting the other.
  const recordVisit = async (tx: Store, household: HouseholdRow, input: HouseholdVisitInput, actor: string, now: string) => {
    const { repos } = tx;
    const locks = tx.repos.locks;
    // The person first (as intake and case decisions lock them), when the visit may open a case about them.
    if (input.openCase && household.person_key) await locks.lockKey('person', household.person_key);
    await locks.lockKey('household', household.id);
    const current = (await repos.households.find(household.id))!;
    await visit(tx, current, input, 'visit', actor, now);
    if (!input.openCase) return null;
    const need = input.findings.needs.text.trim();
    if (!input.findings.needs.risk || need.length < 2)
      throw new AppError('VALIDATION_FAILED', 400, undefined, { 'findings.needs': '新建案件前，请在「需求」里写明需要什么帮助，并勾选「有风险」' });
    return openCase(tx, (await repos.households.find(household.id))!, need, input.level ?? current.level, actor, now);
  };

  const recordReview = async (tx: Store, household: HouseholdRow, input: HouseholdReviewInput, actor: string, now: string): Promise<void> => {
    const { repos } = tx;
    await tx.repos.locks.lockKey('household', household.id);
    const { visitedOn } = await visit(tx, (await repos.households.find(household.id))!, input, 'review', actor, now);
    const current = (await repos.households.find(household.id))!;
    const { values } = selectRegisterParameters(visitedOn);
    const unstable = input.unstable ?? current.unstable === 1;
    let category = current.category as RegisterCategory;
    let since = current.category_since;
    let until: string | null = current.monitored_until;
    if (input.decision === 'change') {
      if (!input.category) throw new AppError('VALIDATION_FAILED', 400, undefined, { category: '请选择新的类别' });
      category = input.category;
      since = visitedOn;
      until = null;
    } else if (input.decision === 'exit') {
      if (category === 'exited') throw new AppError('INVALID_TRANSITION', 409, '这一户已经退出，正在监测中');
      category = 'exited';
      since = visitedOn;
      until = reviewDueDate(visitedOn, 'exited', false, values);
    }
    // Continue: the next re-check counts from this one.
    const reviewFrom = input.decision === 'continue' ? visitedOn : since;
    await repos.households.update(current.id, {
      township: current.township,
      village: current.village,
      subject_enc: current.subject_enc,
      name_masked: current.name_masked,
      phone_masked: current.phone_masked,
      id_masked: current.id_masked,
      address_masked: current.address_masked,
      category,
      category_since: since,
      monitored_until: until,
      level: current.level,
      unstable: unstable ? 1 : 0,
      next_visit_on: current.next_visit_on,
      next_review_on: category === 'exited' ? until : reviewDueDate(reviewFrom, category, unstable, values),
      import_fingerprint: current.import_fingerprint,
      now,
    });
    await repos.households.appendEvent({ householdId: current.id, at: now, type: 'review', actor, detail: { decision: input.decision, category, from: current.category, until } });
  };

  return {
    /** The case the visit opened or linked, when it asked for one. */
    recordVisit: (h: HouseholdRow, input: HouseholdVisitInput, actor: string, now: string): Promise<{ caseId: number; created: boolean } | null> =>
      store.transaction((tx) => recordVisit(tx, h, input, actor, now)),
    recordReview: (h: HouseholdRow, input: HouseholdReviewInput, actor: string, now: string): Promise<void> =>
      store.transaction((tx) => recordReview(tx, h, input, actor, now)),
  };
}
