import { describe, expect, it } from 'vitest';
import { INDICATOR_KEYS, readIndicators, type DesoIndicators, type IndicatorKey } from '../../src/domain/need/indicators';
import { DEFAULT_NEED_COMPONENTS, indicatorStats, needIndex, needWeight, orientedZ } from '../../src/domain/need/needIndex';
import { childrenOverTime, countyRow, seriesOf } from '../../src/domain/need/childrenOverTime';
import { regsoNeedIndex } from '../../src/domain/need/regsoIndex';
import { NEED_COLORS_5, NEED_COLORS_6, needClasses, needLegendSection } from '../../src/map/needClasses';
import { popupHtml } from '../../src/map/popupContent';
import { STRINGS } from '../../src/i18n';
import { DEFAULT_PARAMS } from '../../src/domain/scenario';
import { decodeShare, encodeShare, newScenario, parseScenario, serializeScenario } from '../../src/io/scenarioFile';
import { importedFactor, LISTED_YEARLY_RATE, projectionFactors, readScbBand, scbFactor, trendFactor } from '../../src/domain/need/projection';

const unit = (code: string, v: Partial<Record<IndicatorKey, number | null>>): DesoIndicators => ({
  deso_code: code,
  values: Object.fromEntries(INDICATOR_KEYS.map((k) => [k, v[k] ?? null])) as Record<IndicatorKey, number | null>,
  years: Object.fromEntries(INDICATOR_KEYS.map((k) => [k, 2024])) as Record<IndicatorKey, number | null>,
});

describe('needs index: standardisation by hand', () => {
  // Three DeSO. Low economic standard 10, 20, 30 %: mean 20, population sd √(200/3) = 8,1650.
  // Employment rate 90, 80, 70 %: mean 80, sd 8,1650; low employment is need, so z is reversed.
  const units = [
    unit('A', { low_economic_standard: 10, low_employment: 90, low_education: 40 }),
    unit('B', { low_economic_standard: 20, low_employment: 80, low_education: null }),
    unit('C', { low_economic_standard: 30, low_employment: 70, low_education: 30 }),
  ];
  const sd = Math.sqrt(200 / 3);
  it('mean and population standard deviation', () => {
    const s = indicatorStats(units, 'low_economic_standard');
    expect(s.mean).toBe(20);
    expect(s.sd).toBeCloseTo(8.16497, 5);
  });
  it('z-scores are oriented so that higher means more need', () => {
    expect(orientedZ(units, 'low_economic_standard').map((x) => x! * sd)).toEqual([-10, 0, 10].map((x) => expect.closeTo(x, 9)));
    // employment 90 → −1,2247 (less need), 70 → +1,2247
    expect(orientedZ(units, 'low_employment')[0]).toBeCloseTo(-10 / sd, 9);
    expect(orientedZ(units, 'low_employment')[2]).toBeCloseTo(10 / sd, 9);
  });
  it('a missing value is missing, never zero, and the weights renormalise over what exists', () => {
    // post-secondary 40 and 30 (B missing): mean 35, sd 5; low education = reversed: A −1, C +1
    const idx = needIndex(units, DEFAULT_NEED_COMPONENTS);
    // A: mean of (−1,2247, −1,2247, −1) = −1,1498; B: mean of (0, 0) = 0; C: +1,1498
    expect(idx.get('A')).toBeCloseTo((-10 / sd - 10 / sd - 1) / 3, 9);
    expect(idx.get('B')).toBeCloseTo(0, 12);
    expect(idx.get('C')).toBeCloseTo((10 / sd + 10 / sd + 1) / 3, 9);
    expect(needIndex([unit('X', {})], DEFAULT_NEED_COMPONENTS).get('X')).toBeNull();
  });
  it('maps the index to a demand weight 1 + 0,5 × index within 0,5 … 2', () => {
    expect(needWeight(0)).toBe(1);
    expect(needWeight(1)).toBe(1.5);
    expect(needWeight(-1)).toBe(0.5);
    expect(needWeight(5)).toBe(2);
    expect(needWeight(null)).toBe(1);
  });
});

describe('indicators from the shared data', () => {
  it('reads the latest year per indicator: shares 2025, income and labour 2024', () => {
    const csv = 'deso_code,regso_code,kommun_code,year,share_low_economic_standard_pct,share_post_secondary_educ_25_65_pct,employment_rate_20_64_pct,unemployment_rate_20_64_pct,share_foreign_background_pct,equiv_disp_income_median_ksek,share_households_single_no_children_pct,share_rented_dwellings_pct\n' +
      'D1,R,K,2024,14.0,27.6,88.2,1.1,7.8,298.1,43.0,14.8\nD1,R,K,2025,,28.7,,,7.9,,43.3,\n';
    const [d] = readIndicators(csv);
    expect(d.values.low_education).toBe(28.7);
    expect(d.years.low_education).toBe(2025);
    expect(d.values.low_economic_standard).toBe(14);
    expect(d.years.low_economic_standard).toBe(2024);
    expect(d.values.rented_dwellings).toBe(14.8);
  });
});

