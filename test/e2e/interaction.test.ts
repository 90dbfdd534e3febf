import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openApp, recordRequests, isLocal, toPage } from './browser';

const baseUrl = inject('baseUrl');
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await openApp(page, baseUrl);
});

afterAll(async () => {
  await browser?.close();
});

async function popupText(): Promise<string> {
  await page.waitForSelector('.click-popup .popup', { timeout: 10_000 });
  return (await page.textContent('.click-popup .popup')) ?? '';
}

describe('hover and click', () => {
  it('hovering a health centre shows its name and modelled listing', async () => {
    // Vårdcentral Särna, far from other centres (health-centres.csv).
    const hc = await page.evaluate(() => window.__planner!.map.querySourceFeatures('health-centres').find((f) => f.properties.id === 'hc-sarna')?.geometry);
    expect(hc).toBeTruthy();
    const [lon, lat] = (hc as { coordinates: number[] }).coordinates;
    const { x, y } = await toPage(page, lon, lat);
    await page.mouse.move(x, y);
    await page.waitForSelector('.hover-popup .popup', { timeout: 10_000 });
    const text = (await page.textContent('.hover-popup .popup')) ?? '';
    expect(text).toContain('Särna');
    expect(text).toContain('Listade barn 0–6 år 2025');
    expect(text).toContain('modellerat');
    expect(text).toContain('Källa');
  });

  it('clicking a RegSO shows its områdestyp, population 2025 and source', async () => {
    await page.mouse.move(5, 5);
    // A point inside Vansbro kommun's rural west, away from facilities.
    const { x, y } = await toPage(page, 13.75, 60.45);
    await page.mouse.click(x, y);
    const text = await popupText();
    expect(text).toMatch(/Områdestyp 2023\d/);
    expect(text).toContain('Befolkning 2025');
    expect(text).toContain('uppskattat');
    expect(text).toContain('SCB');
    await page.click('.click-popup .maplibregl-popup-close-button');
  });

  it('the year switch recolours RegSO by the chosen year', async () => {
    const color = () => page.evaluate(() => JSON.stringify(window.__planner!.map.getPaintProperty('regso-fill', 'fill-color')));
    expect(await color()).toContain('omradestyp_2023');
    await page.click('[data-testid="ot-year-2022"]');
    expect(await color()).toContain('omradestyp_2022');
    expect(await page.textContent('[data-testid="legend"]')).toContain('Områdestyp 2022');
    await page.click('[data-testid="ot-year-2023"]');
  });

  it('switches the interface to English and back', async () => {
    await page.click('button.lang');
    expect(await page.textContent('h1')).toBe('Family centre planner');
    await page.click('button.lang');
    expect(await page.textContent('h1')).toBe('Familjecentralsplaneraren');
  });
});

describe('listing import', () => {
  const upload = (name: string, content: string | Buffer) =>
    page.setInputFiles('[data-testid="listing-file"]', { name, mimeType: 'text/csv', buffer: Buffer.isBuffer(content) ? content : Buffer.from(content) });
  const sarnaRadius = () =>
    page.evaluate(() => window.__planner!.map.querySourceFeatures('health-centres').find((f) => f.properties.id === 'hc-sarna')?.properties.listed_children_0_6);

  it('a clean Swedish Excel file is applied at once and relabels the centres', async () => {
    const before = await sarnaRadius();
    const csv = '\ufeffVårdcentral;År;Barn 0-6;Kvinnor 16-54\r\nVårdcentral Särna;2025;123;201\r\nhc-orsa;2025;456,0;\r\n';
    await upload('lista.csv', csv);
    await page.waitForSelector('[data-testid="listing-message"]');
    expect(await page.textContent('[data-testid="listing-message"]')).toContain('2 matchade rader (2025)');
    expect(await page.textContent('[data-testid="listing-message"]')).toContain('27 vårdcentraler saknas i filen');
    await page.evaluate(() => window.__planner!.whenIdle());
    expect(await sarnaRadius()).toBe(123);
    expect(before).not.toBe(123);
    expect(await page.textContent('[data-testid="legend"]')).toContain('importerat 2025');
  });

  it('a file with bad rows gives a row-level report and imports only after confirmation', async () => {
    const csv = 'health_centre_id,year,children_0_6\nhc-sarna,2025,77\nhc-finns-inte,2025,10\nhc-orsa,2025,ett tal\n';
    await upload('trasig.csv', csv);
    await page.waitForSelector('[data-testid="listing-report"]');
    const report = (await page.textContent('[data-testid="listing-report"]')) ?? '';
    expect(report).toContain('Rad 3');
    expect(report).toContain('hc-finns-inte');
    expect(report).toContain('Rad 4, kolumn children_0_6');
    // Nothing changed yet: the earlier import still holds.
    expect(await sarnaRadius()).toBe(123);
    await page.click('[data-testid="listing-confirm"]');
    await page.evaluate(() => window.__planner!.whenIdle());
    expect(await sarnaRadius()).toBe(77);
  });

  it('a binary file is refused in Swedish and nothing loaded is lost', async () => {
    await upload('bild.csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01]));
    await page.waitForSelector('[data-testid="listing-report"]');
    expect(await page.textContent('[data-testid="listing-report"]')).toContain('inte en textfil');
    expect(await sarnaRadius()).toBe(77);
  });

  it('a name shown in the report is escaped, not run', async () => {
    await upload('x.csv', 'name,year,children_0_6\n<img src=x onerror="window.__pwned=1">,2025,5\n');
    await page.waitForSelector('[data-testid="listing-report"]');
    expect(await page.textContent('[data-testid="listing-report"]')).toContain('<img src=x');
    // The report holds the markup as text: no element was made of it.
    expect(await page.$('[data-testid="listing-report"] img')).toBeNull();
    // A control: an image that fails to load fires its error event, and only after the load
    // failed. Once the control has fired, an injected image in the report would have too.
    await page.evaluate(() => {
      const img = document.createElement('img');
      img.addEventListener('error', () => ((window as unknown as { __control?: number }).__control = 1));
      img.src = 'x';
      document.body.appendChild(img);
    });
    await page.waitForFunction(() => (window as unknown as { __control?: number }).__control === 1);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  });
});

describe('online basemap is opt-in', () => {
  it('fetches OpenStreetMap tiles only after the switch, with attribution', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1000, height: 700 } });
    const p = await ctx.newPage();
    // Answer tile requests locally so the test itself never reaches the internet.
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
    await p.route('https://tile.openstreetmap.org/**', (route) => route.fulfill({ status: 200, contentType: 'image/png', body: png }));
    const urls = recordRequests(p);
    await openApp(p, baseUrl);
    expect(urls.filter((u) => !isLocal(u))).toEqual([]);
    await p.click('[data-testid="toggle-basemap"]');
    await p.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.includes('tile.openstreetmap.org')), null, { timeout: 20_000 }).catch(() => undefined);
    await p.evaluate(() => window.__planner!.whenIdle());
    expect(urls.some((u) => u.startsWith('https://tile.openstreetmap.org/'))).toBe(true);
    expect(await p.textContent('.maplibregl-ctrl-attrib')).toContain('OpenStreetMap');
    await p.click('[data-testid="toggle-basemap"]');
    expect(await p.evaluate(() => !!window.__planner!.map.getSource('osm'))).toBe(false);
    await ctx.close();
  });
});
