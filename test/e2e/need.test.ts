import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import Papa from 'papaparse';
import { readFileSync } from 'node:fs';
import { runCli } from '../../src/cli/main';
import { launchBrowser, openApp, renderedCount } from './browser';

/**
 * Issue 13 end to end: the year selector drives the key figures, the kommun table and the gap
 * flags exactly as the CLI computes them for the same year and source; the imported forecast;
 * children over time per kommun; the need layer with its legend.
 */
const baseUrl = inject('baseUrl');
let browser: Browser;
let page: Page;
const FORECAST = 'test/fixtures/forecast-sv-test.csv';

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await openApp(page, baseUrl);
  await page.click('[data-testid="tab-coverage"]');
});

afterAll(async () => {
  await browser?.close();
});

/** The CLI's coverage rows (today) for the given options, and what it wrote to stderr. */
function cli(args: string[]): { rows: Record<string, string>[]; err: string } {
  let out = '';
  let err = '';
  const code = runCli(['coverage', ...args], { out: (s) => (out += s), err: (s) => (err += s), readFile: (p) => new Uint8Array(readFileSync(p)) });
  expect(code).toBe(0);
  return { rows: Papa.parse<Record<string, string>>(out, { header: true, skipEmptyLines: true, comments: '#' }).data.filter((r) => r.site_set === 'today'), err };
}

