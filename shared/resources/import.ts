import { RESOURCE_KINDS, SERVICE_TYPES_MAX, type ResourceKind } from './kinds';

/** The columns of a resource list (CSV or the first sheet of an XLSX), in any order; the header is row 1. */
export const RESOURCE_COLUMNS = {
  kind: '类别',
  name: '名称',
  township: '乡镇',
  serviceTypes: '服务内容',
  contact: '联系方式',
  capacity: '可服务户数',
} as const;

/** A resource as the county enters it, by hand or in a list; the repository keeps exactly these. */
export interface ResourceFields {
  kind: ResourceKind;
  name: string;
  township: string | null;
  serviceTypes: string[];
  contact: string | null;
  capacity: number | null;
}

export interface ResourceImportPlan {
  rows: Array<{ row: number; resource: ResourceFields }>;
  rejected: Array<{ row: number; reason: string }>;
}

/**
 * Reads the table a county typed: kinds by their Chinese name (社会组织…微心愿) or id, townships by name or
 * 12-digit code (empty: the whole county), service types separated by 、，, or ;. Each bad row is named.
 */
export function planResourceImport(table: string[][], townships: ReadonlyArray<{ code: string; name: string }>): ResourceImportPlan {
  const [header, ...body] = table;
  const at = Object.fromEntries(
    Object.entries(RESOURCE_COLUMNS).map(([key, title]) => [key, (header ?? []).findIndex((h) => h.trim() === title)]),
  ) as Record<keyof typeof RESOURCE_COLUMNS, number>;
  const missing = (['kind', 'name', 'serviceTypes'] as const).filter((key) => at[key] < 0).map((key) => RESOURCE_COLUMNS[key]);
  if (missing.length) return { rows: [], rejected: [{ row: 1, reason: `第一行缺少这些列：${missing.join('、')}` }] };

  const plan: ResourceImportPlan = { rows: [], rejected: [] };
  body.forEach((cells, index) => {
    const row = index + 2;
    const cell = (key: keyof typeof RESOURCE_COLUMNS) => (at[key] >= 0 ? (cells[at[key]] ?? '').trim() : '');
    if (cells.every((c) => c.trim() === '')) return;
    const kindText = cell('kind');
    const kind = RESOURCE_KINDS.find((k) => k.label === kindText || k.value === kindText)?.value;
    if (!kind) return void plan.rejected.push({ row, reason: `类别「${kindText}」不对，请写：${RESOURCE_KINDS.map((k) => k.label).join('、')}` });
    const name = cell('name');
    if ([...name].length < 2 || [...name].length > 60) return void plan.rejected.push({ row, reason: '名称要 2 到 60 个字' });
    const townshipText = cell('township');
    const township = townshipText === '' || townshipText === '全县' ? null : townships.find((t) => t.code === townshipText || t.name === townshipText)?.code;
    if (township === undefined) return void plan.rejected.push({ row, reason: `没有这个乡镇（街道）：${townshipText}` });
    const serviceTypes = [...new Set(cell('serviceTypes').split(/[、，,;；]+/).map((s) => s.trim()).filter(Boolean))];
    if (serviceTypes.length === 0 || serviceTypes.length > SERVICE_TYPES_MAX || serviceTypes.some((s) => [...s].length > 20)) {
      return void plan.rejected.push({ row, reason: `服务内容至少一项、最多 ${SERVICE_TYPES_MAX} 项，每项 20 字以内` });
    }
    const contact = cell('contact') || null;
    if (contact && [...contact].length > 100) return void plan.rejected.push({ row, reason: '联系方式请在 100 字以内' });
    const capacityText = cell('capacity');
    const capacity = capacityText === '' ? null : Number(capacityText);
    if (capacity !== null && (!Number.isInteger(capacity) || capacity < 0 || capacity > 100000)) {
      return void plan.rejected.push({ row, reason: '可服务户数请填 0 到 100000 的整数' });
    }
    plan.rows.push({ row, resource: { kind, name, township, serviceTypes, contact, capacity } });
  });
  return plan;
}
