import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { runCli } from '../../src/cli/main';
import { download, isLocal, launchBrowser, openApp, pngInfo, recordRequests, toPage } from './browser';

const baseUrl = inject('baseUrl');
let browser: Browser;
let ctx: BrowserContext;
let page: Page;
let requests: string[];

beforeAll(async () => {
  browser = await launchBrowser();
  ctx = await browser.newContext({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
  page = await ctx.newPage();
  requests = recordRequests(page);
  await openApp(page, baseUrl);
  await page.click('[data-testid="tab-candidates"]');
});

afterAll(async () => {
  await browser?.close();
});

const rowIds = (p: Page) => p.$$eval('[data-testid="ranking-table"] tbody tr', (els) => els.map((e) => e.getAttribute('data-id')));
const candidateIds = (p: Page) => p.$$eval('[data-testid="candidate-table"] tr', (els) => els.map((e) => e.getAttribute('data-candidate')));
const upload = (p: Page, sel: string, name: string, content: Buffer) => p.setInputFiles(sel, { name, mimeType: 'text/csv', buffer: content });

/** The CLI's coverage rows (data only) for the given options. */
function cliRows(args: string[]): Record<string, string>[] {
  let out = '';
  expect(runCli(['coverage', ...args], { out: (x) => (out += x), err: () => undefined, readFile: (f) => new Uint8Array(readFileSync(f)) })).toBe(0);
  return Papa.parse<Record<string, string>>(out, { header: true, comments: '#', skipEmptyLines: true }).data;
}

describe('candidate sites', () => {
  it('adds a candidate by clicking the map, in the kommun it falls in', async () => {
    await page.click('[data-testid="add-mode"]');
    const q = await toPage(page, 15.75, 60.35); // Säter
    await page.mouse.click(q.x, q.y);
    await page.click('[data-testid="add-mode"]');
    expect(await candidateIds(page)).toEqual(['k1']);
    expect(await page.textContent('[data-candidate="k1"]')).toContain('Säter');
    await page.waitForSelector('[data-testid="ranking-table"] tbody tr');
  });

  it('picks a health centre from the searchable list', async () => {
    await page.fill('[data-testid="candidate-search"]', 'särna');
    await page.click('[data-testid="search-hits"] li:has-text("Vårdcentral Särna") button');
    expect(await candidateIds(page)).toContain('hc-sarna');
    await page.fill('[data-testid="candidate-search"]', '');
  });

  it('imports a Swedish Excel CSV (semicolon, decimal comma, BOM)', async () => {
    await upload(page, '[data-testid="candidate-file"]', 'excel.csv', readFileSync('test/fixtures/candidates-excel-sv.csv'));
    await page.waitForSelector('[data-testid="candidate-message"]');
    expect(await page.textContent('[data-testid="candidate-message"]')).toContain('2 kandidater importerade');
    expect(await page.textContent('[data-testid="coords-excel-2"]')).toBe('60,3466, 15,7507');
  });

  it('imports a SWEREF 99 TM CSV, detected and converted', async () => {
    await upload(page, '[data-testid="candidate-file"]', 'sweref.csv', readFileSync('test/fixtures/candidates-sweref-sv.csv'));
    await page.waitForSelector('[data-testid="candidate-message"]:has-text("SWEREF 99 TM")');
    expect(await page.textContent('[data-testid="coords-c-sater"]')).toBe('60,3466, 15,7507');
  });

  it('a broken CSV gives a row-level report in Swedish and imports only after confirmation', async () => {
    const before = await candidateIds(page);
    await upload(page, '[data-testid="candidate-file"]', 'trasig.csv', readFileSync('test/fixtures/candidates-broken.csv'));
    await page.waitForSelector('[data-testid="candidate-report"]');
    const report = (await page.textContent('[data-testid="candidate-report"]')) ?? '';
    for (const row of ['Rad 3', 'Rad 4', 'Rad 5', 'Rad 6']) expect(report).toContain(row);
    expect(report).toContain('omkastade');
    expect(await candidateIds(page)).toEqual(before);
    await page.click('[data-testid="candidate-confirm"]');
    expect(await candidateIds(page)).toEqual([...before, 'cand-1']);
  });

  it('renames, moves by dragging and removes', async () => {
    await page.fill('[data-testid="rename-k1"]', 'Säter vårdcentrum');
    await page.waitForFunction(() => document.querySelector('[data-testid="ranking-table"]')?.textContent?.includes('Säter vårdcentrum'));
    // Drag Särna (alone on the map) about 40 px east.
    await page.evaluate(() => window.__planner!.whenIdle());
    const sarna = await page.evaluate(() => {
      const f = window.__planner!.map.querySourceFeatures('candidates').find((x) => x.properties.id === 'hc-sarna')!;
      return (f.geometry as { coordinates: number[] }).coordinates;
    });
    const from = await toPage(page, sarna[0], sarna[1]);
    const coordsBefore = await page.textContent('[data-testid="coords-hc-sarna"]');
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(from.x + 20, from.y, { steps: 4 });
    await page.mouse.move(from.x + 40, from.y, { steps: 4 });
    await page.mouse.up();
    await page.waitForFunction((b) => document.querySelector('[data-testid="coords-hc-sarna"]')?.textContent !== b, coordsBefore);
    const [lat, lon] = ((await page.textContent('[data-testid="coords-hc-sarna"]')) ?? '').split(', ').map((x) => Number(x.replace(',', '.')));
    expect(lat).toBeCloseTo(sarna[1], 2);
    expect(lon).toBeGreaterThan(sarna[0] + 0.01);
    await page.click('[data-testid="remove-cand-1"]');
    expect(await candidateIds(page)).not.toContain('cand-1');
  });
});

describe('ranking and comparison', () => {
  it('changing a weight re-ranks the candidates live', async () => {
    // The ranking of the current candidates (not a re-scoring still under way).
    await page.waitForSelector('[data-testid="ranking-table"][data-status="idle"] tbody tr:nth-child(5)');
    const bars = () =>
      page.$$eval('[data-testid="ranking-table"] .scorebar', (els) => els.map((e) => [Number(e.getAttribute('data-composite')), Number(e.getAttribute('data-transit'))]));
    const before = await rowIds(page);
    // With the default weights the composite is not the transit score alone.
    expect((await bars()).some(([c, t]) => Math.abs(c - t) > 1e-6)).toBe(true);
    for (const k of ['reach', 'newReach', 'deprivation', 'travel']) await page.locator(`[data-testid="weight-${k}"]`).fill('0');
    await page.locator('[data-testid="weight-transit"]').fill('1');
    // With only the transit criterion, every composite is the transit score, ranked from the top.
    await page.waitForFunction(() =>
      [...document.querySelectorAll('[data-testid="ranking-table"] .scorebar')].every((e) => Math.abs(Number(e.getAttribute('data-composite')) - Number(e.getAttribute('data-transit'))) < 1e-9),
    );
    const after = await rowIds(page);
    expect([...after].sort()).toEqual([...before].sort());
    const composites = (await bars()).map(([c]) => c);
    expect([...composites].sort((a, b) => b - a)).toEqual(composites);
    for (const k of ['reach', 'newReach', 'deprivation', 'travel', 'transit']) await page.locator(`[data-testid="weight-${k}"]`).fill(String({ reach: 0.15, newReach: 0.25, deprivation: 0.3, travel: 0.2, transit: 0.1 }[k]));
  });

  it('selecting a row highlights the site, the DeSO it reaches and the children it adds', async () => {
    // (Renaming selected k1 already; a click on a selected row would deselect it.)
    if (!(await page.$('[data-testid="ranking-table"] tbody tr.selected[data-id="k1"]'))) await page.click('[data-testid="ranking-table"] tbody tr[data-id="k1"] td:nth-child(3)');
    await page.waitForSelector('[data-testid="score-detail"]:has-text("Säter vårdcentrum")');
    await page.waitForFunction(() => {
      const m = window.__planner!.map;
      const f = m.getFilter('reach-deso-line') as unknown[];
      return Array.isArray(f) && JSON.stringify(f).includes('2082');
    });
    const added = await page.evaluate(() => window.__planner!.map.queryRenderedFeatures({ layers: ['added-grid'] }).filter((f) => window.__planner!.map.getFeatureState({ source: 'grid', id: f.id as string }).added).length);
    expect(added).toBeGreaterThan(0);
  });

  it('compares two candidates side by side; what each adds equals its new reach', async () => {
    await page.click('[data-testid="compare-k1"]');
    await page.click('[data-testid="compare-hc-sarna"]');
    // The comparison opens as a drawer over the map.
    await page.click('[data-testid="compare-open"]');
    await page.waitForSelector('[data-testid="compare-kommun"]');
    const headers = await page.$$eval('[data-testid="compare-table"] thead th .col-name', (els) => els.map((e) => e.textContent));
    expect(headers).toEqual(['Säter vårdcentrum', 'Vårdcentral Särna']);
    const rows = await page.$$eval('[data-testid="compare-table"] tbody tr th .row-label', (els) => els.map((e) => e.textContent));
    expect(rows).toEqual(expect.arrayContaining(['Samlad poäng', 'Nya inom tröskeln', 'Andel ny räckvidd i områdestyp 1–2', 'Vårdvalstillägg per år (kr)']));
    const newReach = await page.$$eval('[data-testid="compare-table"] tbody tr[data-row="newReach"] td .value', (els) => els.map((d) => d.textContent));
    expect(await page.textContent('[data-testid="compare-adds-k1"]')).toBe(`+${newReach[0]}`);
    expect(await page.textContent('[data-testid="compare-adds-hc-sarna"]')).toBe(`+${newReach[1]}`);
    expect(await page.textContent('[data-testid="compare-kommun"]')).toContain('Säter');
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid="compare"]', { state: 'detached' });
  });
});

describe('scenarios', () => {
  it('autosaves: a reload restores the candidates, names and parameters', async () => {
    await page.click('[data-testid="tab-scenarios"]');
    await page.fill('[data-testid="scenario-name"]', 'Södra Dalarna');
    await page.click('[data-testid="tab-candidates"]');
    await page.locator('[data-testid="rank-threshold"]').fill('25');
    const ids = await candidateIds(page);
    await page.reload();
    await page.waitForSelector('[data-map-ready="true"]');
    await page.click('[data-testid="tab-candidates"]');
    expect(await candidateIds(page)).toEqual(ids);
    expect(await page.textContent('[data-testid="rank-threshold-value"]')).toBe('25');
    expect(await page.inputValue('[data-testid="rename-k1"]')).toBe('Säter vårdcentrum');
    await page.click('[data-testid="tab-scenarios"]');
    expect(await page.inputValue('[data-testid="scenario-name"]')).toBe('Södra Dalarna');
  });

  it('new, duplicate, rename, switch and delete', async () => {
    await page.click('[data-testid="scenario-duplicate"]');
    expect(await page.inputValue('[data-testid="scenario-name"]')).toBe('Kopia av Södra Dalarna');
    await page.fill('[data-testid="scenario-name"]', 'Variant B');
    await page.click('[data-testid="scenario-new"]');
    const names = await page.$$eval('[data-testid="scenario-list"] li label', (els) => els.map((e) => e.textContent?.trim()));
    expect(names).toEqual(['Scenario 3', 'Södra Dalarna', 'Variant B']);
    await page.click('[data-testid="tab-candidates"]');
    expect(await candidateIds(page)).toEqual([]);
    await page.click('[data-testid="tab-scenarios"]');
    await page.click('[data-testid="scenario-Variant B"]');
    await page.click('[data-testid="tab-candidates"]');
    expect((await candidateIds(page)).length).toBeGreaterThan(3);
    await page.click('[data-testid="tab-scenarios"]');
    await page.click('[data-testid="scenario-delete-Scenario 3"]');
    await page.click('[data-testid="scenario-delete-confirm"]');
    expect(await page.$$eval('[data-testid="scenario-list"] li label', (els) => els.map((e) => e.textContent?.trim()))).toEqual(['Södra Dalarna', 'Variant B']);
    await page.click('[data-testid="scenario-Södra Dalarna"]');
  });

  it('exports as versioned JSON and imports it back; an older version still opens', async () => {
    // Switching scenario brought back Södra Dalarna's last tab (Kandidater).
    await page.click('[data-testid="tab-scenarios"]');
    const f = await download(page, 'scenario-export');
    expect(f.name).toMatch(/^sodra-dalarna_scenario_\d{4}-\d{2}-\d{2}\.json$/);
    const doc = JSON.parse(f.text);
    expect(doc).toMatchObject({ format: 'familjecentralsplaneraren/scenario', version: 2, name: 'Södra Dalarna' });
    expect(doc.params.thresholdMinutes).toBe(25);
    await page.setInputFiles('[data-testid="scenario-file"]', { name: 'v1.json', mimeType: 'application/json', buffer: readFileSync('test/fixtures/scenario-v1.json') });
    await page.waitForSelector('[data-testid="scenario-message"]');
    expect(await page.textContent('[data-testid="scenario-message"]')).toContain('version 1');
    expect(await page.inputValue('[data-testid="scenario-name"]')).toBe('Gammalt scenario från v1');
    await page.click('[data-testid="tab-candidates"]');
    expect(await candidateIds(page)).toEqual(['v1-a', 'v1-b']);
    expect(await page.textContent('[data-testid="rank-threshold-value"]')).toBe('25');
    await page.click('[data-testid="tab-scenarios"]');
    await page.setInputFiles('[data-testid="scenario-file"]', { name: 'fel.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"annat"}') });
    await page.waitForSelector('[data-testid="scenario-report"]');
    expect(await page.textContent('[data-testid="scenario-report"]')).toContain('ingen scenariofil');
    await page.click('[data-testid="scenario-Södra Dalarna"]');
  });

  it('a share link reproduces the scenario in a fresh browser', async () => {
    await page.click('[data-testid="tab-scenarios"]');
    await page.click('[data-testid="scenario-share"]');
    const link = await page.inputValue('[data-testid="share-link"]');
    expect(link).toContain('#s=');
    const other = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    const p2 = await other.newPage();
    await p2.goto(link);
    await p2.waitForSelector('[data-map-ready="true"]');
    expect(await p2.textContent('[data-testid="scenario-message"]')).toContain('Södra Dalarna');
    await p2.click('[data-testid="tab-candidates"]');
    expect(await candidateIds(p2)).toEqual(await candidateIds(page));
    expect(await p2.textContent('[data-testid="rank-threshold-value"]')).toBe('25');
    expect(p2.url()).not.toContain('#s=');
    await other.close();
  });
});

