import { Type, type Static } from 'typebox';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Kind = (options: Record<string, unknown> = {}) =>
  Type.Union([Type.Literal('policy'), Type.Literal('referral'), Type.Literal('visit'), Type.Literal('wish')], options);
const Status = (options: Record<string, unknown> = {}) =>
  Type.Union([Type.Literal('planned'), Type.Literal('under_way'), Type.Literal('done'), Type.Literal('not_possible')], options);

export const PlanMeasure = Type.Object({
  id: Type.Integer(),
  kind: Kind(),
  kindText: Type.String(),
  title: Type.String(),
  policyId: Nullable(Type.String()),
  resourceId: Nullable(Type.Integer()),
  referral: Nullable(Type.Object({ id: Type.Integer(), caseId: Type.Integer(), status: Type.String(), statusText: Type.String() })),
  caseId: Nullable(Type.Integer()),
  owner: Type.Object({ id: Type.Integer(), username: Type.String() }),
  dueAt: Type.String(),
  overdue: Type.Boolean(),
  status: Status(),
  statusText: Type.String(),
  reason: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type PlanMeasureInfo = Static<typeof PlanMeasure>;

export const PlanSuggestion = Type.Object({
  key: Type.String(),
  kind: Kind(),
  title: Type.String(),
  reason: Type.String(),
  policyId: Nullable(Type.String()),
  resourceId: Nullable(Type.Integer()),
  caseId: Nullable(Type.Integer()),
});

export const HouseholdPlan = Type.Object({
  measures: Type.Array(PlanMeasure),
  suggestions: Type.Array(PlanSuggestion),
  /** Who may own a measure here: the township's staff and the county admins. */
  owners: Type.Array(Type.Object({ id: Type.Integer(), username: Type.String() })),
});
export type HouseholdPlanInfo = Static<typeof HouseholdPlan>;

const DueAt = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', 'x-error': '请填写完成期限（今天或以后的日期）' });

export const PlanMeasureBody = Type.Object(
  {
    kind: Kind({ 'x-error': '请选择措施类别' }),
    title: Type.Optional(Type.String({ maxLength: 100, 'x-error': '请写清这项措施做什么（2 到 100 个字）' })),
    policyId: Type.Optional(Type.String({ maxLength: 80 })),
    referralId: Type.Optional(Type.Integer({ minimum: 1 })),
    resourceId: Type.Optional(Type.Integer({ minimum: 1 })),
    caseId: Type.Optional(Type.Integer({ minimum: 1 })),
    ownerId: Type.Optional(Type.Integer({ minimum: 1 })),
    dueAt: DueAt,
    /** Set when the measure accepts a suggestion. */
    suggestionKey: Type.Optional(Type.String({ maxLength: 60 })),
  },
  { additionalProperties: false },
);
export type PlanMeasureInput = Static<typeof PlanMeasureBody>;

export const PlanStatusBody = Type.Object(
  {
    status: Status({ 'x-error': '请选择措施的状态' }),
    reason: Type.Optional(Type.String({ maxLength: 200, 'x-error': '原因请控制在 200 个字以内' })),
  },
  { additionalProperties: false },
);
export type PlanStatusInput = Static<typeof PlanStatusBody>;

export const PlanDropBody = Type.Object({ key: Type.String({ minLength: 1, maxLength: 60, 'x-error': '请选择要不采纳的建议' }) }, { additionalProperties: false });

export const PlanMeasureParams = Type.Object(
  { id: Type.String({ pattern: '^\\d{1,12}$' }), measureId: Type.String({ pattern: '^\\d{1,12}$' }) },
  { additionalProperties: false },
);
