import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SIGNAL_SOURCES, SOURCE_COLUMNS } from '../../shared/warnings/sources';

// The README documents each department's columns for the CLI; the template and the import read shared/warnings/sources.ts.
describe('README: import-signals columns', () => {
  it.each(SIGNAL_SOURCES)('%s: the README lists the same columns', (source) => {
    const readme = fs.readFileSync(path.resolve(import.meta.dirname, '..', '..', 'README.md'), 'utf8');
    const line = readme.split('\n').find((l) => l.startsWith(`| \`${source}\` |`)) ?? '';
    // Remarks in full-width brackets (allowed values such as `一级`…`四级`) are not columns.
    expect(line.replace(/（[^）]*）/g, '').match(/`([^`]+)`/g)?.slice(1).map((c) => c.slice(1, -1))).toEqual(Object.values(SOURCE_COLUMNS[source]));
  });
});
