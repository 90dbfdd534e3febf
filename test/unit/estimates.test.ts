import { describe, expect, it } from 'vitest';
import { estimateChildren0to6, estimateWomen16to54 } from '../../src/domain/estimates';

describe('age-band estimates', () => {
  it('children 0–6 = age 0–4 + 0.4 × age 5–9', () => {
    expect(estimateChildren0to6(54, 65)).toBeCloseTo(80, 10); // 54 + 26
    expect(estimateChildren0to6(0, 0)).toBe(0);
    expect(estimateChildren0to6(12_660, 16_037)).toBeCloseTo(19_074.8, 9); // Dalarna 2025
  });
  it('women 16–54 = women 15–54 × 39/40', () => {
    expect(estimateWomen16to54(40)).toBe(39);
    expect(estimateWomen16to54(271)).toBeCloseTo(264.225, 10);
    expect(estimateWomen16to54(62_202)).toBeCloseTo(60_646.95, 8);
  });
});
