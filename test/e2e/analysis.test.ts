import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import Papa from 'papaparse';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runCli } from '../../src/cli/main';
import { launchBrowser, openApp, renderedCount } from './browser';

const baseUrl = inject('baseUrl');
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await openApp(page, baseUrl);
  await page.click('[data-testid="tab-coverage"]');
});

afterAll(async () => {
  await browser?.close();
});

/** The county row of the CLI's coverage CSV (today) for the given options. */
function cliTotal(args: string[]): Record<string, string> {
  let out = '';
  const code = runCli(['coverage', ...args], { out: (s) => (out += s), err: () => undefined, readFile: (p) => new Uint8Array(readFileSync(p)) });
  expect(code).toBe(0);
  const rows = Papa.parse<Record<string, string>>(out, { header: true, skipEmptyLines: true, comments: '#' }).data;
  return rows.find((r) => r.kommun_code === '20' && r.site_set === 'today')!;
}

/** Waits for the live analysis to settle and returns today's county figure the app shows. */
async function appTotal(): Promise<{ pct: number; covered: string }> {
  const el = await page.waitForSelector('[data-testid="coverage-results"][data-status="idle"]', { timeout: 30_000, state: 'attached' });
  return { pct: Number(await el.getAttribute('data-today-pct')), covered: (await page.textContent('[data-testid="figure-covered-today"]')) ?? '' };
}

/** "14 406 / 18 890" → the CLI's covered_children rounded the same way. */
const sv0 = (x: string) => new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 0 }).format(Number(x));

