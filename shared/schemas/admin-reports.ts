import { Type, type Static } from 'typebox';
import { CASE_STATUSES } from '../cases/status';
import { RISK_LEVELS } from '../cases/risk';
import { REGISTER_CATEGORIES, REGISTER_LEVELS } from '../register/categories';
import { RegisterSummary } from './register-import';

const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));
const Day = (message: string) => Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$', 'x-error': message });
const RegionCode = Type.String({ pattern: '^\\d{12}$' });

export const StatsQuery = Type.Object(
  {
    from: Type.Optional(Day('开始日期请写成 2025-01-01 的样子')),
    to: Type.Optional(Day('结束日期请写成 2025-12-31 的样子')),
    township: Type.Optional(RegionCode),
    /** A province admin's choice of county (#16); a county's own accounts always read their county. */
    county: Type.Optional(RegionCode),
  },
  { additionalProperties: false },
);

const Figures = {
  /** Scans of the 幸福码 in the range (counted per day since migration 015). */
  scans: Type.Integer(),
  completed: Type.Integer(),
  suspected: Type.Integer(),
  requests: Type.Integer(),
  reports: Type.Integer(),
  cases: Type.Integer(),
  contacted: Type.Integer(),
  decided: Type.Integer(),
  /** Median hours from a case's creation to its first call or visit; null when none was contacted. */
  medianHoursToContact: Type.Union([Type.Number(), Type.Null()]),
};

export const TownshipFigures = Type.Object({
  code: Type.String(),
  name: Type.String(),
  ...Figures,
  byStatus: Type.Record(Type.String(), Type.Integer()),
  /** Open cases past their due date now. */
  overdue: Type.Integer(),
});

export const MonthFigures = Type.Object({ month: Type.String(), ...Figures });

const Count = Type.Object({ value: Type.String(), label: Type.String(), count: Type.Integer() });

/** 政策找人's quarterly figures: who was found (target class), what was decided, which policies and resources helped. */
export const HelpFigures = Type.Object({
  /** Cases created in the range by the screening's target class; value "none" when the screening could not tell. */
  byTargetClass: Type.Array(Count),
  /** Cases whose latest decision in the range was this one. */
  byDecision: Type.Array(Count),
  /** Policy measures of household plans created in the range. */
  byPolicy: Type.Array(Type.Object({ policyId: Type.String(), name: Type.String(), measures: Type.Integer(), open: Type.Integer(), done: Type.Integer(), notPossible: Type.Integer() })),
  /** Referrals made in the range, by resource and where they stand now. */
  byResource: Type.Array(
    Type.Object({
      resourceId: Type.Integer(),
      name: Type.String(),
      kind: Type.String(),
      referrals: Type.Integer(),
      waiting: Type.Integer(),
      accepted: Type.Integer(),
      declined: Type.Integer(),
      completed: Type.Integer(),
    }),
  ),
});
export type HelpFiguresInfo = Static<typeof HelpFigures>;

const WarningCounts = {
  /** Warnings raised in the range (one per person, source and period). */
  raised: Type.Integer(),
  /** 分类处置 made in the range. */
  handled: Type.Integer(),
  /** Median hours from a warning to the first call or visit after it; null when none was contacted yet. */
  medianHoursToContact: Type.Union([Type.Number(), Type.Null()]),
};

/** 数据预警: raised and handled per township and month, by source and by handling branch (分类处置). */
export const WarningFigures = Type.Object({
  townships: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), ...WarningCounts })),
  months: Type.Array(Type.Object({ month: Type.String(), ...WarningCounts })),
  total: Type.Object(WarningCounts),
  bySource: Type.Array(Count),
  byBranch: Type.Array(Count),
});
export type WarningFiguresInfo = Static<typeof WarningFigures>;

export const StatsResponse = Type.Object({
  from: Type.String(),
  to: Type.String(),
  townships: Type.Array(TownshipFigures),
  months: Type.Array(MonthFigures),
  total: TownshipFigures,
  funnel: Type.Array(Type.Object({ step: Type.String(), label: Type.String(), count: Type.Integer() })),
  help: HelpFigures,
  warnings: WarningFigures,
  /** The register today: visits overdue and due this week, re-checks due, per township and village; by category and level. */
  register: RegisterSummary,
});
export type StatsInfo = Static<typeof StatsResponse>;

/** A province admin's choice of county (#16), for the reads that take nothing else. */
export const CountyQuery = Type.Object({ county: Type.Optional(RegionCode) }, { additionalProperties: false });

/** The ledger is filtered like the queue. */
export const LedgerQuery = Type.Object(
  {
    status: Type.Optional(Type.Union([literals(CASE_STATUSES), Type.Literal('open'), Type.Literal('all')])),
    level: Type.Optional(literals(RISK_LEVELS)),
    township: Type.Optional(RegionCode),
    village: Type.Optional(RegionCode),
    source: Type.Optional(Type.Union([Type.Literal('self'), Type.Literal('report')])),
    targetClass: Type.Optional(Type.String({ maxLength: 20 })),
    overdue: Type.Optional(Type.Union([Type.Literal('true'), Type.Literal('false')])),
    county: Type.Optional(RegionCode),
  },
  { additionalProperties: false },
);
export type LedgerFilters = Static<typeof LedgerQuery>;

/** The register's 台账 is filtered like the 在册名单 page. */
export const RegisterLedgerQuery = Type.Object(
  {
    township: Type.Optional(RegionCode),
    category: Type.Optional(literals(REGISTER_CATEGORIES.map((c) => c.value))),
    level: Type.Optional(literals(REGISTER_LEVELS)),
    county: Type.Optional(RegionCode),
  },
  { additionalProperties: false },
);
export type RegisterLedgerFilters = Static<typeof RegisterLedgerQuery>;

/** Unmasked export: an explicit choice with a reason, written to the audit log before any row leaves. */
export const UnmaskedLedgerBody = Type.Object(
  {
    unmasked: Type.Literal(true),
    reason: Type.String({ minLength: 2, maxLength: 200, 'x-error': '请写明导出完整个人信息的用途（2 到 200 个字）' }),
  },
  { additionalProperties: false },
);

export const AuditQuery = Type.Object(
  {
    actor: Type.Optional(Type.String({ maxLength: 64 })),
    caseId: Type.Optional(Type.String({ pattern: '^\\d{1,12}$', 'x-error': '案件编号只能是数字' })),
    target: Type.Optional(Type.String({ maxLength: 80 })),
    action: Type.Optional(Type.String({ maxLength: 64 })),
    from: Type.Optional(Day('开始日期请写成 2025-01-01 的样子')),
    to: Type.Optional(Day('结束日期请写成 2025-12-31 的样子')),
    cursor: Type.Optional(Type.String({ pattern: '^\\d{1,12}$' })),
    limit: Type.Optional(Type.String({ pattern: '^\\d{1,3}$' })),
    /** A province admin's choice of county (#16); a county admin always reads their own. */
    county: Type.Optional(RegionCode),
  },
  { additionalProperties: false },
);

export const AuditItem = Type.Object({
  id: Type.Integer(),
  at: Type.String(),
  actor: Type.String(),
  action: Type.String(),
  target: Type.Union([Type.String(), Type.Null()]),
  detail: Type.Union([Type.String(), Type.Null()]),
  clientIp: Type.Union([Type.String(), Type.Null()]),
});
export type AuditItemInfo = Static<typeof AuditItem>;

export const AuditPage = Type.Object({ items: Type.Array(AuditItem), nextCursor: Type.Union([Type.String(), Type.Null()]), actions: Type.Array(Type.String()) });
