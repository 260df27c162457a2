import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll } from 'vitest';
import { idNumberCheckChar } from '../../shared/identity/id-number';

// Files as a county office hands them over (a CSV saved from a spreadsheet, or the XLSX itself), for the import tests.

/** An ID number whose check character is wrong: the typo the import must catch. */
export function wrongCheckIdNumber(first17: string): string {
  return first17 + (idNumberCheckChar(first17) === '1' ? '2' : '1');
}

type Cell = string | number;

function csvCell(cell: Cell): string {
  const text = String(cell);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** CSV as a spreadsheet saves it: the header row first, CRLF line ends, and (by default) a UTF-8 BOM. */
export function csvText(rows: ReadonlyArray<ReadonlyArray<Cell>>, { bom = true } = {}): string {
  return (bom ? '\uFEFF' : '') + rows.map((row) => row.map(csvCell).join(',')).join('\r\n');
}

/** Writes `rows` as `dir/name` (see csvText) and answers the file's path. */
export function writeCsv(dir: string, name: string, rows: ReadonlyArray<ReadonlyArray<Cell>>, options?: { bom?: boolean }): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, csvText(rows, options));
  return file;
}

/** Writes `rows` as the first (only) sheet of `dir/name`; dates stay dates, as a county's workbook has them. */
export async function writeXlsx(dir: string, name: string, sheetName: string, rows: ReadonlyArray<ReadonlyArray<Cell | Date>>): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  for (const row of rows) sheet.addRow([...row]);
  const file = path.join(dir, name);
  await workbook.xlsx.writeFile(file);
  return file;
}

/** A fresh DATA_DIR for this test file's admin commands, removed after the file. */
export function useCliDataDir(prefix: string): string {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `xfm-${prefix}-`));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  return dataDir;
}
