import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { GeoJSONSource } from 'maplibre-gl';
import { analyseCoverage, analyseSiteSets, analysisInput } from '../../src/domain/analysis';
import { buildDataset } from '../../src/domain/dataset';
import { placeSnapshot, snapshotAt, snapshotFamilyCentres } from '../../src/domain/history/snapshot';
import { needInputs } from '../../src/domain/need/demand';
import { roadGraph } from '../../src/domain/network/graph';
import { NetworkRouter } from '../../src/domain/network/router';
import { DEFAULT_PARAMS } from '../../src/domain/scenario';
import { kommunRefs } from '../../src/domain/views';
import { readRawInputs } from '../../src/cli/rawInputs';
import { launchBrowser, openApp, renderedCount } from './browser';

/**
 * Issue 11, item 3 end to end: the history panel's year control. Autumn 2019 puts the slides'
 * eight centres on the map (Falun's two on one point, marked 2), its key figures are the core's
 * for those centres under the same parameters (network travel, T = 20, 2025) and differ from
 * today's; the change list 2019 → 2026 has Hedemora listed before and not after with
 * "uppgift saknas", Rättvik and Borlänge new; back to "I dag" the data's centres return.
 */
const baseUrl = inject('baseUrl');
let browser: Browser;
let page: Page;

// The core on the same data the app is built from (as the CLI reads it).
const ds = buildDataset(readRawInputs());
const data = { demand: ds.demand, familyCentres: ds.familyCentres, kommuner: kommunRefs(ds.kommuner), router: new NetworkRouter(roadGraph(ds.roadGraph)), need: needInputs(ds.need, ds.kommuner.features.map((f) => f.properties)) };
const req = { params: DEFAULT_PARAMS, candidates: [], matrix: null };
const todayInput = analysisInput(data, req);
const today = analyseSiteSets(todayInput).today;
const centres2019 = snapshotFamilyCentres(placeSnapshot(snapshotAt('2019'), ds.familyCentres, ds.tatorter));
const snap2019 = analyseCoverage(analysisInput({ ...data, familyCentres: centres2019 }, req), 'today');
const flagged = (gaps: { flags: string[] }[]) => gaps.filter((g) => g.flags.length > 0).length;

const panel = '[data-testid="history-panel"]';
/** The raw value of a figure cell of the history panel. */
const figure = (row: string, col: 'snapshot' | 'today') => page.getAttribute(`[data-testid="history-figure-${row}-${col}"]`, 'data-value').then(Number);

/** The family-centre source's features as the map holds them. */
const sourceFeatures = () =>
  page.evaluate(async () => {
    const src = window.__planner!.map.getSource('family-centres') as GeoJSONSource;
    const fc = (await src.getData()) as GeoJSON.FeatureCollection;
    return fc.features.map((f) => ({ id: String(f.properties!.id), status: String(f.properties!.status) }));
  });

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await openApp(page, baseUrl);
  await page.click('[data-testid="tab-coverage"]');
  await page.waitForSelector('[data-testid="coverage-results"][data-status="idle"]', { timeout: 120_000 });
});

afterAll(async () => {
  await browser?.close();
});

