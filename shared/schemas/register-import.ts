import { Type, type Static } from 'typebox';
import { RejectedRows } from './common';

/** Files up to this size are accepted from the county UI (base64 adds a third); larger rosters go through the CLI. */
export const REGISTER_UPLOAD_MAX_BYTES = 5 * 1024 * 1024;

/** A CSV or XLSX uploaded as base64, with its name; a larger one goes through the admin `command`. */
export const uploadedFile = (command: string) => ({
  fileName: Type.String({ pattern: '\\.(csv|xlsx|CSV|XLSX)$', maxLength: 200, 'x-error': '只能导入 .csv 或 .xlsx 文件' }),
  content: Type.String({ minLength: 1, maxLength: Math.ceil((REGISTER_UPLOAD_MAX_BYTES * 4) / 3) + 4, 'x-error': `文件太大（最多 5 MB），请用管理命令 ${command} 导入` }),
});

export const RegisterImportBody = Type.Object(
  {
    ...uploadedFile('import-register'),
    preview: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type RegisterImportInput = Static<typeof RegisterImportBody>;

export const RegisterImportResult = Type.Object({
  preview: Type.Boolean(),
  rows: Type.Integer(),
  imported: Type.Integer(),
  updated: Type.Integer(),
  rejected: RejectedRows,
});
export type RegisterImportResultInfo = Static<typeof RegisterImportResult>;

/** Re-checks count as due this many days ahead, so a township can plan the month's 复核. */
export const REVIEW_NOTICE_DAYS = 30;

const Counts = {
  households: Type.Integer(),
  overdue: Type.Integer(),
  dueThisWeek: Type.Integer(),
  reviewsDue: Type.Integer(),
};

export const RegisterSummary = Type.Object({
  asOf: Type.String(),
  totals: Type.Object(Counts),
  byCategory: Type.Record(Type.String(), Type.Integer()),
  byLevel: Type.Record(Type.String(), Type.Integer()),
  townships: Type.Array(
    Type.Object({
      code: Type.String(),
      name: Type.String(),
      ...Counts,
      villages: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), ...Counts })),
    }),
  ),
});
export type RegisterSummaryInfo = Static<typeof RegisterSummary>;
