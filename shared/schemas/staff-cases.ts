import { Type, type Static } from 'typebox';
import { CONTACT_OUTCOMES, DECISIONS, EVENT_TYPES, REVEAL_REASONS, VISIT_DIMENSIONS, type CaseEventType } from '../cases/workflow';
import { CASE_STATUSES } from '../cases/status';
import { RISK_LEVELS } from '../cases/risk';
import { TARGET_CLASS_LABEL } from '../screening/result';
import { HANDLING_BRANCHES } from '../warnings/branches';

const literals = <T extends string>(values: readonly T[], options: Record<string, unknown> = {}) =>
  Type.Union(values.map((v) => Type.Literal(v)), options);
const valuesOf = <T extends { value: string }>(list: readonly T[]) => list.map((item) => item.value);

export const QueueQuery = Type.Object(
  {
    status: Type.Optional(Type.Union([literals(CASE_STATUSES), Type.Literal('open'), Type.Literal('all')])),
    level: Type.Optional(literals(RISK_LEVELS)),
    township: Type.Optional(Type.String({ pattern: '^\\d{12}$' })),
    village: Type.Optional(Type.String({ pattern: '^\\d{12}$' })),
    source: Type.Optional(Type.Union([Type.Literal('self'), Type.Literal('report'), Type.Literal('warning')])),
    targetClass: Type.Optional(Type.String({ maxLength: 20 })),
    overdue: Type.Optional(Type.Union([Type.Literal('true'), Type.Literal('false')])),
    /** 县级统筹: only warnings staff sent to the county (一事一议). */
    escalated: Type.Optional(Type.Literal('true')),
    /** 分给我的: only cases whose 负责人 is the signed-in staff member. */
    assignee: Type.Optional(Type.Literal('me')),
    q: Type.Optional(Type.String({ maxLength: 40 })),
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
    limit: Type.Optional(Type.String({ pattern: '^\\d{1,3}$' })),
  },
  { additionalProperties: false },
);

export const MaskedSubject = Type.Object({
  name: Type.String(),
  phone: Type.Union([Type.String(), Type.Null()]),
  idNumber: Type.Union([Type.String(), Type.Null()]),
  address: Type.Union([Type.String(), Type.Null()]),
});

