import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, openApp } from './browser';

/**
 * Issue 12, item 9 (working comfort), end to end at 1280×720: file imports and the candidate
 * search work from the keyboard; four candidates compare in a wide drawer with nothing off screen
 * and the best value of a row marked where the app's own ranking says it is; the tab and the map
 * view are remembered per scenario, over a switch and a reload.
 */
const baseUrl = inject('baseUrl');
let browser: Browser;
let ctx: BrowserContext;
let page: Page;
const W = 1280;
const H = 720;

beforeAll(async () => {
  browser = await launchBrowser();
  ctx = await browser.newContext({ viewport: { width: W, height: H } });
  page = await ctx.newPage();
  // File dialogs are intercepted from the start (enabling it lazily races the first key press).
  page.on('filechooser', () => undefined);
  await openApp(page, baseUrl);
});

afterAll(async () => {
  await browser?.close();
});

/** The test id of the focused element. */
const focusedId = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName ?? null);
const candidateIds = () => page.$$eval('[data-testid="candidate-table"] tr[data-candidate]', (tr) => tr.map((x) => x.getAttribute('data-candidate')!));

describe('keyboard', () => {
  it('Tab reaches the candidate CSV button; Enter opens the file dialog; the chosen file is imported', async () => {
    await page.click('[data-testid="tab-candidates"]');
    // Start from the search box and walk forward with Tab only.
    await page.focus('[data-testid="candidate-search"]');
    let steps = 0;
    while ((await focusedId()) !== 'candidate-file-button' && steps < 10) {
      await page.keyboard.press('Tab');
      steps++;
    }
    expect(await focusedId()).toBe('candidate-file-button');
    // The button has the label and a visible focus ring (3 px solid outline under :focus-visible).
    const ring = await page.$eval('[data-testid="candidate-file-button"]', (b) => ({ text: b.textContent, visible: b.matches(':focus-visible'), style: getComputedStyle(b).outlineStyle, width: getComputedStyle(b).outlineWidth }));
    expect(ring).toEqual({ text: 'Importera kandidater (CSV)', visible: true, style: 'solid', width: '3px' });
    const [chooser] = await Promise.all([page.waitForEvent('filechooser', { timeout: 5000 }), page.keyboard.press('Enter')]);
    expect(chooser.isMultiple()).toBe(false);
    await chooser.setFiles('test/fixtures/candidates-wgs84.csv');
    await page.waitForSelector('[data-testid="candidate-message"]');
    expect(await candidateIds()).toEqual(['cand-alvdalen', 'cand-sater', 'cand-hedemora']);
  });

  it('every file import is a focusable button that opens a file dialog; the native input is out of the tab order', async () => {
    // The scenario JSON (Scenarios tab) and the listing CSV (Map tab); Space works like Enter.
    for (const [tab, id] of [['scenarios', 'scenario-file'], ['map', 'listing-file']] as const) {
      await page.click(`[data-testid="tab-${tab}"]`);
      const info = await page.$eval(`[data-testid="${id}"]`, (input) => ({ inputTab: (input as HTMLInputElement).tabIndex, hidden: (input as HTMLInputElement).hidden }));
      expect(info).toEqual({ inputTab: -1, hidden: true });
      await page.focus(`[data-testid="${id}-button"]`);
      expect(await page.$eval(`[data-testid="${id}-button"]`, (b) => (b as HTMLButtonElement).tabIndex)).toBe(0);
      const [chooser] = await Promise.all([page.waitForEvent('filechooser', { timeout: 5000 }), page.keyboard.press('Space')]);
      expect(await chooser.element().getAttribute('data-testid')).toBe(id);
    }
    // The travel-time matrix and the forecast CSV (Täckning; shown for the matrix model and the
    // imported forecast), the scenario's settings put back afterwards.
    await page.click('[data-testid="tab-coverage"]');
    const model = await page.inputValue('[data-testid="travel-model"]');
    const source = await page.$eval('[data-testid^="projection-source-"]:checked', (r) => r.getAttribute('data-testid')!);
    await page.selectOption('[data-testid="travel-model"]', 'matrix');
    await page.click('[data-testid="projection-source-imported"]');
    for (const id of ['matrix-file', 'forecast-file']) {
      await page.focus(`[data-testid="${id}-button"]`);
      expect(await focusedId()).toBe(`${id}-button`);
      expect(await page.$eval(`[data-testid="${id}"]`, (input) => (input as HTMLInputElement).tabIndex)).toBe(-1);
      const [chooser] = await Promise.all([page.waitForEvent('filechooser', { timeout: 5000 }), page.keyboard.press('Enter')]);
      expect(await chooser.element().getAttribute('data-testid')).toBe(id);
    }
    await page.selectOption('[data-testid="travel-model"]', model);
    await page.click(`[data-testid="${source}"]`);
    await page.click('[data-testid="tab-candidates"]');
  });

  it('search: type "Sät", ArrowDown highlights the first hit (combobox), Enter adds it, Esc clears', async () => {
    await page.focus('[data-testid="candidate-search"]');
    await page.keyboard.type('Sät');
    await page.waitForSelector('[data-testid="search-hits"] [role="option"]');
    const box = '[data-testid="candidate-search"]';
    expect(await page.getAttribute(box, 'role')).toBe('combobox');
    expect(await page.getAttribute(box, 'aria-expanded')).toBe('true');
    expect(await page.getAttribute('[data-testid="search-hits"]', 'role')).toBe('listbox');
    expect(await page.getAttribute(box, 'aria-activedescendant')).toBeNull();
    const hits = await page.$$eval('[data-testid="search-hits"] [role="option"]', (li) => li.map((x) => ({ id: x.id, hit: x.getAttribute('data-hit'), text: x.textContent })));
    expect(hits.length).toBeGreaterThan(1);
    for (const h of hits) expect(h.text).toMatch(/sät/i);
    await page.keyboard.press('ArrowDown');
    expect(await page.getAttribute(box, 'aria-activedescendant')).toBe(hits[0].id);
    await page.keyboard.press('ArrowDown');
    expect(await page.getAttribute(box, 'aria-activedescendant')).toBe(hits[1].id);
    await page.keyboard.press('ArrowUp');
    expect(await page.getAttribute(box, 'aria-activedescendant')).toBe(hits[0].id);
    expect(await page.getAttribute(`[id="${hits[0].id}"]`, 'aria-selected')).toBe('true');
    expect(await page.getAttribute(`[id="${hits[1].id}"]`, 'aria-selected')).toBe('false');
    // The focus never left the search box.
    expect(await focusedId()).toBe('candidate-search');
    const before = await candidateIds();
    expect(before).not.toContain(hits[0].hit);
    await page.keyboard.press('Enter');
    await page.waitForSelector(`[data-testid="candidate-table"] tr[data-candidate="${hits[0].hit}"]`);
    expect(await candidateIds()).toEqual([...before, hits[0].hit]);
    expect(await page.getAttribute(`[id="${hits[0].id}"]`, 'aria-disabled')).toBe('true');
    await page.keyboard.press('Escape');
    expect(await page.inputValue(box)).toBe('');
    expect(await page.getAttribute(box, 'aria-expanded')).toBe('false');
  });
});

