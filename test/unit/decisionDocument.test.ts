import { describe, expect, it } from 'vitest';
import { decisionDocumentBody, decisionDocumentHtml, legendHtml, type DecisionInput } from '../../src/io/decisionDocument';
import { DECISION_WORDS } from '../../src/i18n/decision';

const HOSTILE = '<img src=x onerror=alert(1)>';

/** A fixture with figures chosen so that every formatted value is known by hand. */
function fixture(over: Partial<DecisionInput> = {}): DecisionInput {
  return {
    lang: 'sv',
    subject: { kind: 'kommun' },
    scenarioName: 'Förslag väst',
    date: '2026-03-01',
    kommun: {
      code: '2080',
      name: 'Falun',
      population: 60000,
      centres: [{ name: 'Familjecentralen Britsarvet', status: 'Befintlig' }],
      gapsToday: ['Täckning 40,0 % av barnen 0–6 år, under 50,0 %'],
      gapsProposal: [],
    },
    county: { population: 290000 },
    childrenYearText: 'Barn 0–6 år: 2025 (skattning, SCB 31 dec 2025)',
    thresholdMinutes: 20,
    travelText: 'Fågelvägen (storcirkelavstånd), 50 km/h',
    setLabels: { today: 'I dag: befintliga familjecentraler', proposal: 'Förslaget: i dag + 1 kandidatplats' },
    coverage: {
      // Falun: 4 000 children, 1 600 → 3 000 within 20 min (40,0 % → 75,0 %, +35,0 procentenheter).
      kommun: {
        today: { children: 4000, covered: 1600, share: 0.4, meanMinutes: 22.5, medianMinutes: 21.25, over30: 900, unreachable: 0 },
        proposal: { children: 4000, covered: 3000, share: 0.75, meanMinutes: 12.25, medianMinutes: 10, over30: 150, unreachable: 0 },
      },
      // County: 20 000 children, 12 000 → 13 400 (60,0 % → 67,0 %, +7,0 procentenheter).
      county: {
        today: { children: 20000, covered: 12000, share: 0.6, meanMinutes: 15, medianMinutes: 12, over30: 2500, unreachable: 40 },
        proposal: { children: 20000, covered: 13400, share: 0.67, meanMinutes: 13.5, medianMinutes: 11, over30: 1750, unreachable: 40 },
      },
    },
    socio: {
      omradestypYear: 2023,
      rows: [
        { omradestyp: 1, label: '1 stora socioekonomiska utmaningar', children: 400, share: 0.1, centres: 0 },
        { omradestyp: 2, label: '2 socioekonomiska utmaningar', children: 800, share: 0.2, centres: 1 },
        { omradestyp: 3, label: '3 socioekonomiskt blandade', children: 1200, share: 0.3, centres: 0 },
        { omradestyp: 4, label: '4 goda socioekonomiska förutsättningar', children: 1000, share: 0.25, centres: 1 },
        { omradestyp: 5, label: '5 mycket goda socioekonomiska förutsättningar', children: 600, share: 0.15, centres: 0 },
      ],
      needIndex: { desoCount: 30, min: -1.25, max: 2.5, mean: 0.125 },
    },
    alternatives: [
      {
        id: 'k1',
        name: 'Kandidat Norr',
        kommunName: 'Falun',
        rank: 1,
        composite: 0.875,
        reach: 2500,
        newReach: 1400,
        newReachShareOt12: 0.25,
        meanMinutesReduction: 1.5,
        served: 1800,
        servedMeanMinutes: 8.25,
        transitWalkM: 320,
        transitStopName: 'Falun resecentrum',
        vardvalKr: 123456,
        vardvalHealthCentre: 'Vårdcentral Norr',
        vardvalModelled: true,
        isSubject: false,
      },
    ],
    rankingReady: true,
    rankingLines: ['Varje kandidat räknas mot i dag (läggs till ensam)'],
    vardval: {
      year: 2026,
      krPerChild: 90,
      krPerWoman: 55,
      potKr: 2300000,
      // 90 × 1 000 + 55 × 2 000 = 90 000 + 110 000 = 200 000 kr.
      today: [{ healthCentre: 'Vårdcentral Britsarvet', centres: ['Familjecentralen Britsarvet'], listedChildren: 1000, listedWomen: 2000, claimKr: 200000, modelled: true }],
      // + 90 × 500 + 55 × 1 000 = 45 000 + 55 000 = 100 000 → total 300 000 kr.
      proposal: [
        { healthCentre: 'Vårdcentral Britsarvet', centres: ['Familjecentralen Britsarvet'], listedChildren: 1000, listedWomen: 2000, claimKr: 200000, modelled: true },
        { healthCentre: 'Vårdcentral Norr', centres: ['Kandidat Norr'], listedChildren: 500, listedWomen: 1000, claimKr: 100000, modelled: true },
      ],
    },
    assumptions: ['Tröskel: 20 min (täckt när restiden ≤ tröskeln)', 'Restidsmodell: Fågelvägen (storcirkelavstånd), 50 km/h'],
    map: { image: 'data:image/png;base64,iVBORw0KGgo=', shows: 'förslaget', legend: [{ title: 'Familjecentraler', items: [{ kind: 'symbol', label: 'Befintlig', symbol: { fill: '#7b2d8e' } }, { kind: 'swatch', label: 'Lucka', color: '#d62728' }] }] },
    ...over,
  };
}

