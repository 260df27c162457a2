/** A referral's life: planned (waiting for the resource), then accepted or declined; accepted ends completed. */
export const REFERRAL_STATUSES = [
  { value: 'planned', label: '等待接单' },
  { value: 'accepted', label: '已接单' },
  { value: 'declined', label: '已婉拒' },
  { value: 'completed', label: '已完成' },
] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number]['value'];

export const PARTNER_EVENTS = [
  { value: 'accept', label: '接单' },
  { value: 'decline', label: '婉拒' },
  { value: 'complete', label: '已完成' },
] as const;
export type PartnerEvent = (typeof PARTNER_EVENTS)[number]['value'];

const NEXT: Record<ReferralStatus, Partial<Record<PartnerEvent, ReferralStatus>>> = {
  planned: { accept: 'accepted', decline: 'declined' },
  accepted: { complete: 'completed', decline: 'declined' },
  declined: {},
  completed: {},
};

export type ReferralTransition = { ok: true; to: ReferralStatus } | { ok: false; message: string };

export function referralTransition(from: ReferralStatus, event: PartnerEvent): ReferralTransition {
  const to = NEXT[from][event];
  if (to) return { ok: true, to };
  if (from === 'declined' || from === 'completed') return { ok: false, message: '这条转介已经结束，不能再操作' };
  return { ok: false, message: '请先接单，再标记完成' };
}

/** The partner must say why it declines, and what was done when it completes. */
export function noteRequired(event: PartnerEvent): boolean {
  return event !== 'accept';
}

/** What the resident's tracking page says, in plain words, naming the resource and never a person. */
export function referralPublicText(step: 'referred' | PartnerEvent, resourceName: string): string | null {
  switch (step) {
    case 'referred':
      return `已请${resourceName}联系您`;
    case 'accept':
      return `${resourceName}已接手，会尽快联系您`;
    case 'complete':
      return `${resourceName}已完成帮扶`;
    default:
      // A decline is the township's to handle; the resident hears when someone else is asked.
      return null;
  }
}

/** Where a referral stands now, in the same plain words (null once declined). */
export function referralNowText(status: ReferralStatus, resourceName: string): string | null {
  const step = ({ planned: 'referred', accepted: 'accept', completed: 'complete', declined: 'decline' } as const)[status];
  return referralPublicText(step, resourceName);
}

/** What a partner sees of the person: the surname only (张*). */
export function surnameOnly(maskedOrFullName: string): string {
  const first = [...maskedOrFullName.trim()][0];
  return first ? `${first}*` : '*';
}