describe('exports', () => {
  const today = new Date();
  const date = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
  beforeAll(async () => {
    await page.click('[data-testid="tab-scenarios"]');
    await page.waitForSelector('[data-testid="export-ranking-std"]:not([disabled])');
  });

  it('coverage per kommun in both CSV dialects, with parameters and data years', async () => {
    const std = await download(page, 'export-coverage-std');
    expect(std.name).toBe(`sodra-dalarna_tackning-std_${date}.csv`);
    const rows = Papa.parse<Record<string, string>>(std.text, { header: true, comments: '#', skipEmptyLines: true }).data;
    // With candidates: today's 16 rows, then the proposal's 16, each labelled.
    expect(rows).toHaveLength(32);
    expect(rows.slice(0, 16).every((r) => r.site_set === 'today')).toBe(true);
    expect(rows.slice(16).every((r) => r.site_set === 'proposal')).toBe(true);
    // Today does not depend on the candidates: it equals the CLI's today for the same parameters.
    expect(rows.slice(0, 16)).toEqual(cliRows(['--threshold', '25']));
    expect(Number(rows[31].covered_children)).toBeGreaterThan(Number(rows[15].covered_children));
    expect(std.text).toContain('# Scenario: Södra Dalarna');
    expect(std.text).toContain('# Platser som räknas: I dag: befintliga familjecentraler');
    expect(std.text).toMatch(/# Platser som räknas: Förslaget: i dag \+ \d+ kandidatplatser/);
    expect(std.text).toContain('# Tröskel: 25 min');
    expect(std.text).toContain('SCB TAB6574 31 dec 2025');
    const sv = await download(page, 'export-coverage-sv');
    expect(sv.name).toBe(`sodra-dalarna_tackning-excel_${date}.csv`);
    expect([...sv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(sv.text).toContain(`\r\ntoday;20;Dalarnas län;${rows[15].children_0_6.replace('.', ',')};`);
  });

  it('candidate ranking CSV', async () => {
    const f = await download(page, 'export-ranking-sv');
    const rows = Papa.parse<Record<string, string>>(f.text.replace(/^\ufeff/, ''), { header: true, comments: '#', skipEmptyLines: true, delimiter: ';' }).data;
    expect(rows.map((r) => r.id).sort()).toEqual((await candidateIds(page)).sort());
    expect(rows.length).toBeGreaterThan(3);
    expect(f.name).toBe(`sodra-dalarna_rangordning-excel_${date}.csv`);
    expect(rows[0].rank).toBe('1');
    expect(f.text).toContain('# Kriterievikter');
  });

  it('GeoJSON of sites in WGS84 and SWEREF 99 TM, and per-DeSO results', async () => {
    const w = JSON.parse((await download(page, 'export-sites')).text);
    expect(w.type).toBe('FeatureCollection');
    expect(w.metadata.scenario).toBe('Södra Dalarna');
    const fc = w.features.filter((f: { properties: { status: string } }) => f.properties.status === 'existing');
    expect(fc).toHaveLength(9);
    // Every family centre is listed (planned, intent and family units too) with what each set counts.
    expect(w.features.filter((f: { properties: { status: string } }) => f.properties.status !== 'candidate')).toHaveLength(15);
    expect(fc.every((f: { properties: { counted_today: boolean; counted_proposal: boolean } }) => f.properties.counted_today && f.properties.counted_proposal)).toBe(true);
    const k1 = w.features.find((f: { properties: { id: string } }) => f.properties.id === 'k1');
    expect(k1.geometry.coordinates[1]).toBeCloseTo(60.35, 2);
    await page.click('[data-testid="crs-sweref"]');
    const s = await download(page, 'export-sites');
    expect(s.name).toBe(`sodra-dalarna_platser-sweref99tm_${date}.geojson`);
    const sj = JSON.parse(s.text);
    expect(sj.crs.properties.name).toBe('urn:ogc:def:crs:EPSG::3006');
    const k1s = sj.features.find((f: { properties: { id: string } }) => f.properties.id === 'k1');
    expect(k1s.geometry.coordinates[1]).toBeGreaterThan(6_600_000); // northing
    expect(k1s.geometry.coordinates[0]).toBeGreaterThan(500_000); // easting east of 15°E
    const d = JSON.parse((await download(page, 'export-deso')).text);
    expect(d.features).toHaveLength(175);
    const sum = d.features.reduce((a: number, f: { properties: { children_0_6_estimated: number } }) => a + f.properties.children_0_6_estimated, 0);
    expect(sum.toFixed(1)).toBe(cliRows(['--threshold', '25'])[15].children_0_6);
    expect(Object.keys(d.features[0].properties)).toEqual(
      expect.arrayContaining(['deso_code', 'coverage_pct_today', 'mean_minutes_today', 'main_site_id_today', 'coverage_pct_proposal', 'main_site_id_proposal']),
    );
  });

  it('a PNG of the map with its legend', async () => {
    const f = await download(page, 'export-png');
    expect(f.name).toBe(`sodra-dalarna_karta_${date}.png`);
    expect([...f.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // områdestyp 4 fill (75 % over the land colour) and the legend's gap-outline colour
    const info = await pngInfo(page, f.bytes, ['#fbd7a5', '#d4006a']);
    expect(info.w).toBeGreaterThan(1000);
    expect(info.distinct).toBeGreaterThan(50);
    expect(info.hits[0]).toBeGreaterThan(300);
    expect(info.hits[1]).toBeGreaterThan(10);
  });

  it('nothing left localhost', () => {
    expect(requests.filter((u) => !isLocal(u))).toEqual([]);
  });
});
