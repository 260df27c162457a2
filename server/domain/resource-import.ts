import { countyOf } from '../../shared/accounts/scope';
import { planResourceImport, type ResourceImportPlan } from '../../shared/resources/import';
import type { Store } from '../db/store';
import { parseCsv } from './csv';

/** The cells of a CSV (UTF-8, BOM or not) or of the first sheet of an XLSX, as text. */
export async function readTable(file: Buffer): Promise<string[][]> {
  // An XLSX is a zip: it starts with "PK".
  if (file.subarray(0, 2).toString('latin1') !== 'PK') return parseCsv(file.toString('utf8'));
  // Loaded on first import only: ExcelJS is large.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  const rows: string[][] = [];
  sheet?.eachRow({ includeEmpty: true }, (row, number) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(row.getCell(c).text ?? '');
    rows[number - 1] = cells;
  });
  return Array.from(rows, (r) => r ?? []);
}

export interface ResourceImportResult {
  rows: number;
  imported: number;
  updated: number;
  rejected: ResourceImportPlan['rejected'];
}

/**
 * Adds each usable row, or updates the resource of the same name and township; bad rows are reported. Everything
 * lands in the importing admin's county (#16): its townships only, and a county-wide row is that county's, never
 * another county's resource of the same name nor one of no county.
 */
export async function importResources(store: Store, table: string[][], by: string, now: string, county: string): Promise<ResourceImportResult> {
  const townships = (await store.repos.regions.list()).filter((r) => r.level === 'township' && countyOf(r.code) === county);
  const plan = planResourceImport(table, townships);
  let imported = 0;
  let updated = 0;
  await store.transaction(async (tx) => {
    for (const { resource } of plan.rows) {
      const existing = await tx.repos.resources.findByName(resource.name, resource.township, county);
      if (existing) {
        await tx.repos.resources.update(existing.id, resource, by, now);
        updated++;
      } else {
        await tx.repos.resources.create(resource, by, now, county);
        imported++;
      }
    }
  });
  return { rows: plan.rows.length + plan.rejected.filter((r) => r.row > 1).length, imported, updated, rejected: plan.rejected };
}
