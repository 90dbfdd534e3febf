import { describe, expect, it } from 'vitest';
import { COMFORT_WORDS } from '../../src/i18n/comfort';

/** The comparison drawer's and search list's words: complete and translated in both languages. */

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const leaves = (o: Record<string, unknown>, prefix = ''): [string, unknown][] =>
  Object.entries(o).flatMap(([k, v]) => (isObject(v) ? leaves(v, `${prefix}${k}.`) : [[`${prefix}${k}`, v] as [string, unknown]]));

describe('COMFORT_WORDS', () => {
  const sv = leaves(COMFORT_WORDS.sv as unknown as Record<string, unknown>);
  const en = leaves(COMFORT_WORDS.en as unknown as Record<string, unknown>);

  it('has the same keys in Swedish and English, all non-empty strings, translated', () => {
    expect(en.map(([k]) => k)).toEqual(sv.map(([k]) => k));
    for (const [i, [k, v]] of sv.entries()) {
      expect(typeof v, k).toBe('string');
      expect(String(v).length, k).toBeGreaterThan(0);
      expect(en[i][1], k).not.toBe(v);
    }
  });

  it('keeps the placeholders of each sentence in both languages', () => {
    const ph = (s: unknown) => [...String(s).matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [i, [k, v]] of sv.entries()) expect(ph(en[i][1]), k).toEqual(ph(v));
  });
});
