import { describe, expect, it } from 'vitest';
import { idNumberCheckChar } from '../identity/id-number';
import { parseRoster, rosterDate, RosterHeaderError, type RosterRegions } from './roster';

const id = (first17: string) => first17 + idNumberCheckChar(first17);
const wrongCheck = (first17: string) => first17 + (idNumberCheckChar(first17) === '1' ? '2' : '1');
const regions: RosterRegions = {
  isTownship: (code) => code === '330327100000',
  townshipOfVillage: (code) => (code === '330327100201' ? '330327100000' : undefined),
};
const HEADER = ['姓名', '身份证号', '乡镇代码', '类别', '纳入日期', '村社区代码', '手机', '风险等级'];

describe('parseRoster', () => {
  it('reads columns in any order and cleans each row', () => {
    const result = parseRoster(
      [HEADER, ['张三', id('33032719500101001').toLowerCase(), '330327100000', '低保', '2024/3/1', '330327100201', '139 5770 0011', '红色']],
      regions,
      '2026-11-29',
    );
    expect(result.rejected).toEqual([]);
    expect(result.entries[0]).toMatchObject({
      row: 2,
      idNumber: id('33032719500101001').toUpperCase(),
      category: 'dibao',
      since: '2024-03-01',
      village: '330327100201',
      phone: '13957700011',
      level: 'red',
    });
  });

  it('reports each bad row with its number and a Chinese reason, and keeps the good ones', () => {
    const result = parseRoster(
      [
        HEADER,
        ['甲', wrongCheck('33032719500101002'), '330327100000', '低保', '2024-03-01'],
        ['乙', id('33032719500101003'), '330327999000', '特困', '2024-03-01'],
        ['丙', id('33032719500101004'), '330327100000', '监测', '2024-03-01'],
        [],
        ['丁', id('33032719500101004'), '330327100000', '低边', '2024-03-01'],
        ['戊', id('33032719500101005'), '330327100000', '五保', '2024-02-30'],
        ['己', id('33032719500101006'), '330327100000', '临时救助', '2024-03-01', '', '', '紫'],
        ['庚', id('33032719500101007'), '330327100000', '支出型', '2024-03-01'],
      ],
      regions,
      '2026-11-29',
    );
    expect(result.rows).toBe(7);
    expect(result.entries.map((e) => e.name)).toEqual(['庚']);
    expect(result.rejected).toEqual([
      { row: 2, reason: '身份证号码有一位不对，请对照身份证再核对一遍' },
      { row: 3, reason: '本县没有乡镇代码 330327999000' },
      { row: 4, reason: '身份证号和第 6 行重复，请核对后只保留一行' },
      { row: 6, reason: '身份证号和第 4 行重复，请核对后只保留一行' },
      { row: 7, reason: '类别只能是 低保、低边、特困、支出型、临时救助、监测 之一；纳入日期请写成 2024-03-01 这样的格式' },
      { row: 8, reason: '风险等级只能是 红、黄、蓝' },
    ]);
  });

  it('names the missing header columns', () => {
    expect(() => parseRoster([['姓名', '身份证号']], regions, '2026-11-29')).toThrow(RosterHeaderError);
    expect(() => parseRoster([['姓名', '身份证号']], regions, '2026-11-29')).toThrow('乡镇代码、类别、纳入日期');
  });

  it.each([
    ['2024-03-01', '2024-03-01'],
    ['2024.3.1', '2024-03-01'],
    ['2023-02-29', null],
    ['03/01/2024', null],
  ])('date %s → %s', (raw, expected) => {
    expect(rosterDate(raw)).toBe(expected);
  });
});