describe('live coverage in the app', () => {
  it('shows the county coverage, the same as the CLI for the default scenario', async () => {
    const app = await appTotal();
    const cli = cliTotal([]);
    expect(app.pct.toFixed(1)).toBe(cli.coverage_pct);
    expect(app.covered).toBe(`${sv0(cli.covered_children)} / ${sv0(cli.children_0_6)}`);
    expect(await page.textContent('[data-testid="figure-within-today"]')).toBe(`${cli.coverage_pct.replace('.', ',')}\u00a0%`);
    // Without candidates there is only today, and it says so.
    expect(await page.$('[data-testid="figure-within-proposal"]')).toBeNull();
    expect(await page.textContent('[data-testid="sites-counted"]')).toBe('Platser som räknas: I dag: befintliga familjecentraler');
  });

  it('flags kommuner with their reasons, on the map and in the table', async () => {
    const reasons = (await page.textContent('[data-testid="gap-reasons"]')) ?? '';
    expect(reasons).toContain('Vansbro: Ingen familjecentral i dag (1 med avsiktsförklaring räknas inte)');
    expect(reasons).toContain('Smedjebacken: Ingen familjecentral i dag (1 planerad räknas inte)');
    expect(reasons).toContain('Orsa: Ingen familjecentral i dag (har en familjeenhet)');
    expect(await page.textContent('[data-testid="figure-without-today"]')).toBe('7');
    expect(await renderedCount(page, 'gap-line')).toBeGreaterThan(0);
    expect(await page.$$eval('.kommun-label.gap', (els) => els.map((e) => e.textContent).sort())).toEqual(
      ['Hedemora', 'Malung-Sälen', 'Orsa', 'Smedjebacken', 'Säter', 'Vansbro', 'Älvdalen'],
    );
    // Table rows are in Swedish alphabetical order: Ä after V.
    const names = await page.$$eval('[data-testid="kommun-table"] tbody tr[data-kommun] td:first-child', (els) => els.map((e) => e.textContent));
    expect(names[0]).toBe('Avesta');
    expect(names.slice(-2)).toEqual(['Vansbro', 'Älvdalen']);
  });

  it('the road network is the default model: flags where the graph is thin, editable speeds, comparison with the modelled road', async () => {
    expect(await page.inputValue('[data-testid="travel-model"]')).toBe('network');
    const flags = (await page.textContent('[data-testid="network-flags"]')) ?? '';
    expect(flags).toContain('barn bor mer än 2 km från en väg i grafen');
    expect(flags).toContain('mer än 1,8 × fågelvägen');
    // The comparison: network beside modelled road, each equal to the CLI.
    await page.click('[data-testid="model-comparison"] summary');
    await page.click('[data-testid="compare-models"]');
    const county = await page.waitForSelector('[data-testid="model-comparison-table"] tr[data-kommun="20"]');
    const cells = await county.$$eval('td', (els) => els.map((e) => e.textContent));
    expect(cells[1]).toBe(`${cliTotal([]).coverage_pct.replace('.', ',')} %`);
    expect(cells[2]).toBe(`${cliTotal(['--travel', 'road']).coverage_pct.replace('.', ',')} %`);
    // A slower speed setting recomputes on the network and agrees with the CLI's flag.
    await page.click('[data-testid="network-params"] summary');
    await page.fill('[data-testid="network-speedFactor"]', '0.5');
    const slow = cliTotal(['--speed-factor', '0.5']);
    await page.waitForFunction((want) => document.querySelector('[data-testid="coverage-results"][data-status="idle"]')?.getAttribute('data-today-pct')?.startsWith(want), String(Math.floor(Number(slow.coverage_pct))));
    expect((await appTotal()).pct.toFixed(1)).toBe(slow.coverage_pct);
    await page.fill('[data-testid="network-speedFactor"]', '0.85');
    await page.waitForFunction((want) => Number(document.querySelector('[data-testid="coverage-results"][data-status="idle"]')?.getAttribute('data-today-pct')).toFixed(1) === want, cliTotal([]).coverage_pct);
  });

  it('draws travel time to the nearest family centre per grid cell', async () => {
    expect(await renderedCount(page, 'access-grid')).toBe(0);
    await page.click('[data-testid="tab-map"]');
    await page.click('[data-testid="toggle-access"]');
    await page.click('[data-testid="tab-coverage"]');
    expect(await renderedCount(page, 'access-grid')).toBeGreaterThan(500);
    // One area fill at a time: the travel times replace områdestyp.
    expect(await renderedCount(page, 'regso-fill')).toBe(0);
    const state = await page.evaluate(() => {
      const m = window.__planner!.map;
      const f = m.queryRenderedFeatures({ layers: ['access-grid'] })[0];
      return m.getFeatureState({ source: 'grid', id: f.id as string });
    });
    expect(state.minutes).toBeGreaterThan(0);
  });

  it('a new threshold recomputes and still agrees with the CLI', async () => {
    await page.locator('[data-testid="threshold"]').fill('30');
    await page.waitForFunction(() => document.querySelector('[data-testid="threshold-value"]')?.textContent === '30');
    await page.waitForFunction(() => document.querySelector('[data-testid="key-figure-table"]')?.textContent?.includes('Inom 30 min'));
    const app = await appTotal();
    expect(app.pct.toFixed(1)).toBe(cliTotal(['--threshold', '30']).coverage_pct);
  });

  it('DeSO demand, planned centres and straight-line travel agree with the CLI', async () => {
    await page.click('[data-testid="demand-deso"]');
    await page.click('[data-testid="include-planned"]');
    await page.selectOption('[data-testid="travel-model"]', 'straight');
    await page.waitForFunction(() => document.querySelector('[data-testid="coverage-results"]')?.textContent?.includes('Fågelvägen'));
    const app = await appTotal();
    const cli = cliTotal(['--threshold', '30', '--demand', 'deso', '--include', 'existing,planned', '--travel', 'straight']);
    expect(app.pct.toFixed(1)).toBe(cli.coverage_pct);
    expect(app.covered).toBe(`${sv0(cli.covered_children)} / ${sv0(cli.children_0_6)}`);
    expect(await page.textContent('[data-testid="sites-counted"]')).toBe('Platser som räknas: I dag: befintliga familjecentraler + planerade');
    expect(await renderedCount(page, 'access-deso')).toBeGreaterThan(20);
  });

  it('an imported matrix drives the coverage; missing pairs are reported, not filled', async () => {
    const demand = JSON.parse(readFileSync(resolve(process.env.FCP_DIST ?? 'dist', 'data/demand.json'), 'utf8')) as { deso: { id: string }[] };
    const fc = JSON.parse(readFileSync(resolve(process.env.FCP_DIST ?? 'dist', 'data/family-centres.json'), 'utf8')) as { id: string; status: string }[];
    const sites = fc.filter((f) => f.status === 'existing' || f.status === 'planned').map((f) => f.id);
    // Every pair 12 minutes, except that the first DeSO is missing entirely.
    const lines = ['origin_id;destination_id;minutes;km', ...demand.deso.slice(1).flatMap((u) => sites.map((s) => `${u.id};${s};12,0;9,5`))];
    await page.selectOption('[data-testid="travel-model"]', 'matrix');
    // No matrix yet: no result rather than the previous model's figures.
    await page.waitForSelector('[data-testid="no-result"]');
    expect(await page.$('[data-testid="coverage-results"]')).toBeNull();
    // …and nothing stale can be exported under this scenario's name.
    expect(await page.isDisabled('[data-testid="export-coverage-std"]')).toBe(true);
    expect(await page.isDisabled('[data-testid="export-png"]')).toBe(true);
    await page.setInputFiles('[data-testid="matrix-file"]', { name: 'restider.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\r\n')) });
    await page.waitForSelector('[data-testid="matrix-report"]');
    expect(await page.textContent('[data-testid="matrix-report"]')).toContain(demand.deso[0].id);
    await page.waitForFunction(() => document.querySelector('[data-testid="coverage-results"]')?.textContent?.includes('restider.csv'));
    const app = await appTotal();
    expect(app.pct).toBeLessThan(100);
    expect(app.pct).toBeGreaterThan(99);
    expect(await page.textContent('[data-testid="coverage-results"]')).toContain('par saknas i matrisen');
    expect(await page.textContent('[data-testid="coverage-results"]')).toContain('Barn utan nåbar familjecentral');
  });
});