describe('projection of children 0–6', () => {
  it('SCB: the change of the 0–5 band since its first year, 2025 = the estimate', () => {
    // Falun 0–5: 2026 3 482,4; 2030 3 233,9; 2035 3 382,0 (SCB TAB698, shared data)
    const band = readScbBand('kommun_code,kommun_name,year,kind,age_band,persons,source_ref\n2080,Falun,2026,projection,0-5,3482.4,x\n2080,Falun,2030,projection,0-5,3233.9,x\n2080,Falun,2035,projection,0-5,3382.0,x\n2080,Falun,2030,projection,6-16,9999,x\n');
    expect(scbFactor(band, '2080', 2025)).toBe(1);
    expect(scbFactor(band, '2080', 2030)).toBeCloseTo(3233.9 / 3482.4, 12); // 0,92864
    expect(scbFactor(band, '2080', 2035)).toBeCloseTo(3382.0 / 3482.4, 12);
    expect(scbFactor(band, '2099', 2030)).toBeNull();
  });
  it('trend: the listed rate 2020–2025, damped each year', () => {
    // (18 266 / 22 054)^(1/5) − 1 = −0,036993
    expect(LISTED_YEARLY_RATE).toBeCloseTo(-0.036993, 5);
    // no damping (1): (1 + r)^5; full damping (0): only the first year
    expect(trendFactor(2030, 1)).toBeCloseTo((18_266 / 22_054) ** 1, 9);
    expect(trendFactor(2030, 0)).toBeCloseTo(1 + LISTED_YEARLY_RATE, 12);
    // d = 0,5, two years: (1 + r)(1 + 0,5 r)
    expect(trendFactor(2027, 0.5)).toBeCloseTo((1 + LISTED_YEARLY_RATE) * (1 + 0.5 * LISTED_YEARLY_RATE), 12);
  });
  it('imported: the planner’s value over the 2025 estimate; a kommun without a value is listed, not guessed', () => {
    expect(importedFactor([{ kommun_code: '2080', year: 2030, children_0_6: 3600 }], '2080', 2030, 4000)).toBe(0.9);
    const r = projectionFactors({ year: 2030, source: 'imported', damping: 0.8 }, [{ kommun_code: '2080', children_0_6: 4000 }, { kommun_code: '2081', children_0_6: 3000 }], new Map(), [{ kommun_code: '2080', year: 2030, children_0_6: 3600 }]);
    expect(r.factors.get('2080')).toBe(0.9);
    expect(r.factors.get('2081')).toBe(1);
    expect(r.missing).toEqual(['2081']);
  });
});

describe('children over time per kommun', () => {
  // Kommun A: 100 children in 2025; SCB band 0–5: 2026 200, 2030 180, 2035 150 → factors 0,9 and 0,75.
  // Kommun B (Borlänge, 2081): 50 children; SCB has no row → null (uppgift saknas), never a guess.
  const scb = new Map([['A', new Map([[2026, 200], [2030, 180], [2035, 150]])]]);
  const kommuner = [
    { kommun_code: 'A', children_0_6: 100 },
    { kommun_code: '2081', children_0_6: 50 },
  ];
  const rows = childrenOverTime(kommuner, scb, 0, [{ kommun_code: 'A', year: 2035, children_0_6: 70 }]);
  it('SCB, trend and imported side by side; missing stays null', () => {
    expect(rows[0].scb).toEqual({ 2030: 90, 2035: 75 });
    expect(rows[1].scb).toEqual({ 2030: null, 2035: null });
    // damping 0: only the first year falls by the listed rate r = (18 266 / 22 054)^(1/5) − 1 = −0,036968
    expect(rows[0].trend[2030]).toBeCloseTo(100 * (18_266 / 22_054) ** 0.2, 9);
    expect(rows[0].trend[2035]).toBeCloseTo(rows[0].trend[2030]!, 12);
    expect(rows[0].imported).toEqual({ 2030: null, 2035: 70 });
    expect(rows[1].imported).toEqual({ 2030: null, 2035: null });
  });
  it('the listed change 2020→2025 where HSN 2026/4486 names the kommun, else null', () => {
    expect(rows[1].listedChange).toBe(-1234);
    expect(rows[0].listedChange).toBeNull();
  });
  it('the county row sums the kommuner; a year any kommun lacks is null; its listed change is 18 266 − 22 054', () => {
    const c = countyRow(rows);
    expect(c.estimate2025).toBe(150);
    expect(c.scb[2035]).toBeNull();
    expect(c.trend[2035]).toBeCloseTo(150 * (18_266 / 22_054) ** 0.2, 9);
    expect(c.listedChange).toBe(-3788);
    expect(seriesOf(rows[0], 'scb')).toEqual([100, 90, 75]);
  });
});

