import { Type, type Static } from 'typebox';
import { REGISTER_UPLOAD_MAX_BYTES } from './register-import';
import { SIGNAL_SOURCES } from '../warnings/sources';

/** A department's list uploaded by the county: which source, and the file (base64), as the roster upload. */
export const SignalImportBody = Type.Object(
  {
    source: Type.Union(SIGNAL_SOURCES.map((s) => Type.Literal(s)), { 'x-error': '请选择数据来源' }),
    fileName: Type.String({ pattern: '\\.(csv|xlsx|CSV|XLSX)$', maxLength: 200, 'x-error': '只能导入 .csv 或 .xlsx 文件' }),
    content: Type.String({ minLength: 1, maxLength: Math.ceil((REGISTER_UPLOAD_MAX_BYTES * 4) / 3) + 4, 'x-error': '文件太大（最多 5 MB），请用管理命令 import-signals 导入' }),
  },
  { additionalProperties: false },
);
export type SignalImportInput = Static<typeof SignalImportBody>;

export const SignalImportResult = Type.Object({
  rows: Type.Integer(),
  matched: Type.Integer(),
  warnings: Type.Integer(),
  duplicates: Type.Integer(),
  rejected: Type.Array(Type.Object({ row: Type.Integer(), reason: Type.String() })),
});
export type SignalImportResultInfo = Static<typeof SignalImportResult>;