/** The HTML as text (tags out, entities decoded, spaces collapsed), to find formatted figures. */
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

/** sv-SE groups thousands with a narrow no-break space; normalise to a plain space for matching. */
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('decision document (beslutsunderlag)', () => {
  it('is a complete self-contained document: style, A4 page, no script', () => {
    const html = decisionDocumentHtml(fixture());
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toMatch(/<style>[\s\S]*@page \{ size: A4 portrait;[\s\S]*<\/style>/);
    expect(html).not.toMatch(/<script|\son[a-z]+=|javascript:/i);
    expect(html).toContain('<title>Beslutsunderlag: familjecentral i Falun</title>');
    // Tables carry border attributes for Word.
    expect(html).toContain('<table border="1"');
  });

  it('has every heading (sv) in order', () => {
    const w = DECISION_WORDS.sv.h;
    const t = text(decisionDocumentBody(fixture()));
    const heads = ['Beslutsunderlag: familjecentral i Falun', w.background, w.situation('Falun'), w.population, w.socio, w.coverage, w.map, w.alternatives, w.vardval, w.assumptions, w.sources];
    let at = -1;
    for (const h of heads) {
      const i = t.indexOf(h, at + 1);
      expect(i, h).toBeGreaterThan(at);
      at = i;
    }
  });

  it('states each figure formatted in Swedish', () => {
    const t = plain(text(decisionDocumentBody(fixture())));
    for (const s of [
      '60 000', // inhabitants
      '290 000',
      '4 000', // children
      '20 000',
      '6,7 %', // 4 000 / 60 000 = 6,67 %
      '1 600',
      '3 000',
      '+1 400', // 3 000 − 1 600
      '40,0 %',
      '75,0 %',
      '+35,0 procentenheter',
      '60,0 %',
      '67,0 %',
      '+7,0 procentenheter',
      '22,5', // mean minutes
      '12,3', // 12,25 rounded half-even by Intl? shown with 1 decimal
      '−10,3', // 12,25 − 22,5
      '21,3', // median 21,25
      '−11,3', // 10 − 21,25
      '−750', // 150 − 900
      '10,0 %', // områdestyp 1 share
      '30,0 %',
      '1 200',
      '−1,25', // needs index min
      '2,50',
      '0,13', // mean 0,125 → 2 decimals
      '0,88', // composite 0,875
      '2 500',
      '25,0 %',
      '1,50',
      '320',
      '123 456 (modellerat)',
      '200 000 kr',
      '100 000 kr',
      '300 000 kr', // proposal total
      '2 300 000 kr', // pot
      '90 kr per listat barn',
      '55 kr per listad kvinna',
    ]) {
      expect(t, s).toContain(s);
    }
    // The threshold, model and year are named with the coverage.
    expect(t).toContain('Tröskel: 20 minuter');
    expect(t).toContain('Restidsmodell: Fågelvägen (storcirkelavstånd), 50 km/h');
    expect(t).toContain('Barn 0–6 år: 2025 (skattning, SCB 31 dec 2025)');
    // The regional goal is cited to 002.
    expect(t).toContain('(002, kapitel 1 och avsnitt 3.1');
  });

  it('shows 12,25 with one decimal as Intl rounds it', () => {
    // Intl.NumberFormat rounds half away from zero: 12,25 → 12,3 (the expectation above).
    expect(new Intl.NumberFormat('sv-SE', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(12.25)).toBe('12,3');
  });

  it('escapes a hostile name everywhere it appears', () => {
    const d = fixture({ scenarioName: HOSTILE, kommun: { ...fixture().kommun, name: HOSTILE, centres: [{ name: HOSTILE, status: HOSTILE }], gapsToday: [HOSTILE] } });
    d.alternatives = [{ ...d.alternatives[0], name: HOSTILE, kommunName: HOSTILE, transitStopName: HOSTILE }];
    d.vardval.today = [{ ...d.vardval.today[0], healthCentre: HOSTILE, centres: [HOSTILE] }];
    d.assumptions = [HOSTILE];
    d.map = { image: `data:image/png;base64,AAAA" onerror="alert(1)`, shows: HOSTILE, legend: [{ title: HOSTILE, items: [{ kind: 'swatch', label: HOSTILE, color: `red" onmouseover="x` }] }] };
    const html = decisionDocumentHtml(d);
    expect(html).not.toContain('<img src=x');
    // No tag gets an event attribute (the words " onerror=" remain as escaped text only).
    expect(html).not.toMatch(/<[a-z][^>]*\son[a-z]+=/i);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    // A map image that is not a plain PNG data URL is left out, a colour that is not a colour too.
    expect(html).not.toContain('AAAA"');
    expect(html).toContain(DECISION_WORDS.sv.mapMissing);
    expect(html).not.toContain('<font color="red');
  });

  it('a candidate document has the candidate section and marks it among the alternatives', () => {
    const d = fixture({ subject: { kind: 'candidate', id: 'k1', name: 'Kandidat Norr', lat: 60.61, lon: 15.63 } });
    d.alternatives = [{ ...d.alternatives[0], isSubject: true }];
    const t = plain(text(decisionDocumentBody(d)));
    expect(t).toContain('Beslutsunderlag: kandidatplatsen Kandidat Norr (Falun)');
    expect(t).toContain(DECISION_WORDS.sv.h.candidate);
    expect(t).toContain('Kandidat Norr (detta underlag)');
    expect(t).toContain('60,61000, 15,63000');
    expect(t).toContain('Falun resecentrum 320 m');
    expect(t).toContain('123 456 kr (Vårdcentral Norr, modellerat)');
  });

  it('without candidates shows no after column and says so', () => {
    const d = fixture();
    d.coverage.kommun.proposal = null;
    d.coverage.county.proposal = null;
    d.setLabels.proposal = null;
    d.alternatives = [];
    const t = text(decisionDocumentBody(d));
    expect(t).not.toContain('Efter (förslaget)');
    expect(t).toContain(DECISION_WORDS.sv.noProposal);
    expect(t).toContain(DECISION_WORDS.sv.noAlternatives);
  });

  it('English: headings and figures in English formats', () => {
    const t = plain(text(decisionDocumentBody(fixture({ lang: 'en' }))));
    expect(t).toContain('Decision document: a family centre in Falun');
    expect(t).toContain(DECISION_WORDS.en.h.coverage);
    expect(t).toContain('+35.0 percentage points');
    expect(t).toContain('60,000');
    expect(t).toContain('Dalarna county');
  });

  it('several documents: one HTML, each part on a new page', () => {
    const html = decisionDocumentHtml([fixture(), fixture({ kommun: { ...fixture().kommun, code: '2081', name: 'Borlänge' } })], 'Alla');
    expect(html.match(/<section class="doc-part">/g)?.length).toBe(2);
    expect(html).toContain('<title>Alla</title>');
    expect(html).toMatch(/\.doc-part \{ break-before: page;/);
  });

  it('the legend is a list with a colour key where the item has a colour', () => {
    const h = legendHtml([{ title: 'Familjecentraler', items: [{ kind: 'symbol', label: 'Befintlig', symbol: { fill: '#7b2d8e' } }, { kind: 'line', label: 'Väg' }] }], 'sv');
    expect(h).toContain('<li><strong>Familjecentraler</strong></li>');
    expect(h).toContain('<font color="#7b2d8e" class="key">■</font> Befintlig');
    expect(h).toContain('<li>Väg</li>');
    expect(legendHtml([], 'sv')).toBe('');
  });

  it('the size key lists its steps, and circles are keyed with a circle', () => {
    const h = legendHtml([{ title: 'Vårdcentraler', items: [{ kind: 'circle', label: 'Regionen', fill: '#0072B2' }, { kind: 'sizes', label: 'Listade barn 0–6 år', fill: '#0072B2', steps: [{ label: '100' }, { label: '500' }, { label: '1 000' }] }] }], 'sv');
    expect(h).toContain('<font color="#0072B2" class="key">●</font> Regionen');
    expect(h).toContain('<font color="#0072B2" class="key">●</font> Listade barn 0–6 år: 100 / 500 / 1 000');
  });
});
