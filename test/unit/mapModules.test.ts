import { describe, expect, it } from 'vitest';
import { compareText, formatNumber, formatPercent, STRINGS } from '../../src/i18n';
import { mergeListing } from '../../src/domain/listing';
import { healthCentreCollection } from '../../src/map/features';
import { ACCESS_BREAKS, ACCESS_COLORS, accessScale, DENSITY_BREAKS, DENSITY_COLORS, densityScale, healthCentreRadiusScale, numberProperty, stepExpression } from '../../src/map/palette';
import { popupHtml } from '../../src/map/popupContent';
import type { HealthCentre } from '../../src/domain/types';

const sv = STRINGS.sv;

describe('sv-SE formatting and sorting', () => {
  it('formats numbers with a space for thousands and a decimal comma', () => {
    expect(formatNumber(12660)).toBe('12\u00a0660');
    expect(formatNumber(19074.8, 1)).toBe('19\u00a0074,8');
    expect(formatNumber(null)).toBe('–');
    expect(formatPercent(0.523)).toBe('52,3\u00a0%');
  });
  it('sorts Å, Ä, Ö after Z as Swedish does', () => {
    const names = ['Älvdalen', 'Avesta', 'Orsa', 'Östersund', 'Åre', 'Vansbro', 'Zinkgruvan'];
    expect([...names].sort((a, b) => compareText(a, b))).toEqual(['Avesta', 'Orsa', 'Vansbro', 'Zinkgruvan', 'Åre', 'Älvdalen', 'Östersund']);
  });
  it('has an English text for every Swedish key', () => {
    const keys = (o: object, p = ''): string[] =>
      Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' ? keys(v, `${p}${k}.`) : [`${p}${k}`]));
    expect(keys(STRINGS.en).sort()).toEqual(keys(sv).sort());
  });
});

describe('palette', () => {
  it('the maplibre step expression agrees with the d3 threshold scale', () => {
    const expr = stepExpression(numberProperty('v'), DENSITY_BREAKS, DENSITY_COLORS);
    expect(expr.slice(0, 3)).toEqual(['step', ['to-number', ['get', 'v'], 0], DENSITY_COLORS[0]]);
    // step(x): colour of the last break ≤ x; d3 threshold: same rule.
    const evalStep = (x: number) => {
      let c = expr[2] as string;
      for (let i = 3; i < expr.length; i += 2) if (x >= (expr[i] as number)) c = expr[i + 1] as string;
      return c;
    };
    for (const x of [0, 0.49, 0.5, 1, 2, 4.99, 5, 24, 25, 99, 100, 1000]) expect(evalStep(x)).toBe(densityScale(x));
    const acc = stepExpression(['feature-state', 'minutes'], ACCESS_BREAKS, ACCESS_COLORS);
    expect(acc[1]).toEqual(['feature-state', 'minutes']);
    // travel-time classes: < 5 lightest; exactly 20 is already in the 20–30 class
    expect([accessScale(4.9), accessScale(5), accessScale(20), accessScale(60)]).toEqual(['#fde725', '#7ad151', '#2a788e', '#440154']);
  });
  it('health-centre circles have area proportional to listed children', () => {
    const r = healthCentreRadiusScale(1000);
    expect(r(1000)).toBe(20);
    expect(r(0)).toBe(3);
    // sqrt scale from 3 to 20: r(250) = 3 + 17 × √0.25
    expect(r(250)).toBeCloseTo(11.5, 10);
  });
});

const hc = (id: string, name: string): HealthCentre => ({
  id, name, ownership: 'region', operator: 'Region Dalarna', kommun_code: '2080', kommun_name: 'Falun',
  lon: 15.6, lat: 60.6, coord_precision: 'property', confidence: 'high',
});

describe('listing on the map', () => {
  const modelled = [
    { health_centre_id: 'a', year: 2025, children_0_6: 100, women_16_54: 300 },
    { health_centre_id: 'b', year: 2025, children_0_6: 400, women_16_54: 900 },
  ];
  it('imported values replace modelled ones only for the centres they cover', () => {
    const m = mergeListing(modelled, [{ health_centre_id: 'b', year: 2024, children_0_6: 350, women_16_54: null }], 'lista.csv');
    expect(m.get('a')).toEqual({ children_0_6: 100, women_16_54: 300, year: 2025, source: 'modelled' });
    expect(m.get('b')).toEqual({ children_0_6: 350, women_16_54: null, year: 2024, source: 'imported', file: 'lista.csv' });
  });
  it('sizes health centres from the merged listing', () => {
    const fc = healthCentreCollection([hc('a', 'A'), hc('b', 'B')], mergeListing(modelled, null));
    expect(fc.features.map((f) => f.properties!.radius)).toEqual([3 + 17 * Math.sqrt(0.25), 20]);
    expect(fc.features[0].properties!.listing_source).toBe('modelled');
  });
});

describe('popups', () => {
  it('escape every data string', () => {
    const html = popupHtml('familyCentre', { name: '<img src=x onerror=alert(1)>', kommun_name: 'Falun & Co', status: 'existing', coord_precision: 'town', notes: '"><script>x</script>' }, sv);
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('Falun &amp; Co');
  });
  it('give DeSO figures with year, the estimate label and the source', () => {
    const html = popupHtml('deso', {
      deso_code: '2021A0010', regso_name: 'Vansbro västra landsbygd', kommun_name: 'Vansbro', omradestyp_2022: 4, omradestyp_2023: 4,
      population: 1399, age_0_4: 54, age_5_9: 65, children_0_6: 80, children_per_km2: 0.123, women_16_54: 264.225,
    }, sv);
    expect(html).toContain('Befolkning 2025');
    expect(html).toContain('1\u00a0399');
    expect(html).toContain('Barn 0–6 år 2025</th><td>80,0 <span class="note">(uppskattat)</span>');
    expect(html).toContain('4 goda socioekonomiska förutsättningar');
    expect(html).toContain('SCB TAB6574, 31 dec 2025');
  });
  it('label modelled listing as modellerat and imported as importerat', () => {
    const base = { name: 'Vårdcentral Tisken', kommun_name: 'Falun', ownership: 'region', coord_precision: 'property', listed_children_0_6: 812.4, listing_year: 2025 };
    expect(popupHtml('healthCentre', { ...base, listing_source: 'modelled' }, sv)).toContain('(modellerat)');
    const imp = popupHtml('healthCentre', { ...base, listing_source: 'imported', listing_file: 'lista<1>.csv' }, sv);
    expect(imp).toContain('(importerat)');
    expect(imp).toContain('lista&lt;1&gt;.csv');
    expect(imp).toContain('Listade barn 0–6 år 2025');
  });
  it('show the chosen områdestyp year first', () => {
    const p = { regso_name: 'Falun (Herrhagen)', regso_code: '2080R010', kommun_name: 'Falun', omradestyp_2022: 2, omradestyp_2023: 1, population: 3000, children_0_6: 200 };
    const h22 = popupHtml('regso', p, sv, 'sv', 2022);
    expect(h22.indexOf('Områdestyp 2022')).toBeLessThan(h22.indexOf('Områdestyp 2023'));
    expect(h22).toContain('Områdestyp 2022</th><td>2 socioekonomiska utmaningar');
    expect(popupHtml('regso', p, sv, 'sv', 2023)).toContain('Områdestyp 2023</th><td>1 stora socioekonomiska utmaningar');
  });
});
