import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import highsLoader from 'highs';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/main';
import { readRawInputs } from '../../src/cli/rawInputs';
import { buildDataset } from '../../src/domain/dataset';
import { DEFAULT_PARAMS } from '../../src/domain/scenario';
import type { Site } from '../../src/domain/types';
import { OptimiseApi } from '../../src/worker/optimiseApi';
import { launchBrowser, openApp } from './browser';

/**
 * Issue 12, item 8 end to end: Föreslå explains each model — the county before (today) → after
 * (today + the suggested sites) in the model's own terms, equal to the CLI's `coverage` of the same
 * sites; and, at a short threshold, the demand no possible site reaches, with the LSCP target
 * capped at what can be reached instead of failing.
 */
const baseUrl = inject('baseUrl');
let browser: Browser;
let page: Page;
const ds = buildDataset(readRawInputs());
const api = new OptimiseApi(() => highsLoader(), async () => ds.roadGraph);
api.init({
  roadGraphUrl: 'road-graph.json',
  demand: ds.demand,
  familyCentres: ds.familyCentres,
  healthCentres: ds.healthCentres,
  tatorter: ds.tatorter.features.map((f) => ({ code: f.properties.tatort_code, name: f.properties.name, kommun_code: f.properties.kommun_code, lon: f.geometry.coordinates[0], lat: f.geometry.coordinates[1] })),
});
const dir = mkdtempSync(join(tmpdir(), 'fcp-suggest-'));

const sv0 = (x: number) => new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 0 }).format(x);
const sv1 = (x: number) => new Intl.NumberFormat('sv-SE', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(x);
const pct1 = (x: number) => new Intl.NumberFormat('sv-SE', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(x);

interface CliKommunRow {
  kommun_code: string;
  children_0_6: number;
  covered_children: number;
  coverage_pct: number;
  mean_minutes: number | null;
}
interface CliSet {
  kommuner: CliKommunRow[];
  demand: { id: string; children_0_6: number; minutes: number | null; covered: boolean }[];
}

/** The CLI's coverage JSON (today and the proposal) with the given sites as candidates. */
function cli(sites: readonly Site[], extra: string[] = []): { today: CliSet; proposal: CliSet } {
  const file = join(dir, `c${Math.random().toString(36).slice(2)}.csv`);
  writeFileSync(file, ['id,name,lat,lon', ...sites.map((s) => `${s.id},"${s.name}",${s.lat},${s.lon}`)].join('\n'));
  let out = '';
  const code = runCli(['coverage', '--candidates', file, '--format', 'json', ...extra], { out: (x) => (out += x), err: () => undefined, readFile: (p) => new Uint8Array(readFileSync(p)) });
  expect(code).toBe(0);
  return JSON.parse(out);
}
const county = (s: CliSet) => s.kommuner.find((r) => r.kommun_code === '20')!;
/** The longest minutes of a unit with children, as the CLI's demand rows give them. */
const longest = (s: CliSet) => Math.max(...s.demand.filter((u) => u.children_0_6 > 0 && u.minutes !== null).map((u) => u.minutes!));

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await openApp(page, baseUrl);
  await page.waitForSelector('[data-testid="coverage-results"][data-status="idle"]', { state: 'attached' });
  await page.click('[data-testid="tab-suggest"]');
  await page.selectOption('[data-testid="suggest-set"]', 'healthCentres');
  await page.fill('[data-testid="suggest-p"]', '2');
});

afterAll(async () => {
  await browser?.close();
});

async function solve(): Promise<string | null> {
  await page.click('[data-testid="suggest-run"]');
  const res = await page.waitForSelector('[data-testid="suggest-result"]', { timeout: 90_000 });
  return res.getAttribute('data-status');
}
const text = async (id: string) => (await page.textContent(`[data-testid="${id}"]`))?.trim();

