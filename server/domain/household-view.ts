import { inScope, type Scope } from '../../shared/accounts/scope';
import { chinaDate, visitDue } from '../../shared/register/cadence';
import { caseEventText, registerEventText, visitText } from '../../shared/register/events';
import type { OpenRisks } from '../../shared/register/risks';
import type { HouseholdDetailInfo, HouseholdItemInfo } from '../../shared/schemas/households';
import type { Store } from '../db/store';
import type { HouseholdRow } from '../repositories/households';
import { memoizedRegions, type FindRegion } from './case-view';
import type { Vault } from './crypto';
import { casesOfHousehold, toHouseholdPlan } from './household-plan';

// Newest first; within one instant a re-check's decision follows its visit, which follows the case step.
const SAME_INSTANT_ORDER = { register: 0, visit: 1, case: 2 } as const;

type Findings = Record<string, { text: string; risk: boolean }>;

/** Overdue, due this week or later; an exited household past its monitoring period has ended. */
export function standing(row: HouseholdRow, today: string): HouseholdItemInfo['status'] {
  if (row.category === 'exited' && row.monitored_until && row.monitored_until < today) return 'ended';
  const due = visitDue(row.next_visit_on, today);
  return due === 'none' ? 'later' : due;
}

async function regionRefs(findRegion: FindRegion, row: HouseholdRow) {
  const township = await findRegion(row.township);
  const village = row.village ? await findRegion(row.village) : undefined;
  return {
    township: { code: row.township, name: township?.name ?? row.township },
    village: village ? { code: village.code, name: village.name } : null,
  };
}

export async function toHouseholdItem(findRegion: FindRegion, row: HouseholdRow, today: string): Promise<HouseholdItemInfo> {
  return {
    id: row.id,
    ...(await regionRefs(findRegion, row)),
    name: row.name_masked,
    phone: row.phone_masked,
    category: row.category,
    level: row.level,
    nextVisitAt: row.next_visit_on,
    nextReviewAt: row.next_review_on,
    openRisks: Object.keys(JSON.parse(row.open_risks_json) as OpenRisks).length,
    status: standing(row, today),
  };
}

/**
 * One household as staff see it: masked person, schedule, visits, open risks with the last words
 * written about them, the cases about the same person (only those the caller may see), and one timeline.
 */
export async function toHouseholdDetail(store: Store, vault: Vault, row: HouseholdRow, scope: Scope, nowIso: string): Promise<HouseholdDetailInfo> {
  const { repos } = store;
  const today = chinaDate(nowIso);
  const visitRows = await repos.households.visitsOf(row.id);
  // Each visitor's username once: staff:<id> actors are shown by name.
  const actorName = async (actor: string): Promise<string> =>
    /^staff:\d+$/.test(actor) ? ((await repos.users.findById(Number(actor.slice(6))))?.username ?? actor) : actor;
  const usernames = new Map(await Promise.all([...new Set(visitRows.map((v) => v.actor))].map(async (a) => [a, await actorName(a)] as const)));
  const visits = visitRows.map((v) => {
    const body = vault.decrypt<{ findings: Findings; note: string | null }>(v.findings_enc);
    return {
      id: v.id,
      visitedAt: v.visited_on,
      kind: v.kind,
      actor: usernames.get(v.actor) ?? v.actor,
      level: v.level,
      findings: body.findings,
      note: body.note,
      cleared: JSON.parse(v.cleared_json) as string[],
      openRisks: Object.keys(JSON.parse(v.open_risks_json) as OpenRisks),
      createdAt: v.created_at,
    };
  });
  const open = JSON.parse(row.open_risks_json) as OpenRisks;
  const openRisks = Object.entries(open).map(([dimension, since]) => ({
    dimension,
    since: since!,
    text: visits.find((v) => v.findings[dimension]?.risk)?.findings[dimension]?.text ?? '',
  }));
  // The plan weighs every case about the household; the page lists only those the caller may see.
  const allCases = await casesOfHousehold(store, row);
  const cases = allCases.filter((c) => inScope(scope, c.township));

  const caseEvents = [];
  for (const c of cases) {
    for (const e of await repos.cases.eventsOf(c.id)) {
      caseEvents.push({ at: e.at, source: 'case' as const, type: e.type, caseId: c.id, text: caseEventText(e.type, c.id) });
    }
  }
  const timeline: HouseholdDetailInfo['timeline'] = [
    ...caseEvents,
    ...visits.map((v) => ({ at: v.createdAt, source: 'visit' as const, type: v.kind, caseId: null, text: `${v.visitedAt} ${visitText(v.kind, v.openRisks, v.cleared)}` })),
    ...(await repos.households.eventsOf(row.id)).map((e) => ({
      at: e.at,
      source: 'register' as const,
      type: e.type,
      caseId: e.case_id,
      text: registerEventText(e.type, e.detail_json ? (JSON.parse(e.detail_json) as Record<string, unknown>) : null),
    })),
  ].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : SAME_INSTANT_ORDER[a.source] - SAME_INSTANT_ORDER[b.source]));

  return {
    ...(await regionRefs(memoizedRegions(store), row)),
    id: row.id,
    person: { name: row.name_masked, phone: row.phone_masked, idNumber: row.id_masked, address: row.address_masked },
    category: row.category,
    categorySince: row.category_since,
    monitoredUntil: row.monitored_until,
    level: row.level,
    unstable: row.unstable === 1,
    schedule: { nextVisitAt: row.next_visit_on, nextReviewAt: row.next_review_on, lastVisitAt: row.last_visit_on, status: standing(row, today) },
    openRisks,
    visits: visits.map(({ openRisks: _o, createdAt: _c, ...v }) => v),
    plan: await toHouseholdPlan(store, row, allCases, nowIso),
    cases: cases.map((c) => ({ id: c.id, status: c.status, level: c.level, createdAt: c.created_at, closedAt: c.closed_at })),
    warnings: [],
    timeline,
  };
}
