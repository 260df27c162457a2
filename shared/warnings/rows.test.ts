import { describe, expect, it } from 'vitest';
import { idNumberCheckChar } from '../identity/id-number';
import { parseSignals, SignalHeaderError } from './rows';

const id = (first17: string) => first17 + idNumberCheckChar(first17);
const townshipOf = (code: string) => ({ '330327100000': '330327100000', '330327100201': '330327100000' })[code];
const TODAY = '2026-11-29';

describe('parseSignals', () => {
  it('keeps good rows with the township of a village code, and rejects bad ones with reasons', () => {
    const table = [
      ['身份证号', '姓名', '区划代码', '自付金额', '期间起', '期间止'],
      [id('33032719800101011'), '张一', '330327100201', '25,000.50', '2026-01-01', '2026-06-30'],
      [id('33032719800101012').slice(0, 17) + (idNumberCheckChar('33032719800101012') === '1' ? '2' : '1'), '张二', '330327100000', '1', '2026-01-01', '2026-06-30'],
      [id('33032719800101013'), '张三', '330327999000', 'abc', '2026-07-01', '2026-06-30'],
      ['', '', '', '', '', ''],
    ];
    const parsed = parseSignals('medical', table, townshipOf, TODAY);
    expect(parsed.rows).toBe(3);
    expect(parsed.signals).toEqual([
      { row: 2, idNumber: id('33032719800101011'), name: '张一', region: '330327100201', township: '330327100000', detail: { source: 'medical', amount: 25000.5, from: '2026-01-01', to: '2026-06-30' } },
    ]);
    expect(parsed.rejected).toEqual([
      { row: 3, reason: '身份证号码有一位不对，请对照身份证再核对一遍' },
      { row: 4, reason: '本县没有区划代码 330327999000；自付金额请写成数字（元），例如 25000 或 25000.50；期间起不能晚于期间止' },
    ]);
    // One line per bad cell, naming the column: the error report's lines, with nothing of the row's own text.
    expect(parsed.problems).toEqual([
      { row: 3, column: '身份证号', reason: '身份证号码有一位不对，请对照身份证再核对一遍' },
      { row: 4, column: '区划代码', reason: '本县没有区划代码 330327999000' },
      { row: 4, column: '自付金额', reason: '自付金额请写成数字（元），例如 25000 或 25000.50' },
      { row: 4, column: '期间起', reason: '期间起不能晚于期间止' },
    ]);
  });

  it('names the missing columns of the source', () => {
    expect(() => parseSignals('death', [['身份证号', '姓名', '区划代码', '年龄']], townshipOf, TODAY)).toThrow(new SignalHeaderError('第 1 行（表头）缺少这些列：死亡日期'));
  });

  it('checks each source\'s own cells', () => {
    const header = ['身份证号', '姓名', '区划代码', '残疾类别', '残疾等级', '发证日期'];
    const parsed = parseSignals('disability', [header, [id('33032719800101011'), '张一', '330327100000', '', '五级', '2030-01-01']], townshipOf, TODAY);
    expect(parsed.rejected).toEqual([{ row: 2, reason: '残疾等级只能是 一级、二级、三级、四级；没有填残疾类别；发证日期不能晚于今天' }]);
  });
});
