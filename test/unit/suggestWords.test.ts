import { describe, expect, it } from 'vitest';
import { SUGGEST_WORDS } from '../../src/i18n/suggestWords';

/** Föreslå's explanation words: complete in both languages, and the sentences built from figures. */

type Leaf = { path: string; value: unknown };
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const leaves = (o: Record<string, unknown>, prefix = ''): Leaf[] =>
  Object.entries(o).flatMap(([k, v]) => (isObject(v) ? leaves(v, `${prefix}${k}.`) : [{ path: `${prefix}${k}`, value: v }]));

describe('SUGGEST_WORDS', () => {
  const sv = leaves(SUGGEST_WORDS.sv as unknown as Record<string, unknown>);
  const en = leaves(SUGGEST_WORDS.en as unknown as Record<string, unknown>);

  it('has the same keys in Swedish and English, of the same type and arity, and is translated', () => {
    expect(en.map((l) => l.path)).toEqual(sv.map((l) => l.path));
    for (const [i, l] of sv.entries()) {
      const e = en[i].value;
      expect(typeof e, l.path).toBe(typeof l.value);
      if (typeof l.value === 'function') expect((e as (...a: unknown[]) => unknown).length, l.path).toBe((l.value as (...a: unknown[]) => unknown).length);
      else expect(String(e).length, l.path).toBeGreaterThan(0);
    }
    expect(sv.filter((l, i) => typeof l.value === 'string' && l.value === en[i].value).map((l) => l.path)).toEqual([]);
  });

  it('says what no possible site reaches, in rutor for the grid and områden for DeSO', () => {
    const sv = SUGGEST_WORDS.sv;
    expect(sv.unreachable(12793.97, 3967, 'grid', 5)).toBe('12\u00a0794 barn i 3\u00a0967 rutor når ingen möjlig plats inom 5 min');
    expect(sv.unreachable(40, 1, 'deso', 5)).toBe('40 barn i 1 område når ingen möjlig plats inom 5 min');
    expect(sv.unreachable(240.4, 12, 'deso', 5)).toBe('240 barn i 12 områden når ingen möjlig plats inom 5 min');
    expect(SUGGEST_WORDS.en.unreachable(240.4, 12, 'grid', 5, 'en')).toBe('240 children in 12 cells reach no possible site within 5 min');
  });

  it('caps the target in percent, and names a place from its nearest tätort', () => {
    // 0,38941 → "38,9 %", 1 → "100,0 %"
    expect(SUGGEST_WORDS.sv.cap(0.38941, 1)).toBe('högst 38,9\u00a0% kan nås, så målet sänktes från 100,0\u00a0% till 38,9\u00a0%');
    expect(SUGGEST_WORDS.sv.place({ town: 'Idre', km: 32.66, direction: 'S', text: '33 km S om Idre' }, 'Älvdalen')).toBe('33 km S om Idre, Älvdalen');
    expect(SUGGEST_WORDS.en.place({ town: 'Furudal', km: 24.19, direction: 'NO', text: '24 km NO om Furudal' }, 'Rättvik', 'en')).toBe('24 km NE of Furudal, Rättvik');
    expect(SUGGEST_WORDS.sv.place({ town: 'Borlänge', km: 0.2, direction: null, text: 'i Borlänge' }, 'Borlänge')).toBe('i Borlänge, Borlänge');
    expect(SUGGEST_WORDS.sv.place(null, 'Orsa')).toBe('Orsa');
    expect(SUGGEST_WORDS.sv.children(13752.77, 0.72803)).toBe('13\u00a0753 barn (72,8\u00a0%)');
    expect(SUGGEST_WORDS.sv.minutes(16.9697)).toBe('17,0 min');
    expect(SUGGEST_WORDS.sv.minutes(null)).toBe('ingen nås');
  });
});