describe('comparison drawer', () => {
  const LONG_NAME = 'Naglarby, Lisselhaga och Storhaga vid Säterdalen';
  it('four candidates at 1280×720: every column inside the viewport, the best marked where the ranking says', async () => {
    const ids = await candidateIds();
    expect(ids).toHaveLength(4);
    await page.waitForSelector('[data-testid="ranking-table"][data-status="idle"]');
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="ranking-table"] tbody tr[data-id]').length === n, ids.length);
    // A long name (as grid points and tätorter get) must wrap within its column.
    await page.fill(`[data-testid="rename-${ids[3]}"]`, LONG_NAME);
    await page.waitForSelector(`[data-testid="ranking-table"] tbody tr[data-id="${ids[3]}"]:has-text("${LONG_NAME}")`);
    for (const id of ids) await page.click(`[data-testid="compare-${id}"]`);
    // The app's own ranking: # (rank: 1 = highest composite) and "Nya inom tröskeln" per candidate.
    const ranking = await page.$$eval('[data-testid="ranking-table"] tbody tr[data-id]', (rows) =>
      rows.map((r) => ({ id: r.getAttribute('data-id')!, rank: Number(r.children[1].textContent), newReach: Number((r.children[4].textContent ?? '').replace(/\D/g, '')) })),
    );
    const byId = new Map(ranking.map((r) => [r.id, r]));
    const bestRank = Math.min(...ids.map((id) => byId.get(id)!.rank));
    const expectedComposite = ids.filter((id) => byId.get(id)!.rank === bestRank);
    const maxNew = Math.max(...ids.map((id) => byId.get(id)!.newReach));
    const expectedNew = ids.filter((id) => byId.get(id)!.newReach === maxNew);
    // Not a degenerate row: somebody is better than somebody else.
    expect(expectedNew.length).toBeLessThan(ids.length);

    await page.focus('[data-testid="compare-open"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('dialog[data-testid="compare"][open] [data-testid="compare-table"]');
    expect(await focusedId()).toBe('compare-close');
    const layout = await page.evaluate(() => {
      const box = (e: Element) => {
        const r = e.getBoundingClientRect();
        return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
      };
      const d = document.querySelector('dialog[data-testid="compare"]')!;
      const body = d.querySelector('.compare-drawer-body')!;
      return {
        drawer: box(d),
        columns: [...d.querySelectorAll('[data-testid="compare-table"] thead th[data-col]')].map((th) => ({
          id: th.getAttribute('data-col'),
          name: th.querySelector('.col-name')!.textContent,
          ...box(th),
          spill: Math.max(...[...th.children].map((c) => c.getBoundingClientRect().right)) - th.getBoundingClientRect().right,
        })),
        cells: [...d.querySelectorAll('[data-testid="compare-table"] td, [data-testid="compare-table"] th')].map(box),
        horizontalOverflow: body.scrollWidth - body.clientWidth,
      };
    });
    // The drawer is min(90vw, 1100px) = min(1152, 1100) = 1100 px wide, on the right.
    expect(layout.drawer.right - layout.drawer.left).toBeCloseTo(1100, 0);
    expect(layout.drawer.right).toBeLessThanOrEqual(W);
    expect(layout.columns.map((c) => c.id)).toEqual(ids);
    expect(layout.columns[3].name).toBe(LONG_NAME);
    for (const c of layout.columns) {
      expect(c.left).toBeGreaterThanOrEqual(0);
      expect(c.right).toBeLessThanOrEqual(W);
      expect(c.top).toBeGreaterThanOrEqual(0);
      expect(c.bottom).toBeLessThanOrEqual(H);
      // A long name wraps inside its column instead of running into the next one.
      expect(c.spill).toBeLessThanOrEqual(0);
    }
    // Every cell of the table is within the viewport's width, and nothing scrolls sideways.
    for (const c of layout.cells) {
      expect(c.left).toBeGreaterThanOrEqual(0);
      expect(c.right).toBeLessThanOrEqual(W);
    }
    expect(layout.horizontalOverflow).toBeLessThanOrEqual(0);

    const marked = (row: string) =>
      page.$$eval(`[data-testid="compare-table"] tr[data-row="${row}"] td`, (tds) => tds.map((td) => ({ best: td.getAttribute('data-best') === 'true', bold: !!td.querySelector('strong.value'), mark: td.querySelector('.best-mark')?.textContent ?? null })));
    for (const [row, expected] of [['composite', expectedComposite], ['newReach', expectedNew]] as const) {
      const cells = await marked(row);
      expect(cells.map((c) => c.best)).toEqual(ids.map((id) => expected.includes(id)));
      for (const c of cells) {
        expect(c.bold).toBe(c.best);
        expect(c.mark).toBe(c.best ? 'bäst' : null);
      }
    }
    // The row says which way is better (the marker is not colour alone).
    expect(await page.textContent('[data-testid="compare-table"] tr[data-row="walk"] th .row-better')).toBe('lägre är bättre');
    expect(await page.textContent('[data-testid="compare-table"] tr[data-row="newReach"] th .row-better')).toBe('högre är bättre');
  });

  it('keeps the focus inside while open; Esc closes it and the focus returns to the opener', async () => {
    const inside = () => page.evaluate(() => !!document.activeElement?.closest('dialog[data-testid="compare"]'));
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Tab');
      expect(await inside()).toBe(true);
    }
    await page.focus('[data-testid="compare-close"]');
    await page.keyboard.press('Shift+Tab');
    expect(await inside()).toBe(true);
    expect(await focusedId()).not.toBe('compare-close');
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid="compare"]', { state: 'detached' });
    expect(await focusedId()).toBe('compare-open');
    // The close button closes it too.
    await page.keyboard.press('Enter');
    await page.waitForSelector('dialog[data-testid="compare"][open]');
    await page.click('[data-testid="compare-close"]');
    await page.waitForSelector('[data-testid="compare"]', { state: 'detached' });
    expect(await focusedId()).toBe('compare-open');
  });
});