describe('the history year control', () => {
  it('starts on today: the data\'s 15 sites on the map, 9 of them existing', async () => {
    expect(await page.isChecked('[data-testid="history-year-today"]')).toBe(true);
    const f = await sourceFeatures();
    expect(f).toHaveLength(ds.familyCentres.length);
    expect(f.filter((x) => x.status === 'existing')).toHaveLength(9);
  });

  it('chosen by keyboard, autumn 2019 puts the 8 centres on the map, Falun\'s two on one point marked 2', async () => {
    await page.focus('[data-testid="history-year-today"]');
    await page.keyboard.press('ArrowRight');
    expect(await page.isChecked('[data-testid="history-year-2019"]')).toBe(true);
    await page.waitForSelector(`${panel}[data-snapshot="2019"][data-status="idle"] [data-testid="history-figures"]`, { timeout: 120_000 });
    await page.waitForFunction(() => document.querySelectorAll('.fc-stack-marker').length === 1);
    const f = await sourceFeatures();
    expect(f.map((x) => x.id).sort()).toEqual(centres2019.map((c) => c.id).sort());
    expect(f).toHaveLength(8);
    // Every symbol is drawn (overlap allowed), the two Falun ones on the same point.
    expect(await renderedCount(page, 'fc-symbol')).toBe(8);
    expect(await page.textContent('.fc-stack-marker')).toBe('2');
    expect(await page.getAttribute('.fc-stack-marker', 'title')).toBe('2 platser på samma punkt: Familjecentral i Falun (2019, 1 av 2); Familjecentral i Falun (2019, 2 av 2)');
    expect(await page.textContent('[data-testid="history-tatort"]')).toContain('Falun: Falun (2 platser på samma punkt, märkt 2 på kartan)');
    expect(await page.textContent('[data-testid="history-all-placed"]')).toBe('Alla 8 platser har en punkt på kartan.');
  });

  it("shows the core's key figures for the 2019 centres, which differ from today's", async () => {
    // The built JSON rounds each unit's children to 6 decimals: shares agree to 1e-6.
    expect(await figure('within', 'snapshot')).toBeCloseTo(snap2019.coverage.county.coverage_share, 6);
    expect(await figure('covered', 'snapshot')).toBeCloseTo(snap2019.coverage.county.covered_children, 2);
    expect(await figure('mean', 'snapshot')).toBeCloseTo(snap2019.coverage.county.mean_minutes!, 4);
    expect(await figure('flagged', 'snapshot')).toBe(flagged(snap2019.gaps));
    expect(await figure('sites', 'snapshot')).toBe(8);
    expect(await figure('within', 'today')).toBeCloseTo(today.coverage.county.coverage_share, 6);
    expect(await figure('mean', 'today')).toBeCloseTo(today.coverage.county.mean_minutes!, 4);
    expect(await figure('flagged', 'today')).toBe(flagged(today.gaps));
    // Measured: 2019 59,7 % within 20 min, mean 20,2 min, 15 kommuner flagged; today 72,8 %, 17,0 min, 7.
    expect(snap2019.coverage.county.coverage_share).toBeLessThan(today.coverage.county.coverage_share - 0.1);
    expect(flagged(snap2019.gaps)).toBe(15);
    expect(flagged(today.gaps)).toBe(7);
    // The labels: today's children, the source named.
    expect(await page.textContent('[data-testid="history-children-note"]')).toContain('Barnen är dagens skattning (2025');
    expect(await page.textContent('[data-testid="history-source"]')).toContain('Dokumentet listar 8 familjecentraler i 7 kommuner');
    expect(await page.textContent('[data-testid="history-source"]')).toContain('bilden "Dalarnas familjecentraler"');
  });

  it("flags the 2019 gaps per kommun in the snapshot's words", async () => {
    const rows = await page.$$eval('[data-testid="history-gaps"] li', (lis) => lis.map((li) => [li.getAttribute('data-kommun'), li.getAttribute('data-flags'), li.textContent ?? '']));
    expect(new Map(rows.map(([k, fl]) => [k, fl]))).toEqual(new Map(snap2019.gaps.filter((g) => g.flags.length).map((g) => [g.kommun_code, g.flags.join('|')])));
    const borlange = rows.find(([k]) => k === '2081')!;
    expect(borlange[2]).toContain('Ingen familjecentral hösten 2019');
    const hedemora = rows.find(([k]) => k === '2083')!;
    expect(hedemora[2]).toContain('bilderna anger att 5 av 8 var fullt samlokaliserade, inte vilka (uppgift saknas)');
  });

  it('lists Hedemora as listed in 2019, not in 2026, with "uppgift saknas"; Rättvik and Borlänge new', async () => {
    const row = (code: string) =>
      page.$eval(`[data-testid="history-changes"] tr[data-kommun="${code}"]`, (tr) => ({
        change: tr.getAttribute('data-change'),
        cells: [...tr.querySelectorAll('td')].map((td) => td.textContent ?? ''),
      }));
    const hedemora = await row('2083');
    expect(hedemora.change).toBe('removed');
    expect(hedemora.cells).toEqual(['Hedemora', '1 familjecentral', 'ingen', expect.stringContaining('fanns med tidigare, inte med senare'), 'uppgift saknas']);
    const rattvik = await row('2031');
    expect(rattvik.change).toBe('added');
    expect(rattvik.cells.slice(0, 3)).toEqual(['Rättvik', 'ingen (enligt bilderna)', '1 familjecentral']);
    expect(rattvik.cells[4]).toBe('uppgift saknas');
    const borlange = await row('2081');
    expect(borlange.change).toBe('added');
    // Sopranen's opening month dates the change; it does not explain it.
    expect(borlange.cells[4]).toMatch(/^uppgift saknas; .+ öppnade 2023-05 enligt data \(daterar, förklarar inte\)$/);
    // The letters of intent carry 002's documented note.
    expect((await row('2021')).cells[4]).toContain('(HSN 2026/4486, avsnitt 3.1 Bakgrund)');
  });

  it('2026 equals today for this data: the same figures, no difference to the scenario', async () => {
    await page.click('[data-testid="history-year-2026"]');
    await page.waitForSelector(`${panel}[data-snapshot="2026"][data-status="idle"] [data-testid="history-figures"]`, { timeout: 120_000 });
    expect(await figure('within', 'snapshot')).toBeCloseTo(today.coverage.county.coverage_share, 6);
    expect(await figure('flagged', 'snapshot')).toBe(flagged(today.gaps));
    expect(await page.isVisible('[data-testid="history-no-scenario-changes"]')).toBe(true);
    await page.waitForFunction(() => document.querySelectorAll('.fc-stack-marker').length === 0);
    expect(await sourceFeatures()).toHaveLength(15);
  });

  it('back on "I dag", the data\'s centres return (9 existing) and the count marker goes', async () => {
    await page.click('[data-testid="history-year-2019"]');
    await page.waitForFunction(() => document.querySelectorAll('.fc-stack-marker').length === 1);
    await page.click('[data-testid="history-year-today"]');
    await page.waitForFunction(() => document.querySelectorAll('.fc-stack-marker').length === 0);
    const f = await sourceFeatures();
    expect(f.map((x) => x.id).sort()).toEqual(ds.familyCentres.map((c) => c.id).sort());
    expect(f.filter((x) => x.status === 'existing')).toHaveLength(9);
    expect(await renderedCount(page, 'fc-symbol')).toBe(ds.familyCentres.length);
    expect(await page.isVisible('[data-testid="history-today-note"]')).toBe(true);
  });
});