const sv0 = (x: string | number) => new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 0 }).format(Number(x));
const sv1 = (x: string) => new Intl.NumberFormat('sv-SE', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(Number(x));

/** Waits until the live analysis has finished for the current parameters. */
async function settled(): Promise<void> {
  await page.waitForTimeout(250);
  await page.waitForSelector('[data-testid="coverage-results"][data-status="idle"]', { timeout: 60_000, state: 'attached' });
}

/** The app's county figures and per-kommun children/coverage/flags against the CLI's rows. */
async function expectSameAsCli(rows: Record<string, string>[]): Promise<void> {
  const county = rows.find((r) => r.kommun_code === '20')!;
  expect(await page.textContent('[data-testid="figure-covered-today"]')).toBe(`${sv0(county.covered_children)} / ${sv0(county.children_0_6)}`);
  expect(await page.textContent('[data-testid="figure-within-today"]')).toBe(`${sv1(county.coverage_pct)}\u00a0%`);
  for (const r of rows.filter((x) => x.kommun_code !== '20')) {
    const cells = await page.$$eval(`[data-testid="kommun-table"] tr[data-kommun="${r.kommun_code}"] td`, (tds) => tds.map((td) => td.textContent ?? ''));
    // Columns: kommun, gap badges, children, coverage, … The CLI writes one decimal; the app
    // rounds the unrounded value to a whole child.
    expect(Math.abs(Number(cells[2].replace(/\s/g, '')) - Number(r.children_0_6)), r.kommun_name).toBeLessThanOrEqual(0.55);
    expect(cells[3], r.kommun_name).toBe(`${sv1(r.coverage_pct)} %`);
    const flagged = await page.$eval(`[data-testid="kommun-table"] tr[data-kommun="${r.kommun_code}"]`, (tr) => tr.classList.contains('flagged'));
    expect(flagged, r.kommun_name).toBe(r.flags !== '');
  }
}

describe('the year selector', () => {
  it('2025 is the estimate and says so', async () => {
    await settled();
    expect(await page.inputValue('[data-testid="projection-year"]')).toBe('2025');
    expect(await page.textContent('[data-testid="figures-year"]')).toBe('Barn 0–6 år: 2025 (skattning, SCB 31 dec 2025)');
    await expectSameAsCli(cli([]).rows);
  });

  it('2035 with SCB’s projection: every figure for 2035, the same as the CLI, labelled as a projection with its source', async () => {
    await page.selectOption('[data-testid="projection-year"]', '2035');
    await settled();
    const { rows } = cli(['--year', '2035']);
    await expectSameAsCli(rows);
    const county = rows.find((r) => r.kommun_code === '20')!;
    // SCB's projection keeps the county near today's level (18 890 → about 18 400), not the listing trend's fall.
    expect(Number(county.children_0_6)).toBeGreaterThan(18_000);
    expect(Number(county.children_0_6)).toBeLessThan(18_890);
    expect(await page.textContent('[data-testid="figures-year"]')).toContain('Barn 0–6 år 2035: prognos (källa: SCB:s befolkningsframskrivning per kommun');
    expect(await page.textContent('[data-testid="kommun-table"] thead')).toContain('Barn 0–6 2035 (prognos)');
  });

  it('the listing trend with damping 1 continues −3,7 % a year: county children as the CLI computes them', async () => {
    await page.click('[data-testid="projection-source-trend"]');
    await page.fill('[data-testid="projection-damping"]', '1');
    await settled();
    const { rows } = cli(['--year', '2035', '--forecast', 'trend', '--damping', '1']);
    await expectSameAsCli(rows);
    // Hand check: 18 890,3 × (18 266 / 22 054)^(10/5) = 18 890,3 × 0,68598 = 12 958,4
    const county = rows.find((r) => r.kommun_code === '20')!;
    expect(Number(county.children_0_6)).toBeCloseTo(18_890.3 * (18_266 / 22_054) ** 2, 0);
    expect(await page.textContent('[data-testid="figures-year"]')).toContain('dämpning 1 per år');
  });

  it('an imported forecast in the Swedish Excel dialect: used as the CLI uses it, and the kommun it lacks is named', async () => {
    await page.click('[data-testid="projection-source-imported"]');
    await page.setInputFiles('[data-testid="forecast-file"]', FORECAST);
    await page.waitForSelector('[data-testid="forecast-status"]:has-text("forecast-sv-test.csv")');
    await settled();
    const { rows, err } = cli(['--year', '2035', '--forecast', FORECAST]);
    await expectSameAsCli(rows);
    // The fixture has no row for Älvdalen: the app and the CLI both say so, and it keeps 2025's children.
    expect(await page.textContent('[data-testid="projection-missing"]')).toContain('Älvdalen');
    expect(err).toContain('saknar värde för Älvdalen (2039) år 2035');
    expect(rows.find((r) => r.kommun_code === '2039')!.children_0_6).toBe(cli([]).rows.find((r) => r.kommun_code === '2039')!.children_0_6);
    // Vansbro's row in the file: 400 children in 2035.
    expect(rows.find((r) => r.kommun_code === '2021')!.children_0_6).toBe('400.0');
    expect(await page.textContent('[data-testid="figures-year"]')).toContain('importerad prognosfil forecast-sv-test.csv');
  });

  it('a forecast file with errors is reported in Swedish and nothing loaded is lost', async () => {
    await page.setInputFiles('[data-testid="forecast-file"]', { name: 'trasig.csv', mimeType: 'text/csv', buffer: Buffer.from('kommunkod;år;barn_0_6\n2080;2035;många\n20800;2035;10\n') });
    const report = await page.textContent('[data-testid="forecast-report"]');
    expect(report).toContain('trasig.csv');
    expect(report).toMatch(/rad 2/i);
    expect(report).toMatch(/rad 3/i);
    // Still the earlier file.
    expect(await page.textContent('[data-testid="forecast-status"]')).toContain('forecast-sv-test.csv');
    await page.click('[data-testid="forecast-report"] button:has-text("Avbryt")');
  });

  it('back to 2025 gives today’s figures again', async () => {
    await page.click('[data-testid="projection-source-scb"]');
    await page.selectOption('[data-testid="projection-year"]', '2025');
    await settled();
    await expectSameAsCli(cli([]).rows);
  });
});

describe('children over time per kommun', () => {
  it('lists the listed change from HSN 2026/4486, the estimate and each source side by side, with a chart per kommun', async () => {
    await page.click('[data-testid="children-over-time"] summary');
    expect(await page.textContent('[data-testid="listed-2081"]')).toBe('−1\u00a0234');
    expect(await page.textContent('[data-testid="listed-2034"]')).toBe('−16');
    expect(await page.textContent('[data-testid="listed-20"]')).toBe('−3\u00a0788');
    // Gagnef is not named in the report: "uppgift saknas", never 0.
    expect(await page.textContent('[data-testid="listed-2026"]')).toBe('uppgift saknas');
    // The SCB column equals the CLI's 2035 children for Borlänge.
    const borlange = cli(['--year', '2035']).rows.find((r) => r.kommun_code === '2081')!;
    expect(await page.textContent('[data-testid="cot-2081-scb-2035"]')).toBe(sv0(borlange.children_0_6));
    // A chart in every kommun row of the kommun table, described in words.
    const labels = await page.$$eval('[data-testid="kommun-table"] td.spark svg', (els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
    expect(labels).toHaveLength(16);
    expect(labels.find((l) => l.startsWith('Borlänge'))).toMatch(/^Borlänge: 2025: 3\u00a0571 · 2030: [\d\u00a0]+ · 2035: [\d\u00a0]+ \(SCB:s befolkningsframskrivning \(standard\)\) · Listade 2020→2025: −1\u00a0234$/);
  });
});

describe('the need layer', () => {
  it('draws the needs index per DeSO with a legend naming source and classes, and each indicator on request', async () => {
    await page.click('[data-testid="tab-map"]');
    await page.click('[data-testid="toggle-need"]');
    expect(await renderedCount(page, 'need-deso')).toBeGreaterThan(100);
    const legend = await page.textContent('[data-testid="legend-need"]');
    expect(legend).toContain('Behovsindex per DeSO');
    expect(legend).toContain('SCB, DeSO-statistik 2024–2025');
    expect(legend).toContain('≥ 1,0');
    await page.selectOption('[data-testid="need-layer"]', 'low_employment');
    const l2 = await page.textContent('[data-testid="legend-need"]');
    expect(l2).toContain('förvärvsfrekvens 20–64 år (%)');
    expect(l2).toContain('SCB TAB6680, 2024');
    expect(l2).toContain('uppgift saknas');
    // Definitions, tables and years from the data's SOURCES.md, in the layer panel.
    const defs = await page.$$eval('[data-testid="need-definitions"] li', (els) => els.map((e) => e.textContent ?? ''));
    expect(defs).toHaveLength(8);
    expect(defs).toContain('ensamhushåll utan barn: Ensamstående utan barn i procent av alla hushåll (inte ensamstående föräldrar). SCB TAB6568, 2025.');
    // Area fills are one choice: områdestyp back instead of need.
    await page.click('[data-testid="toggle-omradestyp"]');
    expect(await renderedCount(page, 'need-deso')).toBe(0);
  });

  it('the need weight is chosen where ranking and suggestions use it, and the assumptions say which', async () => {
    await page.click('[data-testid="tab-suggest"]');
    await page.click('[data-testid="depw-need-index"]');
    expect(await page.inputValue('[data-testid="depw-comp-low_economic_standard"]')).toBe('1');
    expect(await page.inputValue('[data-testid="depw-comp-foreign_background"]')).toBe('0');
    expect(await page.$('[data-testid="depw-1"]')).toBeNull();
    await page.click('[data-testid="tab-coverage"]');
    // The assumptions of the result for the new need weight (the analysis reruns; wait for it).
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="coverage-results"][data-status="idle"] details li')].some((e) => e.textContent?.startsWith('Behovsvikt: behovsindex')), null, { timeout: 60_000 });
    const assumptions = await page.$$eval('[data-testid="coverage-results"] details li', (els) => els.map((e) => e.textContent ?? ''));
    expect(assumptions).toContain('Behovsvikt: behovsindex per DeSO (låg ekonomisk standard 1, låg utbildning (ej eftergymnasial, 25–65 år) 1, låg sysselsättning (20–64 år) 1; standardiserat över Dalarnas DeSO; vikt 1 + 0,5 × index, 0,5–2; SCB 2024–2025)');
    await page.click('[data-testid="tab-suggest"]');
    await page.click('[data-testid="depw-need-omradestyp"]');
    expect(await page.inputValue('[data-testid="depw-1"]')).toBe('2');
  });
});

describe('decline-robust suggestions', () => {
  it('max-min over 2025 and 2035 solves exactly and shows each year’s figure per site and for the county', async () => {
    await page.click('[data-testid="tab-suggest"]');
    await page.selectOption('[data-testid="suggest-model"]', 'mclp');
    await page.fill('[data-testid="suggest-p"]', '2');
    await page.click('[data-testid="robust-maxmin"]');
    expect(await page.textContent('[data-testid="suggest-robust"]')).toContain('Barn 0–6 år 2035: prognos (källa: SCB:s befolkningsframskrivning');
    await page.click('[data-testid="suggest-run"]');
    await page.waitForSelector('[data-testid="suggest-result"][data-status="optimal"]', { timeout: 120_000 });
    const years = await page.$$eval('[data-testid="suggest-by-year"] tr[data-year]', (trs) => trs.map((tr) => tr.getAttribute('data-year')));
    expect(years).toEqual(['2025', '2035']);
    // The 2025 row is the same figure as the plain "after" (the scenario's year is 2025).
    expect(await page.textContent('[data-testid="by-year-after-2025"]')).toBe(await page.textContent('[data-testid="suggest-after"]'));
    // Each suggested site has a figure per year; its 2025 figure is the plain one (the scenario's year).
    const perSite = await page.$$eval('[data-testid="suggest-table"] tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
    expect(perSite).toHaveLength(2);
    for (const row of perSite) {
      expect(row).toHaveLength(6);
      expect(row[4]).toBe(row[3]);
    }
    await page.click('[data-testid="robust-off"]');
  });
});

describe('presentation: the same sites in 2025 and 2035', () => {
  it('two synced maps and key figures "2025 → 2035" equal to the CLI for each year', async () => {
    await page.click('[data-testid="open-presentation"]');
    await page.click('[data-testid="p-years"]');
    await page.waitForSelector('[data-testid="p-map-2025"][data-map-ready="true"]', { timeout: 60_000 });
    await page.waitForSelector('[data-testid="p-map-proposal"][data-map-ready="true"]', { timeout: 60_000 });
    const kf = await page.$$eval('[data-testid="key-figures"] dl > div', (els) => els.map((e) => [e.querySelector('dt')?.textContent, e.querySelector('dd')?.textContent]));
    const c25 = cli([]).rows.find((r) => r.kommun_code === '20')!;
    const c35 = cli(['--year', '2035']).rows.find((r) => r.kommun_code === '20')!;
    expect(kf[0]).toEqual(['Barn 0–6 år 2025 → 2035 (2025 skattning, senare år prognos)', `${sv0(c25.children_0_6)} → ${sv0(c35.children_0_6)}`]);
    expect(kf[1][1]).toBe(`${sv1(c25.coverage_pct)}\u00a0% → ${sv1(c35.coverage_pct)}\u00a0%`);
    expect(await page.textContent('[data-testid="key-figures"] h2')).toBe('Nyckeltal: 2025 → 2035 (I dag)');
    expect(await page.textContent('[data-testid="key-figures-sets"]')).toBe('I dag: befintliga familjecentraler');
    expect(await page.textContent('[data-testid="p-years-note"]')).toContain('Barn 0–6 år 2035: prognos (källa: SCB');
    await page.click('[data-testid="p-years"]');
    await page.click('[data-testid="p-close"]');
  });
});
