import { describe, expect, it } from 'vitest';
import type { KommunGap } from '../../src/domain/gaps';
import { groupCountsText, HISTORY_STRINGS, siteStatusCountsText, snapshotGapReasons } from '../../src/i18n/history';
import { PERIOD_STATUS_TEXT } from '../../src/io/statusPeriodsWords';
import { zeroStatusCounts } from '../../src/components/historySnapshots';

/** The history panel's words: complete in both languages, and the sentences built from figures. */

type Leaf = { path: string; value: unknown };
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const leaves = (o: Record<string, unknown>, prefix = ''): Leaf[] =>
  Object.entries(o).flatMap(([k, v]) => (isObject(v) ? leaves(v, `${prefix}${k}.`) : [{ path: `${prefix}${k}`, value: v }]));

describe('HISTORY_STRINGS', () => {
  const sv = leaves(HISTORY_STRINGS.sv as unknown as Record<string, unknown>);
  const en = leaves(HISTORY_STRINGS.en as unknown as Record<string, unknown>);

  it('has the same keys in Swedish and English, each of the same type and arity, non-empty', () => {
    expect(en.map((l) => l.path)).toEqual(sv.map((l) => l.path));
    for (const [i, l] of sv.entries()) {
      const e = en[i].value;
      expect(typeof e, l.path).toBe(typeof l.value);
      if (typeof l.value === 'function') expect((e as (...a: unknown[]) => unknown).length, l.path).toBe((l.value as (...a: unknown[]) => unknown).length);
      else expect(String(e).length, l.path).toBeGreaterThan(0);
    }
    expect(sv.length).toBeGreaterThan(40);
  });

  it('is translated: the plain strings differ between the languages', () => {
    const same = sv.filter((l, i) => typeof l.value === 'string' && l.value === en[i].value).map((l) => l.path);
    // '2026' is a year in both languages.
    expect(same).toEqual(['short.2026', 'cols.after']);
  });
});

const gap = (over: Partial<KommunGap>): KommunGap => ({
  kommun_code: '2083',
  kommun_name: 'Hedemora',
  flags: [],
  centres: { existing: 0, planned: 0, intent: 0, family_unit: 0 },
  counted: { existing: 0, planned: 0, intent: 0, family_unit: 0, candidate: 0 },
  coverage_share: 0.141,
  low_coverage_share: 0.5,
  ...over,
});
const INV = { fully: 5, of: 8 };

describe('snapshotGapReasons', () => {
  it("words each flag for the snapshot's time, not 'today'", () => {
    expect(snapshotGapReasons(gap({ flags: ['no_centre', 'low_coverage'] }), '2026', 'sv', INV)).toEqual(['Ingen familjecentral 2026', 'Täckning 14,1\u00a0% av barnen 0–6 år, under 50,0\u00a0%']);
    expect(snapshotGapReasons(gap({ flags: ['no_centre'] }), '2019', 'en', INV)).toEqual(['No family centre in autumn 2019']);
  });

  it("gives 2019's uncertain form with the inventory's count, and other years' without", () => {
    expect(snapshotGapReasons(gap({ flags: ['form_uncertain'] }), '2019', 'sv', INV)).toEqual([
      'Ingen säker familjecentral hösten 2019: bilderna anger att 5 av 8 var fullt samlokaliserade, inte vilka (uppgift saknas)',
    ]);
    expect(snapshotGapReasons(gap({ flags: ['form_uncertain'] }), '2026', 'sv', INV)[0]).toBe('Ingen säker familjecentral 2026: verksamhetsformen avgörs av tjänster där uppgift saknas');
  });

  it('names the sites that are not counted and the planned-only case', () => {
    // Malung-Sälen 2026: two letters of intent, not switched on.
    const notCounted = gap({ flags: ['no_centre'], centres: { existing: 0, planned: 0, intent: 2, family_unit: 0 } });
    expect(snapshotGapReasons(notCounted, '2026', 'sv', INV)).toEqual(['Ingen familjecentral 2026 (2 med avsiktsförklaring räknas inte)']);
    const unit = gap({ flags: ['no_centre'], centres: { existing: 0, planned: 0, intent: 0, family_unit: 1 } });
    expect(snapshotGapReasons(unit, '2026', 'sv', INV)).toEqual(['Ingen familjecentral 2026 (har en familjeenhet)']);
    const planned = gap({ flags: ['only_planned_or_intent'], centres: { existing: 0, planned: 1, intent: 0, family_unit: 0 }, counted: { existing: 0, planned: 1, intent: 0, family_unit: 0, candidate: 0 } });
    expect(snapshotGapReasons(planned, '2026', 'sv', INV)).toEqual(['Endast 1 planerad (räknas som öppen)']);
  });
});

describe('groupCountsText and siteStatusCountsText', () => {
  it("words a kommun's listed sites: operating centres plain, other statuses named, units apart", () => {
    expect(groupCountsText({ 'familjecentral:open': 2 }, PERIOD_STATUS_TEXT.sv, 'sv')).toBe('2 familjecentraler');
    expect(groupCountsText({ 'familjecentral:intent': 2 }, PERIOD_STATUS_TEXT.sv, 'sv')).toBe('2 familjecentraler (avsiktsförklaring)');
    expect(groupCountsText({ 'familjeenhet:open': 1, 'familjecentral:planned': 1 }, PERIOD_STATUS_TEXT.en, 'en')).toBe('1 family centre (planned), 1 family unit');
    expect(groupCountsText({}, PERIOD_STATUS_TEXT.sv, 'sv')).toBe('ingen');
  });

  it('words sites by the app status', () => {
    expect(siteStatusCountsText({ ...zeroStatusCounts(), existing: 2, candidate: 1 }, 'sv')).toBe('2 befintliga, 1 kandidatplats');
    expect(siteStatusCountsText({ ...zeroStatusCounts(), intent: 1 }, 'en')).toBe('1 with a letter of intent');
    expect(siteStatusCountsText(zeroStatusCounts(), 'en')).toBe('none');
  });
});