describe('tab and map view per scenario', () => {
  const jump = (lon: number, lat: number, zoom: number) =>
    page.evaluate(
      async ([lon, lat, zoom]) => {
        const m = window.__planner!.map;
        const moved = new Promise<void>((r) => m.once('moveend', () => r()));
        m.jumpTo({ center: [lon, lat], zoom });
        await moved;
      },
      [lon, lat, zoom] as const,
    );
  const view = () =>
    page.evaluate(() => {
      const m = window.__planner!.map;
      return { lon: m.getCenter().lng, lat: m.getCenter().lat, zoom: m.getZoom() };
    });
  const activeTab = () => page.$eval('[role="tab"][aria-selected="true"]', (b) => b.getAttribute('data-testid'));
  const expectView = async (v: { lon: number; lat: number; zoom: number }) => {
    const got = await view();
    expect(got.lon).toBeCloseTo(v.lon, 3);
    expect(got.lat).toBeCloseTo(v.lat, 3);
    expect(got.zoom).toBeCloseTo(v.zoom, 3);
  };
  const VA = { lon: 15.43, lat: 60.49, zoom: 9.5 }; // Säter–Borlänge
  const VB = { lon: 14.04, lat: 61.23, zoom: 8 }; // Älvdalen

  it('two scenarios keep their own tab and view over switches and reloads', async () => {
    // Scenario A: Kandidater, view A.
    await page.click('[data-testid="tab-scenarios"]');
    await page.fill('[data-testid="scenario-name"]', 'Komfort A');
    await page.click('[data-testid="tab-candidates"]');
    await jump(VA.lon, VA.lat, VA.zoom);
    // Scenario B (new): Täckning, view B.
    await page.click('[data-testid="tab-scenarios"]');
    await page.click('[data-testid="scenario-new"]');
    await page.fill('[data-testid="scenario-name"]', 'Komfort B');
    await page.click('[data-testid="tab-coverage"]');
    await jump(VB.lon, VB.lat, VB.zoom);

    // Switch to A: its tab and view come back.
    await page.click('[data-testid="tab-scenarios"]');
    await page.check('[data-testid="scenario-Komfort A"]');
    expect(await activeTab()).toBe('tab-candidates');
    await expectView(VA);
    // Reload: A's tab and view.
    await page.reload();
    await page.waitForSelector('[data-map-ready="true"]', { timeout: 60_000 });
    expect(await activeTab()).toBe('tab-candidates');
    await expectView(VA);
    // Switch to B: Täckning and view B.
    await page.click('[data-testid="tab-scenarios"]');
    await page.check('[data-testid="scenario-Komfort B"]');
    expect(await activeTab()).toBe('tab-coverage');
    await expectView(VB);
    // Reload: B's tab and view.
    await page.reload();
    await page.waitForSelector('[data-map-ready="true"]', { timeout: 60_000 });
    expect(await activeTab()).toBe('tab-coverage');
    await expectView(VB);
    // And back to A once more after the reloads.
    await page.click('[data-testid="tab-scenarios"]');
    await page.check('[data-testid="scenario-Komfort A"]');
    expect(await activeTab()).toBe('tab-candidates');
    await expectView(VA);
    // Deleting the open scenario is no choice of where to work: the Scenarios tab stays.
    await page.click('[data-testid="tab-scenarios"]');
    await page.click('[data-testid="scenario-delete-Komfort A"]');
    await page.click('[data-testid="scenario-delete-confirm"]');
    expect(await page.inputValue('[data-testid="scenario-name"]')).not.toBe('Komfort A');
    expect(await activeTab()).toBe('tab-scenarios');
  });
});
