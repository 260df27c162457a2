import { Type, type Static } from 'typebox';
import { RESOURCE_KINDS, SERVICE_TYPES_MAX } from '../resources/kinds';
import { RejectedRows } from './common';

const Kind = Type.Union(
  RESOURCE_KINDS.map((k) => Type.Literal(k.value)),
  { 'x-error': '请选择资源类别' },
);
const Township = Type.String({ pattern: '^\\d{12}$', 'x-error': '请选择乡镇（街道），或留空表示全县' });

/** What a county admin writes for one resource; township left out means the whole county. */
export const ResourceBody = Type.Object(
  {
    kind: Kind,
    name: Type.String({ minLength: 2, maxLength: 60, 'x-error': '请填写名称（2 到 60 个字）' }),
    township: Type.Optional(Type.Union([Township, Type.Null()])),
    serviceTypes: Type.Array(Type.String({ minLength: 1, maxLength: 20 }), {
      minItems: 1,
      maxItems: SERVICE_TYPES_MAX,
      'x-error': `请至少填写一项服务内容，每项 20 字以内，最多 ${SERVICE_TYPES_MAX} 项`,
    }),
    contact: Type.Optional(Type.Union([Type.String({ maxLength: 100, 'x-error': '联系方式请在 100 字以内' }), Type.Null()])),
    capacity: Type.Optional(Type.Union([Type.Integer({ minimum: 0, maximum: 100000, 'x-error': '可服务户数请填 0 到 100000 的整数' }), Type.Null()])),
  },
  { additionalProperties: false },
);
export type ResourceInput = Static<typeof ResourceBody>;

export const ResourceParams = Type.Object({ id: Type.String({ pattern: '^[1-9]\\d{0,9}$' }) }, { additionalProperties: false });

const Fields = {
  id: Type.Integer(),
  kind: Type.String(),
  name: Type.String(),
  township: Type.Union([Type.String(), Type.Null()]),
  townshipName: Type.Union([Type.String(), Type.Null()]),
  serviceTypes: Type.Array(Type.String()),
  contact: Type.Union([Type.String(), Type.Null()]),
  capacity: Type.Union([Type.Integer(), Type.Null()]),
};

/** What staff see when choosing where to refer (active resources only). */
export const ResourceItem = Type.Object(Fields);
export type ResourceItemInfo = Static<typeof ResourceItem>;
export const ResourceList = Type.Object({ items: Type.Array(ResourceItem) });

/** What the county sees when keeping the library, retired ones included. */
export const AdminResourceItem = Type.Object({
  ...Fields,
  retiredAt: Type.Union([Type.String(), Type.Null()]),
  updatedAt: Type.String(),
  updatedBy: Type.Union([Type.String(), Type.Null()]),
});
export type AdminResourceItemInfo = Static<typeof AdminResourceItem>;
export const AdminResourceList = Type.Object({ items: Type.Array(AdminResourceItem) });

export const CreatedId = Type.Object({ id: Type.Integer() });

/** A resource list to import: the file's bytes, base64 (CSV, or XLSX whose first sheet is read). */
export const RESOURCE_IMPORT_MAX_BYTES = 2 * 1024 * 1024;
export const ResourceImportBody = Type.Object(
  {
    file: Type.String({
      minLength: 4,
      maxLength: Math.ceil(RESOURCE_IMPORT_MAX_BYTES / 3) * 4,
      pattern: '^[A-Za-z0-9+/]+={0,2}$',
      'x-error': '请选择 2 MB 以内的 CSV 或 XLSX 文件',
    }),
  },
  { additionalProperties: false },
);
export const ResourceImportResult = Type.Object({
  rows: Type.Integer(),
  imported: Type.Integer(),
  updated: Type.Integer(),
  rejected: RejectedRows,
});
export type ResourceImportResultInfo = Static<typeof ResourceImportResult>;
