import { describe, expect, it } from 'vitest';
import { activeFilterCount, apiQuery, DEFAULT_FILTERS, filtersFromQuery, filtersToQuery, normalizeSearch } from './queueFilters';

describe('queue filters in the address and in the API query', () => {
  it.each([
    [{}, DEFAULT_FILTERS],
    [{ status: 'closed' }, { ...DEFAULT_FILTERS, status: 'closed' }],
    [{ overdue: '1', level: 'red' }, { ...DEFAULT_FILTERS, overdue: true, level: 'red' }],
    [{ overdue: 'yes' }, DEFAULT_FILTERS],
    [{ q: ['a', 'b'] }, DEFAULT_FILTERS],
    [{ mine: '1' }, { ...DEFAULT_FILTERS, mine: true }],
  ])('reads %j', (query, expected) => {
    expect(filtersFromQuery(query)).toEqual(expected);
  });

  it('leaves defaults out of the address, so the plain queue is /staff/cases', () => {
    expect(filtersToQuery(DEFAULT_FILTERS)).toEqual({});
    expect(filtersToQuery({ ...DEFAULT_FILTERS, status: 'all', q: ' 张 ', overdue: true })).toEqual({ status: 'all', q: '张', overdue: '1' });
  });

  it('round-trips through the address', () => {
    const filters = { ...DEFAULT_FILTERS, status: 'new', level: 'yellow', village: '330327101201', source: 'report', targetClass: 'missing', q: '1234', overdue: true, mine: true };
    expect(filtersFromQuery(filtersToQuery(filters))).toEqual(filters);
  });

  it.each([
    [DEFAULT_FILTERS, null, 'limit=20'],
    [{ ...DEFAULT_FILTERS, status: 'all', overdue: true }, null, 'status=all&overdue=true&limit=20'],
    [{ ...DEFAULT_FILTERS, mine: true }, null, 'assignee=me&limit=20'],
    [{ ...DEFAULT_FILTERS, q: '3303 2719 5203 0443 25' }, 'abc', 'q=330327195203044325&cursor=abc&limit=20'],
  ])('asks the API for %j (cursor %s)', (filters, cursor, expected) => {
    expect(apiQuery(filters, cursor)).toBe(expected);
  });

  it.each([
    ['', { q: '' }],
    [' 张 ', { q: '张' }],
    ['4321', { q: '4321' }],
    ['139 5770 4321', { q: '4321' }],
    ['33032719520304432x', { q: '33032719520304432X' }],
    ['123', { error: '请输入手机或身份证号的后 4 位，或完整的 18 位身份证号' }],
    ['3303271952', { error: '请输入手机或身份证号的后 4 位，或完整的 18 位身份证号' }],
  ])('searches %j as %j', (raw, expected) => {
    expect(normalizeSearch(raw)).toEqual(expected);
  });

  it('counts the filters beyond the status tab', () => {
    expect(activeFilterCount({ ...DEFAULT_FILTERS, status: 'new', q: '张' })).toBe(0);
    expect(activeFilterCount({ ...DEFAULT_FILTERS, level: 'red', overdue: true })).toBe(2);
    expect(activeFilterCount({ ...DEFAULT_FILTERS, mine: true })).toBe(1);
  });
});
