import { Type, type Static } from 'typebox';

const RegionCode = (message: string) => Type.String({ pattern: '^\\d{12}$', 'x-error': message });
const Label = Type.String({ maxLength: 60, 'x-error': '门牌号或名称最多 60 个字' });
const Reason = Type.String({ minLength: 1, maxLength: 200, 'x-error': '请写明原因（200 字以内）' });

export const AdminEntry = Type.Object({
  code: Type.String(),
  url: Type.String(),
  township: Type.Object({ code: Type.String(), name: Type.String() }),
  village: Type.Union([Type.Object({ code: Type.String(), name: Type.String() }), Type.Null()]),
  label: Type.Union([Type.String(), Type.Null()]),
  active: Type.Boolean(),
  disabledReason: Type.Union([Type.String(), Type.Null()]),
  scans: Type.Integer(),
  completions: Type.Integer(),
  createdAt: Type.String(),
});
export type AdminEntryInfo = Static<typeof AdminEntry>;

export const EntryListQuery = Type.Object(
  {
    township: Type.Optional(RegionCode('请选择乡镇（街道）')),
    village: Type.Optional(RegionCode('请选择村（社区）')),
    active: Type.Optional(Type.Union([Type.Literal('true'), Type.Literal('false')])),
  },
  { additionalProperties: false },
);

export const EntryList = Type.Object({ items: Type.Array(AdminEntry) });

export const CreateEntryBody = Type.Object(
  {
    township: RegionCode('请选择乡镇（街道）'),
    village: Type.Optional(Type.Union([RegionCode('请选择村（社区）'), Type.Null()])),
    label: Type.Optional(Type.Union([Label, Type.Null()])),
  },
  { additionalProperties: false },
);
export type CreateEntryInput = Static<typeof CreateEntryBody>;

export const EntryCodeParams = Type.Object({ code: Type.String({ pattern: '^[0-9A-Za-z]{4,20}$' }) }, { additionalProperties: false });

export const SetActiveBody = Type.Object({ reason: Reason }, { additionalProperties: false });

/** A pasted list: one doorplate per line, all for one village. */
export const BatchLinesBody = Type.Object(
  {
    village: RegionCode('请选择村（社区）'),
    lines: Type.String({ minLength: 1, maxLength: 100_000, 'x-error': '请粘贴门牌号，每行一个' }),
  },
  { additionalProperties: false },
);

/** An uploaded CSV file's text: columns 村（社区）代码或名称, 门牌号; a header row is optional. */
export const BatchCsvBody = Type.Object(
  {
    csv: Type.String({ minLength: 1, maxLength: 200_000, 'x-error': '请选择 CSV 文件' }),
    /** The village for rows that leave the village column empty. */
    village: Type.Optional(RegionCode('请选择村（社区）')),
  },
  { additionalProperties: false },
);

export const BatchResult = Type.Object({ created: Type.Array(AdminEntry) });

/** At most this many codes in one batch (one village's doorplates). */
export const BATCH_LIMIT = 500;
