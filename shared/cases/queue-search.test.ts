import { describe, expect, it } from 'vitest';
import { parseQueueSearch, QUEUE_SEARCH_HINT } from './queue-search';

describe('parseQueueSearch', () => {
  it.each([
    [undefined, { kind: 'none' }],
    ['   ', { kind: 'none' }],
    ['0011', { kind: 'lastDigits', digits: '0011' }],
    [' 00-11 ', { kind: 'lastDigits', digits: '0011' }],
    ['13957700011', { kind: 'lastDigits', digits: '0011' }],
    ['139 5770 0011', { kind: 'lastDigits', digits: '0011' }],
    ['33032719500101011x', { kind: 'idNumber', idNumber: '33032719500101011X' }],
    ['330327 19500101 0117', { kind: 'idNumber', idNumber: '330327195001010117' }],
    ['张三明', { kind: 'name', firstCharacter: '张' }],
    [' 𠀋先生 ', { kind: 'name', firstCharacter: '𠀋' }],
    ['123456', { kind: 'invalid', message: QUEUE_SEARCH_HINT }],
    ['12345X', { kind: 'invalid', message: QUEUE_SEARCH_HINT }],
  ])('%j → %j', (typed, search) => {
    expect(parseQueueSearch(typed)).toEqual(search);
  });
});
