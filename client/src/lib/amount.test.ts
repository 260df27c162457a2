import { describe, expect, it } from 'vitest';
import { parseAmount } from './amount';

describe('parseAmount', () => {
  it.each([
    ['', undefined],
    ['  ', undefined],
    ['0', 0],
    ['1500', 1500],
    ['1,500', 1500],
    ['1500元', 1500],
    ['１５００', 1500],
    ['1.5万', 15000],
    ['3千', 3000],
    ['12.345', 12.35],
    ['abc', 'bad'],
    ['-5', 'bad'],
    ['1.2.3', 'bad'],
  ])('%j → %j', (text, expected) => {
    expect(parseAmount(text)).toBe(expected);
  });
});
