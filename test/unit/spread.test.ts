import { describe, expect, it } from 'vitest';
import { spreadProportionally } from '../../src/domain/spread';

describe('spreadProportionally', () => {
  it('splits in proportion to the weights', () => {
    expect(spreadProportionally(10, [1, 1, 2])).toEqual([2.5, 2.5, 5]);
    expect(spreadProportionally(7, [0, 3, 4])).toEqual([0, 3, 4]);
  });
  it('sums exactly to the total even with awkward fractions', () => {
    const parts = spreadProportionally(19.4, [3, 7, 11, 13, 2]);
    const others = parts.slice(0, -1).reduce((a, b) => a + b, 0);
    expect(others + parts[parts.length - 1]).toBe(19.4);
    expect(parts[0]).toBeCloseTo((19.4 * 3) / 36, 12);
  });
  it('splits evenly when every weight is zero, and handles no cells', () => {
    expect(spreadProportionally(9, [0, 0, 0])).toEqual([3, 3, 3]);
    expect(spreadProportionally(9, [])).toEqual([]);
  });
  it('refuses negative or non-finite weights', () => {
    expect(() => spreadProportionally(1, [1, -1])).toThrow(RangeError);
    expect(() => spreadProportionally(1, [NaN])).toThrow(RangeError);
  });
});
