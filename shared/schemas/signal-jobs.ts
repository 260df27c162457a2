import { Type, type Static } from 'typebox';
import { SIGNAL_SOURCES } from '../warnings/sources';

/** The largest department file the county UI takes (a 200,000-row medical list is about 14 MB). */
export const SIGNAL_UPLOAD_MAX_BYTES = 40 * 1024 * 1024;

const Source = Type.Union(SIGNAL_SOURCES.map((s) => Type.Literal(s)), { 'x-error': '请选择数据来源' });

/** The file itself is the request body (application/octet-stream); which list it is goes in the query. */
export const SignalUploadQuery = Type.Object(
  {
    source: Source,
    fileName: Type.String({ pattern: '\\.(csv|xlsx|CSV|XLSX)$', maxLength: 200, 'x-error': '只能导入 .csv 或 .xlsx 文件' }),
  },
  { additionalProperties: false },
);

export const SignalImportJob = Type.Object({
  id: Type.Integer(),
  source: Type.String(),
  sourceLabel: Type.String(),
  fileName: Type.String(),
  fileHash: Type.String(),
  actor: Type.String(),
  status: Type.Union([Type.Literal('queued'), Type.Literal('parsing'), Type.Literal('matching'), Type.Literal('done'), Type.Literal('failed')]),
  statusText: Type.String(),
  rowsDone: Type.Integer(),
  rowsTotal: Type.Integer(),
  /** 0–100, for the progress bar. */
  percent: Type.Integer(),
  rows: Type.Integer(),
  matched: Type.Integer(),
  warnings: Type.Integer(),
  duplicates: Type.Integer(),
  rejected: Type.Integer(),
  message: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  finishedAt: Type.Union([Type.String(), Type.Null()]),
});
export type SignalImportJobInfo = Static<typeof SignalImportJob>;

/** One import with its first error lines (row, column, reason: no cell's text), for the page's table. */
export const SignalImportDetail = Type.Intersect([
  SignalImportJob,
  Type.Object({ problems: Type.Array(Type.Object({ row: Type.Integer(), column: Type.String(), reason: Type.String() })), moreProblems: Type.Integer() }),
]);
export type SignalImportDetailInfo = Static<typeof SignalImportDetail>;
/** How many error lines the page shows; the CSV has them all. */
export const SHOWN_PROBLEMS = 200;

export const SignalImportAccepted = Type.Object({ id: Type.Integer(), status: Type.String() });
export const SignalImportList = Type.Object({ items: Type.Array(SignalImportJob) });
export const SignalImportParams = Type.Object({ id: Type.String({ pattern: '^[1-9][0-9]{0,9}$', 'x-error': '没有这次导入' }) });

const RuleValues = Type.Object(
  {
    medicalSelfPaidYuan: Type.Number(),
    disabilityGrades: Type.Array(Type.String(), { maxItems: 4 }),
    deathAgeBand: Type.Object({ min: Type.Integer(), max: Type.Integer() }, { additionalProperties: false }),
  },
  { additionalProperties: false },
);

export const WarningRuleBody = Type.Object(
  {
    effectiveFrom: Type.String({ maxLength: 10, 'x-error': '生效日期不对，请写成 2025-07-01 的样子' }),
    source: Type.String({ minLength: 2, maxLength: 500, 'x-error': '请写明依据（文件、会议或做法），至少 2 个字' }),
    values: RuleValues,
  },
  { additionalProperties: false },
);
export type WarningRuleInput = Static<typeof WarningRuleBody>;

/** One source's last import counted under the rules in force and under the proposed ones. */
const PreviewLine = Type.Object({ source: Type.String(), label: Type.String(), rows: Type.Integer(), current: Type.Integer(), proposed: Type.Integer(), text: Type.String(), importedAt: Type.String() });
export const WarningRulePreview = Type.Object({ lines: Type.Array(PreviewLine) });
export type WarningRulePreviewInfo = Static<typeof WarningRulePreview>;

export const WarningRules = Type.Object({
  asOf: Type.String(),
  current: RuleValues,
  sources: Type.Record(Type.String(), Type.Object({ effectiveFrom: Type.String(), source: Type.String() })),
  versions: Type.Array(Type.Object({ id: Type.Integer(), effectiveFrom: Type.String(), values: RuleValues, source: Type.String(), createdAt: Type.String(), createdBy: Type.String() })),
});
export type WarningRulesInfo = Static<typeof WarningRules>;
