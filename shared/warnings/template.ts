import { COMMON_COLUMNS, SOURCE_COLUMNS, type SignalSource } from './sources';

/** A source's header row, straight from the one column table, so the template, the README and the import agree. */
export function signalHeader(source: SignalSource): string[] {
  return [...Object.values(COMMON_COLUMNS), ...Object.values(SOURCE_COLUMNS[source])];
}

/** The downloadable template: the header row only, with a BOM so Excel opens the Chinese headers correctly. */
export function signalTemplateCsv(source: SignalSource): string {
  return `\uFEFF${signalHeader(source).join(',')}\r\n`;
}
