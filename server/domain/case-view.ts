import type { CaseDetailInfo, QueueItemInfo } from '../../shared/schemas/staff-cases';
import { EVENT_TYPES, transition } from '../../shared/cases/workflow';
import { dueLabel } from '../../shared/cases/due';
import type { CaseStatus } from '../../shared/cases/status';
import type { Store } from '../db/store';
import type { QueueRow } from '../repositories/case-queue';
import type { CaseRow } from '../repositories/cases';
import type { Region } from '../repositories/regions';
import type { Vault } from './crypto';
import { cachedRegions } from './region-cache';
import { showEventDetail, showFreeText, showPublicText, type FreeTextView } from './free-text';

/** How staff see a case: masked by default, with region names resolved. */
export type FindRegion = (code: string) => Promise<Region | undefined>;

/** Region lookups for a page of cases: a page mostly repeats a few townships and villages, kept across requests. */
export function memoizedRegions(store: Store): FindRegion {
  return cachedRegions(store.repos.regions);
}

export async function toQueueItem(findRegion: FindRegion, row: QueueRow, nowIso: string): Promise<QueueItemInfo> {
  const township = await findRegion(row.township);
  const village = row.village ? await findRegion(row.village) : undefined;
  return {
    id: row.id,
    township: { code: row.township, name: township?.name ?? row.township },
    village: village ? { code: village.code, name: village.name } : null,
    subject: { name: row.name_masked, phone: row.phone_masked, idNumber: row.id_masked, address: row.address_masked },
    source: row.source,
    status: row.status,
    level: row.level,
    targetClass: row.target_class,
    dueAt: row.due_at,
    overdue: row.closed_at === null && row.due_at !== null && row.due_at < nowIso,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

interface SubmissionPayload {
  person?: Record<string, unknown>;
  reporter?: { relation?: string; name?: string; phone?: string };
  note?: string | null;
}

/** Older steps stored only codes: name them now (派往 330327100000 → 派往 灵溪镇). */
async function withRegionNames(findRegion: FindRegion, detail: Record<string, unknown>): Promise<Record<string, unknown>> {
  const named = { ...detail };
  if (typeof detail.township === 'string' && !detail.townshipName) named.townshipName = (await findRegion(detail.township))?.name ?? null;
  if (typeof detail.village === 'string' && !detail.villageName) named.villageName = (await findRegion(detail.village))?.name ?? null;
  return named;
}

/** Every step of a case, actors by username, free text shown as `view` says. */
export async function caseTimeline(
  store: Store,
  vault: Vault,
  caseId: number,
  view: FreeTextView,
  findRegion: FindRegion = memoizedRegions(store),
): Promise<CaseDetailInfo['timeline']> {
  const actors = new Map<string, string>();
  const timeline: CaseDetailInfo['timeline'] = [];
  for (const e of await store.repos.cases.eventsOf(caseId)) {
    let actor = e.actor;
    if (/^staff:\d+$/.test(actor)) {
      if (!actors.has(actor)) actors.set(actor, (await store.repos.users.findById(Number(actor.slice(6))))?.username ?? actor);
      actor = actors.get(actor)!;
    }
    timeline.push({
      at: e.at,
      type: e.type,
      actor,
      publicText: showPublicText(e.type, e.public_text, view),
      detail: showEventDetail(e.detail_enc ? await withRegionNames(findRegion, vault.decrypt<Record<string, unknown>>(e.detail_enc)) : null, view),
    });
  }
  return timeline;
}

/** The case's register entry, when it sits in the case's township (whoever sees the case may then open it). */
async function householdOf(store: Store, row: CaseRow): Promise<number | null> {
  const household = await store.repos.households.ofCase(row.id, row.person_key);
  return household && household.township === row.township ? household.id : null;
}

/**
 * The full case for staff. Free text is masked (ID numbers and phones inside it) for staff who work
 * the case and hidden from read-only accounts; it appears in full only through the audited reveal.
 */
export async function toCaseDetail(store: Store, vault: Vault, row: CaseRow, nowIso: string, view: FreeTextView = 'masked'): Promise<CaseDetailInfo> {
  const { repos } = store;
  const findRegion = memoizedRegions(store);
  const assignee = row.assignee_id ? await repos.users.findById(row.assignee_id) : undefined;
  const submissions = (await repos.cases.submissionsOf(row.id)).map((s) => {
    const payload = vault.decrypt<SubmissionPayload>(s.payload_enc);
    return {
      kind: s.kind,
      at: s.created_at,
      reporterRelation: s.reporter_relation,
      // Reporters are personal data too: only a masked hint here, the rest behind reveal.
      reporterName: payload.reporter?.name ? `${[...payload.reporter.name][0]}**` : null,
      reporterPhone: payload.reporter?.phone ? `****${payload.reporter.phone.replace(/\D/g, '').slice(-4)}` : null,
      note: null,
    };
  });
  const timeline = await caseTimeline(store, vault, row.id, view, findRegion);
  const status = row.status as CaseStatus;
  // A reached call is the one contact step the resident sees (publicText); no-answer calls are staff-only.
  const reached = timeline.some((e) => e.type === 'visit' || e.type === 'reopen' || (e.type === 'contact' && e.publicText !== null));
  const possibleDuplicates = row.closed_at
    ? []
    : await Promise.all(
        (await repos.cases.possibleDuplicates(row)).map(async (d) => ({
          id: d.id,
          name: d.name_masked,
          village: d.village ? ((await findRegion(d.village))?.name ?? null) : null,
          createdAt: d.created_at,
          match: d.match,
        })),
      );
  return {
    ...(await toQueueItem(findRegion, row, nowIso)),
    levelReason: row.level_reason === null ? null : showFreeText(row.level_reason, view),
    rulesVersion: row.rules_version,
    answers: row.answers_json ? (JSON.parse(row.answers_json) as Record<string, unknown>) : null,
    result: row.result_json ? (JSON.parse(row.result_json) as unknown) : null,
    situations: row.situations_json ? (JSON.parse(row.situations_json) as string[]) : [],
    nextVisitAt: row.next_visit_at,
    assignee: assignee ? { id: assignee.id, username: assignee.username } : null,
    submissions,
    timeline,
    // 分类处置 belongs to data warnings only.
    allowedEvents: EVENT_TYPES.filter((type) => transition(status, type).ok && (type !== 'handle' || row.source === 'warning')),
    dueLabel: dueLabel(status, reached),
    possibleDuplicates,
    mergedInto: row.merged_into,
    escalatedAt: row.escalated_at,
    householdId: await householdOf(store, row),
  };
}
