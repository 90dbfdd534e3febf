import { describe, expect, it } from 'vitest';
import { STRINGS } from '../../src/i18n';
import { MAP_UI_WORDS } from '../../src/i18n/mapui';
import { FILL_LAYERS, shownFill, withOneFill, type LayerKey } from '../../src/map/layers';
import { healthCentreSizeKey, highlightLegendSection, legendSections, type SizesLegendItem } from '../../src/map/legendSpec';
import { HEALTH_CENTRE_COLOR } from '../../src/map/palette';

/** Issue 12, item 7: the legend's size key and highlight entries, one area fill at a time, the words. */

const NONE: Record<LayerKey, boolean> = { omradestyp: false, need: false, density: false, access: false, catchments: false, gaps: false, roads: false, healthCentres: false, familyCentres: false, candidates: false, stops: false, tatorter: false, kommuner: false };

describe('healthCentreSizeKey', () => {
  it('gives 100, 500 and 1 000 listed children their radius on the map (sqrt scale, [0, max] → [3, 20] px)', () => {
    const key = healthCentreSizeKey(2500, 'sv');
    // r(v) = 3 + 17·sqrt(v / 2500):
    // r(100)  = 3 + 17·0,2          = 6,4
    // r(500)  = 3 + 17·0,4472136    = 10,6026311
    // r(1000) = 3 + 17·0,6324555    = 13,7517438
    expect(key.steps.map((s) => s.value)).toEqual([100, 500, 1000]);
    expect(key.steps[0].radius).toBeCloseTo(6.4, 6);
    expect(key.steps[1].radius).toBeCloseTo(10.6026311, 6);
    expect(key.steps[2].radius).toBeCloseTo(13.7517438, 6);
    expect(key.steps.map((s) => s.label)).toEqual(['100', '500', '1\u00a0000']);
    expect(key).toMatchObject({ kind: 'sizes', fill: HEALTH_CENTRE_COLOR, stroke: '#ffffff', strokeWidth: 1.5, label: 'Cirkelns storlek = listade barn 0–6 år' });
  });

  it('at max = 1 000 the largest step is the largest circle, 20 px; values above the max are left out', () => {
    // r(100) = 3 + 17·sqrt(0,1) = 3 + 17·0,3162278 = 8,3758720; r(1000) = 3 + 17 = 20
    const at1000 = healthCentreSizeKey(1000, 'en');
    expect(at1000.steps.map((s) => [s.value, s.label])).toEqual([[100, '100'], [500, '500'], [1000, '1,000']]);
    expect(at1000.steps[0].radius).toBeCloseTo(8.375872, 6);
    expect(at1000.steps[2].radius).toBe(20);
    // max 400: only 100 ≤ 400; r(100) = 3 + 17·sqrt(0,25) = 11,5
    const at400 = healthCentreSizeKey(400, 'sv');
    expect(at400.steps).toEqual([{ value: 100, radius: 11.5, label: '100' }]);
  });

  it('is part of the health-centre section of legendSections when maxListed is given (and only then)', () => {
    const visible = { ...NONE, healthCentres: true };
    const withKey = legendSections(visible, 2023, STRINGS.sv, 'sv', 'modellerat 2025', undefined, null, null, { maxListed: 1600 });
    const sizes = withKey[0].items.filter((i): i is SizesLegendItem => i.kind === 'sizes');
    expect(withKey[0].layer).toBe('healthCentres');
    expect(sizes).toHaveLength(1);
    // r(100) = 3 + 17·sqrt(100/1600) = 3 + 17·0,25 = 7,25
    expect(sizes[0].steps[0].radius).toBeCloseTo(7.25, 9);
    const without = legendSections(visible, 2023, STRINGS.sv, 'sv', 'modellerat 2025');
    expect(without[0].items.map((i) => i.kind)).toEqual(['circle', 'circle']);
  });
});

describe('highlightLegendSection', () => {
  it('explains the selection ring, the reached-DeSO outline, the newly covered units and the suggestion markers, as drawn', () => {
    const sec = highlightLegendSection({ selected: true, suggestions: true }, 'sv')!;
    expect(sec.layer).toBe('highlight');
    expect(sec.items).toEqual([
      { kind: 'circle', fill: 'rgba(0,0,0,0)', stroke: '#993404', strokeWidth: 3, radius: 8, label: 'Vald kandidatplats' },
      { kind: 'line', color: '#993404', dash: false, label: 'DeSO som den valda platsen når inom tröskeln' },
      { kind: 'swatch', color: '#fe9929', label: 'Områden utan täckning i dag som platsen täcker' },
      { kind: 'circle', fill: '#993404', stroke: '#ffffff', strokeWidth: 2, radius: 9, label: 'Föreslagna platser (numrerade)' },
    ]);
  });

  it('is absent when nothing is highlighted, and only the marks shown are listed', () => {
    expect(highlightLegendSection({}, 'sv')).toBeNull();
    expect(highlightLegendSection({ selected: false, suggestions: true }, 'en')!.items.map((i) => i.label)).toEqual(['Suggested sites (numbered)']);
    const secs = legendSections({ ...NONE, candidates: true }, 2023, STRINGS.sv, 'sv', '', undefined, null, null, { highlights: { selected: true } });
    expect(secs.map((s) => s.layer)).toEqual(['candidates', 'highlight']);
  });
});

describe('one area fill at a time', () => {
  it('lists the five fills', () => {
    expect([...FILL_LAYERS]).toEqual(['omradestyp', 'need', 'density', 'access', 'catchments']);
  });

  it('keeps the chosen fill and switches the other fills off, points and lines untouched', () => {
    const v = { ...NONE, omradestyp: true, access: true, gaps: true, healthCentres: true };
    expect(withOneFill(v, 'density')).toEqual({ ...NONE, density: true, gaps: true, healthCentres: true });
    expect(withOneFill(v, null)).toEqual({ ...NONE, gaps: true, healthCentres: true });
  });

  it('resolves an old state with several fills to one: a planner-chosen fill before the default områdestyp', () => {
    expect(shownFill({ ...NONE, omradestyp: true, access: true })).toBe('access');
    expect(shownFill({ ...NONE, omradestyp: true, need: true, density: true })).toBe('need');
    expect(shownFill({ ...NONE, omradestyp: true })).toBe('omradestyp');
    expect(shownFill(NONE)).toBeNull();
    expect(withOneFill({ ...NONE, omradestyp: true, catchments: true, kommuner: true })).toEqual({ ...NONE, catchments: true, kommuner: true });
  });
});

describe('MAP_UI_WORDS', () => {
  it('has every word in Swedish and English, non-empty and translated', () => {
    const sv = MAP_UI_WORDS.sv as unknown as Record<string, string>;
    const en = MAP_UI_WORDS.en as unknown as Record<string, string>;
    expect(Object.keys(en)).toEqual(Object.keys(sv));
    for (const k of Object.keys(sv)) {
      expect(sv[k].length, k).toBeGreaterThan(0);
      expect(en[k].length, k).toBeGreaterThan(0);
      expect(en[k], k).not.toBe(sv[k]);
    }
  });
});
