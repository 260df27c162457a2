import { describe, expect, it } from 'vitest';
import { paddedInList, powerOfTwoPieces } from './bulk';

describe('statement shapes for set-based writes and lookups', () => {
  it('cuts rows into power-of-two pieces, in order, each under the bound-parameter limit', () => {
    const rows = Array.from({ length: 3000 }, (_, i) => i);
    const pieces = [...powerOfTwoPieces(rows, 24)];
    expect(pieces.map((p) => p.length)).toEqual([1024, 1024, 512, 256, 128, 32, 16, 8]);
    expect(pieces.flat()).toEqual(rows);
    for (const p of pieces) expect(p.length * 24).toBeLessThanOrEqual(32_766);
    expect([...powerOfTwoPieces([], 3)]).toEqual([]);
    // However many rows, a table sees at most one shape per power of two.
    const shapes = new Set<number>();
    for (let n = 1; n <= 700; n++) for (const p of powerOfTwoPieces(rows.slice(0, n), 7)) shapes.add(p.length);
    expect(shapes.size).toBe(10);
  });

  it('pads an IN-list with its last value to a power of two, at least 16', () => {
    expect(paddedInList([])).toEqual([]);
    expect(paddedInList(['a', 'b'])).toEqual(['a', 'b', ...Array(14).fill('b')]);
    expect(paddedInList(Array.from({ length: 17 }, String))).toHaveLength(32);
    expect(new Set(paddedInList(Array.from({ length: 100 }, String)))).toEqual(new Set(Array.from({ length: 100 }, String)));
    expect(() => paddedInList(Array(40_000).fill('x'))).toThrow(RangeError);
  });
});
