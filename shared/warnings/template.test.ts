import { describe, expect, it } from 'vitest';
import { parseSignals } from './rows';
import { SIGNAL_SOURCES } from './sources';
import { signalHeader, signalTemplateCsv } from './template';

describe('signal templates', () => {
  it('medical starts with the common columns, then its own', () => {
    expect(signalHeader('medical')).toEqual(['身份证号', '姓名', '区划代码', '自付金额', '期间起', '期间止']);
    expect(signalTemplateCsv('death')).toBe('\uFEFF身份证号,姓名,区划代码,死亡日期,年龄\r\n');
  });

  it.each(SIGNAL_SOURCES)('%s: the template header is accepted by the import', (source) => {
    expect(() => parseSignals(source, [signalHeader(source)], () => undefined, '2026-11-29')).not.toThrow();
    // The same check does refuse a header that lacks a column.
    expect(() => parseSignals(source, [signalHeader(source).slice(0, -1)], () => undefined, '2026-11-29')).toThrow();
  });

});