export const QueueItem = Type.Object({
  id: Type.Integer(),
  township: Type.Object({ code: Type.String(), name: Type.String() }),
  village: Type.Union([Type.Object({ code: Type.String(), name: Type.String() }), Type.Null()]),
  subject: MaskedSubject,
  source: Type.String(),
  status: Type.String(),
  level: Type.String(),
  targetClass: Type.Union([Type.String(), Type.Null()]),
  dueAt: Type.Union([Type.String(), Type.Null()]),
  overdue: Type.Boolean(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type QueueItemInfo = Static<typeof QueueItem>;

export const QueueResponse = Type.Object({
  items: Type.Array(QueueItem),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
  counts: Type.Record(Type.String(), Type.Integer()),
  overdue: Type.Integer(),
  /** Referrals in scope not accepted within their working-day deadline (the township should chase them). */
  referralsOverdue: Type.Integer(),
});
export type QueuePage = Static<typeof QueueResponse>;

export const CaseParams = Type.Object({ id: Type.String({ pattern: '^\\d{1,12}$' }) }, { additionalProperties: false });

/** A case's steps. Free text in them is masked in the case view, hidden from viewers, in full only in a reveal. */
const Timeline = Type.Array(
  Type.Object({
    at: Type.String(),
    type: Type.String(),
    actor: Type.String(),
    publicText: Type.Union([Type.String(), Type.Null()]),
    detail: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
  }),
);

export const CaseDetail = Type.Object({
  ...QueueItem.properties,
  levelReason: Type.Union([Type.String(), Type.Null()]),
  rulesVersion: Type.Union([Type.String(), Type.Null()]),
  answers: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
  result: Type.Union([Type.Unknown(), Type.Null()]),
  situations: Type.Array(Type.String()),
  nextVisitAt: Type.Union([Type.String(), Type.Null()]),
  assignee: Type.Union([Type.Object({ id: Type.Integer(), username: Type.String() }), Type.Null()]),
  submissions: Type.Array(
    Type.Object({
      kind: Type.String(),
      at: Type.String(),
      reporterRelation: Type.Union([Type.String(), Type.Null()]),
      reporterName: Type.Union([Type.String(), Type.Null()]),
      reporterPhone: Type.Union([Type.String(), Type.Null()]),
      note: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
  timeline: Timeline,
  allowedEvents: Type.Array(Type.String()),
  /** What `dueAt` is the deadline for: 联系期限, 认定期限 or 反馈办结期限. */
  dueLabel: Type.String(),
  /** Open cases in the same township whose name and phone, or name and village, match (可能是同一人). */
  possibleDuplicates: Type.Array(
    Type.Object({
      id: Type.Integer(),
      name: Type.String(),
      village: Type.Union([Type.String(), Type.Null()]),
      createdAt: Type.String(),
      match: Type.Union([Type.Literal('name_phone'), Type.Literal('name_village')]),
    }),
  ),
  /** Set when staff merged this case into an older one for the same person. */
  mergedInto: Type.Union([Type.Integer(), Type.Null()]),
  /** Set when staff sent a warning to the county (县级统筹，一事一议). */
  escalatedAt: Type.Union([Type.String(), Type.Null()]),
  /** The person's entry in the register (在册), when there is one in this township. */
  householdId: Type.Union([Type.Integer(), Type.Null()]),
});
export type CaseDetailInfo = Static<typeof CaseDetail>;

export const RevealBody = Type.Object(
  { reason: literals(valuesOf(REVEAL_REASONS), { 'x-error': '请选择查看原因' }) },
  { additionalProperties: false },
);

export const RevealResponse = Type.Object({
  subject: MaskedSubject,
  levelReason: Type.Union([Type.String(), Type.Null()]),
  timeline: Timeline,
  submissions: Type.Array(
    Type.Object({
      kind: Type.String(),
      at: Type.String(),
      person: Type.Record(Type.String(), Type.Unknown()),
      reporter: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
      note: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
});

const Note = Type.Optional(Type.String({ maxLength: 1000, 'x-error': '备注请控制在 1000 个字以内' }));

/** One schema per workflow step; the route checks `type` first, then the step's own fields. */
export const CASE_EVENT_SCHEMAS = {
  assign: Type.Object(
    { type: Type.Literal('assign'), township: Type.Optional(Type.String({ pattern: '^\\d{12}$', 'x-error': '请选择乡镇（街道）' })), assigneeId: Type.Optional(Type.Integer({ minimum: 1 })), note: Note },
    { additionalProperties: false },
  ),
  contact: Type.Object({ type: Type.Literal('contact'), outcome: literals(valuesOf(CONTACT_OUTCOMES), { 'x-error': '请选择联系结果' }), note: Note }, { additionalProperties: false }),
  visit: Type.Object(
    {
      type: Type.Literal('visit'),
      findings: Type.Object(
        Object.fromEntries(valuesOf(VISIT_DIMENSIONS).map((d) => [d, Type.Optional(Type.String({ maxLength: 500 }))])),
        { additionalProperties: false },
      ),
      /** The day of the visit (China date); a visit written up later carries the day it happened. Defaults to today. */
      visitedAt: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', 'x-error': '入户日期不对，请重新选择' })),
      note: Note,
    },
    { additionalProperties: false },
  ),
  decide: Type.Object({ type: Type.Literal('decide'), decision: literals(valuesOf(DECISIONS), { 'x-error': '请选择认定结果' }), note: Note }, { additionalProperties: false }),
  refer: Type.Object({ type: Type.Literal('refer'), to: Type.String({ minLength: 1, maxLength: 100, 'x-error': '请填写转介给谁' }), note: Note }, { additionalProperties: false }),
  feedback: Type.Object({ type: Type.Literal('feedback'), text: Type.String({ minLength: 2, maxLength: 500, 'x-error': '请填写给群众的反馈（2 到 500 个字）' }) }, { additionalProperties: false }),
  close: Type.Object({ type: Type.Literal('close'), note: Note }, { additionalProperties: false }),
  reopen: Type.Object({ type: Type.Literal('reopen'), reason: Type.String({ minLength: 2, maxLength: 500, 'x-error': '请写明重新办理的原因' }) }, { additionalProperties: false }),
  level: Type.Object(
    { type: Type.Literal('level'), level: literals(RISK_LEVELS, { 'x-error': '请选择风险等级' }), reason: Type.String({ minLength: 2, maxLength: 500, 'x-error': '请写明调整等级的原因' }) },
    { additionalProperties: false },
  ),
  village: Type.Object(
    { type: Type.Literal('village'), village: Type.String({ pattern: '^\\d{12}$', 'x-error': '请选择村（社区）' }), note: Note },
    { additionalProperties: false },
  ),
  target_class: Type.Object(
    {
      type: Type.Literal('target_class'),
      targetClass: literals(Object.keys(TARGET_CLASS_LABEL), { 'x-error': '请选择对象类别' }),
      note: Note,
    },
    { additionalProperties: false },
  ),
  handle: Type.Object(
    {
      type: Type.Literal('handle'),
      branch: literals(valuesOf(HANDLING_BRANCHES), { 'x-error': '请选择处置方式' }),
      finding: Type.String({ minLength: 2, maxLength: 500, 'x-error': '请写明核查发现（2 到 500 个字）' }),
      note: Note,
    },
    { additionalProperties: false },
  ),
} satisfies Record<CaseEventType, unknown>;

/** POST /api/staff/cases/:id/merge: the same person's two open cases become one (the older one stays). */
export const MergeBody = Type.Object(
  { otherId: Type.Integer({ minimum: 1, 'x-error': '请选择要合并的案件' }) },
  { additionalProperties: false },
);

export type CaseEventInput = { [K in CaseEventType]: Static<(typeof CASE_EVENT_SCHEMAS)[K]> }[CaseEventType];

export const CaseEventEnvelope = Type.Object({ type: literals(EVENT_TYPES, { 'x-error': '不认识的操作' }) }, { additionalProperties: true });

/** GET /api/staff/assignees: who a case in a township can be given to. Township staff always get their own township. */
export const AssigneesQuery = Type.Object(
  { township: Type.Optional(Type.String({ pattern: '^\\d{12}$', 'x-error': '乡镇（街道）代码是 12 位数字' })) },
  { additionalProperties: false },
);
export const AssigneeList = Type.Object({ items: Type.Array(Type.Object({ id: Type.Integer(), username: Type.String() })) });
export type AssigneeListInfo = Static<typeof AssigneeList>;