describe('need layer classes', () => {
  const units = [
    unit('A', { low_economic_standard: 10, low_employment: 90 }),
    unit('B', { low_economic_standard: 20, low_employment: 80 }),
    unit('C', { low_economic_standard: 30, low_employment: 70 }),
    unit('D', { low_economic_standard: null, low_employment: null }),
  ];
  it('the index in half-standard-deviation classes; a DeSO without values is class −1 (missing), not 0', () => {
    const c = needClasses(units, { ...DEFAULT_NEED_COMPONENTS, low_education: 0 }, 'index');
    // A: mean of z (−1,2247, −1,2247) → class 0 (< −1); B: 0 → class 3 (0 … 0,5); C: +1,2247 → class 5 (≥ 1)
    expect(c.classes).toEqual([0, 3, 5, -1]);
    expect(c.missing).toBe(1);
    expect(c.colors).toEqual(NEED_COLORS_6);
  });
  it('an indicator where a low value is need has its colours reversed, so darker is always more need', () => {
    const emp = needClasses(units, DEFAULT_NEED_COMPONENTS, 'low_employment');
    const les = needClasses(units, DEFAULT_NEED_COMPONENTS, 'low_economic_standard');
    expect(emp.colors[0]).toBe(les.colors[les.colors.length - 1]);
    // 70 (least employment) is in the lowest value class, drawn in the darkest colour.
    expect(emp.colors[emp.classes[2]]).toBe(NEED_COLORS_5[4]);
    expect(les.colors[les.classes[2]]).toBe(NEED_COLORS_5[4]);
    expect(emp.classes[3]).toBe(-1);
    expect(emp.years).toEqual([2024]);
  });
  it('the legend states the measure, unit, source table and year, and counts the missing DeSO', () => {
    const sec = needLegendSection(needClasses(units, DEFAULT_NEED_COMPONENTS, 'low_employment'), STRINGS.sv, 'sv');
    expect(sec.title).toBe('förvärvsfrekvens 20–64 år (%); mörkare = större behov. Källa: SCB TAB6680, 2024');
    expect(sec.items.at(-1)!.label).toBe('uppgift saknas (SCB redovisar inte små tal) (1 DeSO)');
  });
  it('DeSO popups list every indicator with year and table; a missing value says so', () => {
    const html = popupHtml('deso', { deso_code: '2080C1010', regso_name: 'R', kommun_name: 'Falun', ind_low_employment: 81.5, ind_low_employment_year: 2024, need_index: 0.5 }, STRINGS.sv, 'sv');
    expect(html).toContain('förvärvsfrekvens 20–64 år (%)</th><td>81,5 <span class="note">(SCB TAB6680, 2024)</span>');
    expect(html).toContain('andel med låg ekonomisk standard (%)</th><td>uppgift saknas (SCB redovisar inte små tal)</td>');
    expect(html).toContain('Behovsindex</th><td>0,50</td>');
    expect(html).toContain('Behovsvikt</th><td>1,25</td>');
  });
});

describe('an imported forecast travels with the scenario', () => {
  it('is kept through the scenario file and the share link', () => {
    const doc = newScenario('Prognos', { ...DEFAULT_PARAMS, projection: { year: 2035, source: 'imported', damping: 0.8, imported: { fileName: 'region.csv', rows: [{ kommun_code: '2080', year: 2035, children_0_6: 3900.5 }] } } });
    const back = parseScenario(serializeScenario(doc)).value!;
    expect(back.params.projection).toEqual(doc.params.projection);
    expect(decodeShare(encodeShare(doc)).value!.params.projection.imported!.rows[0].children_0_6).toBe(3900.5);
    // A file without the field (written before) reads with no imported forecast.
    const old = JSON.parse(serializeScenario(doc));
    delete old.params.projection.imported;
    expect(parseScenario(JSON.stringify(old)).value!.params.projection.imported).toBeNull();
    // A bad kommun code is refused with the field named.
    old.params.projection.imported = { fileName: 'x.csv', rows: [{ kommun_code: '20800', year: 2035, children_0_6: 1 }] };
    const bad = parseScenario(JSON.stringify(old));
    expect(bad.value).toBeNull();
    expect(bad.issues[0].params?.path ?? JSON.stringify(bad.issues[0])).toContain('kommun_code');
  });
});

describe('needs index per RegSO', () => {
  it('is the population-weighted mean of its DeSO indices, missing DeSO left out', () => {
    // R1: DeSO a (1 000 people, index 1) and b (3 000, index −1): (1 000 − 3 000) / 4 000 = −0,5.
    // R2: c has no index → null, never 0.
    const idx = regsoNeedIndex(
      [
        { deso_code: 'a', regso_code: 'R1', population: 1000 },
        { deso_code: 'b', regso_code: 'R1', population: 3000 },
        { deso_code: 'x', regso_code: 'R1', population: 500 },
        { deso_code: 'c', regso_code: 'R2', population: 800 },
      ],
      new Map([['a', 1], ['b', -1], ['x', null], ['c', null]]),
    );
    expect(idx.get('R1')).toBe(-0.5);
    expect(idx.get('R2')).toBeNull();
  });
});
