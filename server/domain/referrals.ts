import { countyOf } from '../../shared/accounts/scope';
import { chinaDate } from './clock';
import { referralAcceptBy, isReferralOverdue } from '../../shared/referrals/deadline';
import { PERSONAL_NUMBER_MESSAGES, personalNumberIn } from '../../shared/referrals/privacy';
import {
  noteRequired,
  REFERRAL_STATUSES,
  referralPublicText,
  referralTransition,
  surnameOnly,
  type PartnerEvent,
} from '../../shared/referrals/status';
import { labelOf } from '../../shared/cases/labels';
import type { PartnerReferralInfo, StaffReferralInfo } from '../../shared/schemas/referrals';
import { AppError } from '../app-error';
import type { Store } from '../db/store';
import type { CaseRow } from '../repositories/cases';
import type { ReferralRow } from '../repositories/referrals';
import type { StaffUser } from '../repositories/users';
import type { Vault } from './crypto';
import type { CleanPerson } from './person';

export function toStaffReferral(row: ReferralRow, nowIso: string): StaffReferralInfo {
  return {
    id: row.id,
    caseId: row.case_id,
    resource: { id: row.resource_id, name: row.resource_name, kind: row.resource_kind },
    need: row.need,
    status: row.status,
    statusText: labelOf(REFERRAL_STATUSES, row.status),
    acceptBy: row.accept_by,
    overdue: isReferralOverdue(row.status, row.accept_by, nowIso),
    contactShared: row.contact_enc !== null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Desensitised for the partner: surname, township and village names, the need; a phone only if shared. */
export async function toPartnerReferral(store: Store, vault: Vault, row: ReferralRow): Promise<PartnerReferralInfo> {
  const { repos } = store;
  const contact = row.contact_enc ? vault.decrypt<{ phone: string }>(row.contact_enc) : null;
  return {
    id: row.id,
    surname: surnameOnly(row.name_masked),
    township: (await repos.regions.find(row.township))?.name ?? '',
    village: row.village ? ((await repos.regions.find(row.village))?.name ?? null) : null,
    need: row.need,
    status: row.status,
    statusText: labelOf(REFERRAL_STATUSES, row.status),
    acceptBy: row.accept_by,
    createdAt: row.created_at,
    contactPhone: contact?.phone ?? null,
  };
}

const NOT_ACCEPTED = '对方接单后才能提供联系电话';

function refuseNumbers(field: 'need' | 'note', text: string, nowIso: string): void {
  if (personalNumberIn(text, chinaDate(nowIso))) {
    throw new AppError('VALIDATION_FAILED', 400, undefined, { [field]: PERSONAL_NUMBER_MESSAGES[field] });
  }
}

/**
 * The referral loop: the township refers a case to a resource, the partner answers, the township may share a
 * phone once accepted. Every step lands in the case timeline (with plain words for the tracking page).
 */
export function createReferralWorkflow(store: Store, vault: Vault) {
  // Each step reads what it changes again inside its transaction, locked on PostgreSQL (the case, the referral):
  // a referral is never added to a case being closed at the same moment, and two answers make one move.
  const refer = async (tx: Store, row: CaseRow, resourceId: number, need: string, staff: StaffUser, now: string): Promise<number> => {
    const { repos } = tx;
    await tx.repos.locks.lockKey('case', row.id);
    const current = (await repos.cases.find(row.id))!;
    if (current.closed_at !== null) throw new AppError('INVALID_TRANSITION', 409, '案件已办结，不能再转介；需要时请先重新办理');
    const resource = await repos.resources.find(resourceId);
    // Its own township's or a county-wide one of its own county (#16).
    const elsewhere = resource && (resource.township !== null ? resource.township !== current.township : resource.county !== null && resource.county !== countyOf(current.township));
    if (!resource || resource.retiredAt !== null || elsewhere) {
      throw new AppError('VALIDATION_FAILED', 400, undefined, { resourceId: '请从本乡镇或全县的资源中选择' });
    }
    const id = await repos.referrals.create({ caseId: current.id, township: current.township, resourceId, need, acceptBy: referralAcceptBy(now), createdBy: `staff:${staff.id}`, now });
    await repos.cases.appendEvent({
      caseId: current.id,
      at: now,
      type: 'referral',
      actor: `staff:${staff.id}`,
      publicText: referralPublicText('referred', resource.name),
      detailEnc: vault.encrypt({ referralId: id, resource: resource.name, need }),
    });
    await repos.cases.touch(current.id, now);
    return id;
  };

  const answer = async (tx: Store, referralId: number, event: PartnerEvent, note: string, partner: StaffUser, now: string): Promise<void> => {
    const { repos } = tx;
    await tx.repos.locks.lockKey('referral', referralId);
    const referral = (await repos.referrals.find(referralId))!;
    const result = referralTransition(referral.status, event);
    if (!result.ok) throw new AppError('INVALID_TRANSITION', 409, result.message);
    await repos.referrals.setStatus(referral.id, result.to, now);
    // The household plan follows: an accepted referral is under way, a completed one done.
    if (event !== 'decline') {
      await repos.plan.followReferral({ referralId: referral.id, resourceId: referral.resource_id, caseId: referral.case_id }, event === 'accept' ? 'under_way' : 'done', now);
    }
    await repos.cases.appendEvent({
      caseId: referral.case_id,
      at: now,
      type: `referral_${event}`,
      actor: `staff:${partner.id}`,
      publicText: referralPublicText(event, referral.resource_name),
      detailEnc: vault.encrypt({ referralId: referral.id, resource: referral.resource_name, note }),
    });
    await repos.cases.touch(referral.case_id, now);
  };

  const share = async (tx: Store, referral: ReferralRow, phone: string, staff: StaffUser, now: string, clientIp: string): Promise<void> => {
    const { repos } = tx;
    await tx.repos.locks.lockKey('referral', referral.id);
    if ((await repos.referrals.find(referral.id))?.status !== 'accepted') throw new AppError('INVALID_TRANSITION', 409, NOT_ACCEPTED);
    await repos.referrals.setContact(referral.id, vault.encrypt({ phone }), now);
    await repos.audit.record({ actor: staff.username, action: 'referral.share_contact', target: `case:${referral.case_id}`, detail: `referral:${referral.id}`, clientIp });
    await repos.cases.appendEvent({
      caseId: referral.case_id,
      at: now,
      type: 'referral_contact',
      actor: `staff:${staff.id}`,
      detailEnc: vault.encrypt({ referralId: referral.id, resource: referral.resource_name }),
    });
  };

  return {
    async refer(row: CaseRow, resourceId: number, rawNeed: string, staff: StaffUser, now: string): Promise<number> {
      const need = rawNeed.trim();
      if ([...need].length < 4) throw new AppError('VALIDATION_FAILED', 400, undefined, { need: '请写清需要对方帮什么（4 到 300 个字）' });
      refuseNumbers('need', need, now);
      return store.transaction((tx) => refer(tx, row, resourceId, need, staff, now));
    },
    async answer(referralId: number, event: PartnerEvent, rawNote: string, partner: StaffUser, now: string): Promise<void> {
      const note = rawNote.trim();
      if (noteRequired(event) && [...note].length < 2) {
        throw new AppError('VALIDATION_FAILED', 400, undefined, { note: event === 'decline' ? '请写一句婉拒的原因' : '请写一句做了什么' });
      }
      refuseNumbers('note', note, now);
      await store.transaction((tx) => answer(tx, referralId, event, note, partner, now));
    },
    /** The township gives the partner the person's phone: only after acceptance, and audited. */
    async shareContact(referral: ReferralRow, staff: StaffUser, now: string, clientIp: string): Promise<void> {
      if (referral.status !== 'accepted') throw new AppError('INVALID_TRANSITION', 409, NOT_ACCEPTED);
      const { phone } = vault.decrypt<CleanPerson>((await store.repos.cases.find(referral.case_id))!.subject_enc);
      if (!phone) throw new AppError('INVALID_TRANSITION', 409, '这个案件没有留电话');
      await store.transaction((tx) => share(tx, referral, phone, staff, now, clientIp));
    },
  };
}
