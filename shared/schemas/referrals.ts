import { Type, type Static } from 'typebox';
import { PARTNER_EVENTS } from '../referrals/status';

const Id = (name: string) => Type.String({ pattern: '^[1-9]\\d{0,9}$', 'x-error': `${name}编号不对` });

/** Staff refer a case to a resource; the need is written for the partner (no ID number, no phone). */
export const ReferralBody = Type.Object(
  {
    resourceId: Type.Integer({ minimum: 1, 'x-error': '请选择转介给哪一项资源' }),
    need: Type.String({ minLength: 4, maxLength: 300, 'x-error': '请写清需要对方帮什么（4 到 300 个字）' }),
  },
  { additionalProperties: false },
);
export type ReferralInput = Static<typeof ReferralBody>;

export const CaseReferralParams = Type.Object({ id: Id('案件'), referralId: Id('转介') }, { additionalProperties: false });
export const ReferralParams = Type.Object({ id: Id('转介') }, { additionalProperties: false });

export const ShareContactBody = Type.Object(
  { confirm: Type.Literal(true, { 'x-error': '请确认已征得本人同意，再把联系电话告诉对方' }) },
  { additionalProperties: false },
);

/** A referral as the township sees it on the case. */
export const StaffReferral = Type.Object({
  id: Type.Integer(),
  caseId: Type.Integer(),
  resource: Type.Object({ id: Type.Integer(), name: Type.String(), kind: Type.String() }),
  need: Type.String(),
  status: Type.String(),
  statusText: Type.String(),
  acceptBy: Type.String(),
  overdue: Type.Boolean(),
  contactShared: Type.Boolean(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type StaffReferralInfo = Static<typeof StaffReferral>;
export const StaffReferralList = Type.Object({ items: Type.Array(StaffReferral) });

export const ReferralQueueQuery = Type.Object(
  { overdue: Type.Optional(Type.Union([Type.Literal('true'), Type.Literal('false')])) },
  { additionalProperties: false },
);
/** The township's referrals waiting past their deadline, newest deadline last. */
export const ReferralQueue = Type.Object({ items: Type.Array(StaffReferral), overdue: Type.Integer() });

/** What a partner sees: desensitised — surname, village, the need; a phone only once the township shares it. */
export const PartnerReferral = Type.Object({
  id: Type.Integer(),
  surname: Type.String(),
  township: Type.String(),
  village: Type.Union([Type.String(), Type.Null()]),
  need: Type.String(),
  status: Type.String(),
  statusText: Type.String(),
  acceptBy: Type.String(),
  createdAt: Type.String(),
  contactPhone: Type.Union([Type.String(), Type.Null()]),
});
export type PartnerReferralInfo = Static<typeof PartnerReferral>;
export const PartnerReferralList = Type.Object({
  resource: Type.Object({ id: Type.Integer(), name: Type.String() }),
  items: Type.Array(PartnerReferral),
});

export const PartnerEventBody = Type.Object(
  {
    type: Type.Union(
      PARTNER_EVENTS.map((e) => Type.Literal(e.value)),
      { 'x-error': '请选择接单、婉拒或已完成' },
    ),
    note: Type.String({ maxLength: 300, 'x-error': '备注请在 300 字以内' }),
  },
  { additionalProperties: false },
);
export type PartnerEventInput = Static<typeof PartnerEventBody>;