describe("Föreslå explains each model's before → after, as the CLI counts the same sites", () => {
  for (const model of ['mclp', 'pmedian', 'pcenter'] as const) {
    it(model, async () => {
      await page.selectOption('[data-testid="suggest-model"]', model);
      expect(await solve()).toBe('optimal');
      const node = await api.optimise({ model, p: 2, candidateSet: 'healthCentres', plannerCandidates: [], params: DEFAULT_PARAMS, matrix: null, timeLimitS: 30 });
      const names = await page.$$eval('[data-testid="suggest-table"] tbody tr td:nth-child(2)', (els) => els.map((e) => e.textContent));
      expect(names).toEqual(node.suggested.map((s) => s.name));
      const { today, proposal } = cli(node.suggested);
      const [b, a] = [county(today), county(proposal)];

      // The model's own figure comes first and is marked as the model's objective.
      const own = { mclp: 'covered_children', pmedian: 'mean_minutes', pcenter: 'max_minutes' }[model];
      expect(await page.getAttribute('[data-testid="suggest-explain"]', 'data-measure')).toBe(own);
      expect(await page.$eval('[data-testid="suggest-explain"] dl > div', (row) => [row.getAttribute('data-measure'), row.querySelector('dt')!.textContent])).toEqual([
        own,
        expect.stringMatching(/\(modellens mål\)$/),
      ]);

      // Children within T: count and share, today → today + suggested (the CLI's county row).
      expect(await text('explain-covered_children-before')).toBe(`${sv0(b.covered_children)} barn (${pct1(b.covered_children / b.children_0_6)})`);
      expect(await text('explain-covered_children-after')).toMatch(new RegExp(`^${sv0(a.covered_children)} barn \\(${pct1(a.covered_children / a.children_0_6)}\\) \\(uppskattat; [+−]?[\\d,]+ procentenheter\\)$`));
      // The child-weighted mean minutes.
      expect(await text('explain-mean_minutes-before')).toBe(`${sv1(b.mean_minutes!)} min`);
      expect(await text('explain-mean_minutes-after')).toBe(`${sv1(a.mean_minutes!)} min`);
      // The longest trip, and where it starts (a place named from the nearest tätort, and its kommun).
      const place = /^\d+ km (N|NO|O|SO|S|SV|V|NV) om [A-ZÅÄÖ][^,]+, [A-ZÅÄÖ][-\wåäöÅÄÖ]+$|^i [A-ZÅÄÖ][^,]+, [A-ZÅÄÖ][-\wåäöÅÄÖ]+$/;
      for (const [side, set] of [['before', today], ['after', proposal]] as const) {
        const m = /^([\d,]+) min \((.+)\)$/.exec((await text(`explain-max_minutes-${side}`))!)!;
        expect(m[1]).toBe(sv1(longest(set)));
        expect(m[2]).toMatch(place);
      }
      // Each model's objective improves on today.
      if (model === 'mclp') expect(a.covered_children).toBeGreaterThan(b.covered_children);
      if (model === 'pmedian') expect(a.mean_minutes!).toBeLessThan(b.mean_minutes!);
      if (model === 'pcenter') expect(longest(proposal)).toBeLessThan(longest(today));

      // What each suggested site adds within T (marginal): the CLI with all of them minus without it.
      for (const [i, s] of node.suggested.entries()) {
        const without = cli(node.suggested.filter((x) => x.id !== s.id)).proposal;
        expect(await page.textContent(`[data-testid="suggest-table"] tbody tr:nth-child(${i + 1}) td:nth-child(4)`)).toBe(sv0(a.covered_children - county(without).covered_children));
      }
      // The year and the travel model the figures count.
      expect(await text('suggest-counted')).toMatch(/^Räknat på: Barn 0–6 år: 2025 \(skattning, SCB 31 dec 2025\)\. Vägnät \(/);
    });
  }
});

describe('demand no possible site reaches within a short threshold', () => {
  it('at 5 min: the children and rutor, as the CLI counts them with every possible site; LSCP at 100 % is capped and solved', async () => {
    await page.click('[data-testid="tab-coverage"]');
    await page.fill('[data-testid="threshold"]', '5');
    await page.waitForSelector('[data-testid="coverage-results"][data-status="idle"]', { state: 'attached', timeout: 60_000 });
    await page.click('[data-testid="tab-suggest"]');
    await page.selectOption('[data-testid="suggest-model"]', 'lscp');
    await page.fill('[data-testid="suggest-target"]', '100');
    expect(await solve()).toBe('optimal');

    // Every possible site open: today's and all 29 vårdcentraler, in the CLI at 5 min.
    const hcs: Site[] = ds.healthCentres.map((h) => ({ id: h.id, name: h.name, status: 'candidate', lon: h.lon, lat: h.lat, kommun_code: h.kommun_code }));
    const all = cli(hcs, ['--threshold', '5', '--sites', 'proposal']) as unknown as CliSet;
    const lost = all.demand.filter((u) => u.children_0_6 > 0 && !u.covered);
    const lostChildren = lost.reduce((s, u) => s + u.children_0_6, 0);
    expect(lost.length).toBeGreaterThan(0);

    const node = await api.optimise({ model: 'lscp', candidateSet: 'healthCentres', plannerCandidates: [], params: { ...DEFAULT_PARAMS, thresholdMinutes: 5 }, matrix: null, timeLimitS: 30 });
    expect(node.targetCap!.capped).toBe(true);
    const line = (await text('suggest-unreachable'))!;
    expect(line.startsWith(`${sv0(lostChildren)} barn i ${sv0(lost.length)} rutor når ingen möjlig plats inom 5 min (`)).toBe(true);
    expect(await text('suggest-cap')).toBe(`högst ${pct1(node.targetCap!.target)} kan nås, så målet sänktes från 100,0\u00a0% till ${pct1(node.targetCap!.target)}`);
    expect(line).toContain('Målet räknas med behovsvikten');
    expect(await page.getAttribute('[data-testid="suggest-unreachable"]', 'data-units')).toBe(String(lost.length));
    // The same cells are grey on the map (feature state of the grid source) and named in the legend.
    const marked = await page.evaluate((ids) => {
      const c = (window as unknown as { __planner: { map: { getFeatureState(f: { source: string; id: string }): { unreachable?: boolean } } } }).__planner;
      return ids.filter((id) => c.map.getFeatureState({ source: 'grid', id }).unreachable === true).length;
    }, lost.map((u) => u.id));
    expect(marked).toBe(lost.length);
    expect(await page.textContent('[data-testid="legend"]')).toContain('Områden som ingen möjlig plats når inom tröskeln');

    // Solved for the cap: every child some site can reach within 5 min is reached (the CLI's proposal of the suggested sites).
    const { proposal } = cli(node.suggested, ['--threshold', '5']);
    expect(county(proposal).covered_children).toBeCloseTo(county(all as unknown as CliSet).covered_children, 6);
    expect(await text('explain-covered_children-after')).toMatch(new RegExp(`^${sv0(county(proposal).covered_children)} barn `));
  });
});
