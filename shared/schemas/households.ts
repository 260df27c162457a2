import { Type, type Static } from 'typebox';
import { REVEAL_REASONS, VISIT_DIMENSIONS } from '../cases/workflow';
import { REGISTER_CATEGORIES } from '../register/categories';
import { HouseholdPlan } from './plan';
import { MaskedSubject } from './staff-cases';

const literals = <T extends string>(values: readonly T[], options: Record<string, unknown> = {}) =>
  Type.Union(values.map((v) => Type.Literal(v)), options);
// Spelled out (not mapped from the lists) so Static<> gives the union of values; the lists stay the source of the words.
const Level = (options: Record<string, unknown>) => Type.Union([Type.Literal('red'), Type.Literal('yellow'), Type.Literal('blue')], options);
const Category = (options: Record<string, unknown>) =>
  Type.Union(
    [Type.Literal('dibao'), Type.Literal('dibao_edge'), Type.Literal('tekun'), Type.Literal('expense'), Type.Literal('temporary'), Type.Literal('monitor')],
    options,
  );
const categoryValues = REGISTER_CATEGORIES.map((c) => c.value);
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const RegionRef = Type.Object({ code: Type.String(), name: Type.String() });

export const HouseholdListQuery = Type.Object(
  {
    township: Type.Optional(Type.String({ pattern: '^\\d{12}$' })),
    village: Type.Optional(Type.String({ pattern: '^\\d{12}$' })),
    level: Type.Optional(Level({ 'x-error': '风险等级只能是红、黄、蓝' })),
    category: Type.Optional(literals(categoryValues, { 'x-error': '没有这个类别' })),
    due: Type.Optional(Type.String({ pattern: '^(overdue|\\d{1,3})$', 'x-error': '到期筛选只能是 overdue 或天数' })),
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
    limit: Type.Optional(Type.String({ pattern: '^\\d{1,3}$' })),
  },
  { additionalProperties: false },
);
export type HouseholdListQueryInfo = Static<typeof HouseholdListQuery>;

/** How a household stands on the worklist today. */
export const VISIT_STANDINGS = ['overdue', 'this_week', 'later', 'ended'] as const;
const Standing = Type.Union([Type.Literal('overdue'), Type.Literal('this_week'), Type.Literal('later'), Type.Literal('ended')]);

export const HouseholdItem = Type.Object({
  id: Type.Integer(),
  township: RegionRef,
  village: Nullable(RegionRef),
  name: Type.String(),
  phone: Nullable(Type.String()),
  category: Type.String(),
  level: Type.String(),
  nextVisitAt: Type.String(),
  nextReviewAt: Nullable(Type.String()),
  openRisks: Type.Integer(),
  status: Standing,
});
export type HouseholdItemInfo = Static<typeof HouseholdItem>;

export const HouseholdList = Type.Object({
  items: Type.Array(HouseholdItem),
  nextCursor: Nullable(Type.String()),
  counts: Type.Object({ overdue: Type.Integer(), dueThisWeek: Type.Integer() }),
});
export type HouseholdListInfo = Static<typeof HouseholdList>;

export const HouseholdParams = Type.Object({ id: Type.String({ pattern: '^\\d{1,12}$' }) }, { additionalProperties: false });

const Finding = Type.Object(
  {
    text: Type.String({ maxLength: 500, 'x-error': '每一项请控制在 500 个字以内' }),
    risk: Type.Boolean({ 'x-error': '请选择有没有风险' }),
  },
  { additionalProperties: false },
);
const Findings = Type.Object(Object.fromEntries(VISIT_DIMENSIONS.map((d) => [d.value, Finding])) as Record<(typeof VISIT_DIMENSIONS)[number]['value'], typeof Finding>, {
  additionalProperties: false,
  'x-error': '请把六个方面都填上（没有问题也写「正常」）',
});

const visitFields = {
  visitedAt: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}', maxLength: 30, 'x-error': '请填写探访日期' }),
  findings: Findings,
  level: Type.Optional(Level({ 'x-error': '风险等级只能是红、黄、蓝' })),
  note: Type.Optional(Type.String({ maxLength: 1000, 'x-error': '备注请控制在 1000 个字以内' })),
};

export const HouseholdVisitBody = Type.Object(
  {
    ...visitFields,
    /** 需要帮助，新建案件: the visit found a need the register alone cannot meet. */
    openCase: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type HouseholdVisitInput = Static<typeof HouseholdVisitBody>;

export const REVIEW_DECISIONS = [
  { value: 'continue', label: '继续保障' },
  { value: 'change', label: '调整类别' },
  { value: 'exit', label: '退出（继续监测）' },
] as const;

export const HouseholdReviewBody = Type.Object(
  {
    ...visitFields,
    decision: Type.Union([Type.Literal('continue'), Type.Literal('change'), Type.Literal('exit')], { 'x-error': '请选择复核结论' }),
    category: Type.Optional(Category({ 'x-error': '请选择新的类别' })),
    unstable: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type HouseholdReviewInput = Static<typeof HouseholdReviewBody>;

export const HouseholdDetail = Type.Object({
  id: Type.Integer(),
  township: RegionRef,
  village: Nullable(RegionRef),
  person: MaskedSubject,
  category: Type.String(),
  categorySince: Type.String(),
  monitoredUntil: Nullable(Type.String()),
  level: Type.String(),
  unstable: Type.Boolean(),
  schedule: Type.Object({
    nextVisitAt: Type.String(),
    nextReviewAt: Nullable(Type.String()),
    lastVisitAt: Nullable(Type.String()),
    status: Standing,
  }),
  openRisks: Type.Array(Type.Object({ dimension: Type.String(), since: Type.String(), text: Type.String() })),
  visits: Type.Array(
    Type.Object({
      id: Type.Integer(),
      visitedAt: Type.String(),
      kind: Type.String(),
      actor: Type.String(),
      level: Type.String(),
      findings: Type.Record(Type.String(), Type.Object({ text: Type.String(), risk: Type.Boolean() })),
      note: Nullable(Type.String()),
      cleared: Type.Array(Type.String()),
    }),
  ),
  plan: HouseholdPlan,
  cases: Type.Array(Type.Object({ id: Type.Integer(), status: Type.String(), level: Type.String(), createdAt: Type.String(), closedAt: Nullable(Type.String()) })),
  warnings: Type.Array(Type.Object({ at: Type.String(), text: Type.String() })),
  timeline: Type.Array(
    Type.Object({ at: Type.String(), source: Type.Union([Type.Literal('case'), Type.Literal('visit'), Type.Literal('register')]), type: Type.String(), caseId: Nullable(Type.Integer()), text: Type.String() }),
  ),
});
export type HouseholdDetailInfo = Static<typeof HouseholdDetail>;

/** After a visit: the household, and the case it opened (or the open one it linked) when help was asked for. */
export const HouseholdVisitResponse = Type.Object({
  ...HouseholdDetail.properties,
  openedCase: Type.Optional(Type.Object({ id: Type.Integer(), created: Type.Boolean() })),
});

export const HouseholdRevealBody = Type.Object({ reason: literals(REVEAL_REASONS.map((r) => r.value), { 'x-error': '请选择查看原因' }) }, { additionalProperties: false });
export const HouseholdRevealResponse = Type.Object({ person: MaskedSubject });
