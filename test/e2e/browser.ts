import type { Browser, Download, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { chromiumPath, launchChromium } from '../../src/cli/chromium';

/** Debian's Chromium; override with CHROMIUM_PATH. */
export const CHROMIUM_PATH = chromiumPath();

/** Headless Chromium with the launch arguments the CLI's `report` command uses too (src/cli/chromium.ts). */
export async function launchBrowser(): Promise<Browser> {
  return launchChromium();
}

/** Every request URL the page makes, for asserting that nothing leaves localhost. */
export function recordRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (r) => urls.push(r.url()));
  return urls;
}

export function isLocal(url: string): boolean {
  if (url.startsWith('data:') || url.startsWith('blob:')) return true;
  try {
    const u = new URL(url);
    return ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname);
  } catch {
    return false;
  }
}

/** Opens the app and waits until the map has loaded its data and rendered (idle). */
export async function openApp(page: Page, baseUrl: string): Promise<void> {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(baseUrl);
  try {
    await page.waitForSelector('[data-map-ready="true"]', { timeout: 60_000 });
  } catch (e) {
    throw new Error(`kartan blev inte klar: ${errors.join('; ')} ${(e as Error).message}`);
  }
}

/** Waits for the map to be idle and returns how many features a layer has drawn. */
export async function renderedCount(page: Page, layerId: string): Promise<number> {
  return page.evaluate(async (id) => {
    const p = window.__planner!;
    await p.whenIdle();
    return p.renderedCount(id);
  }, layerId);
}

/** Page coordinates of a lon/lat on the main map. */
export function toPage(page: Page, lon: number, lat: number): Promise<{ x: number; y: number }> {
  return page.evaluate(([lo, la]) => {
    const m = window.__planner!.map;
    const q = m.project([lo, la]);
    const r = m.getCanvas().getBoundingClientRect();
    return { x: r.left + q.x, y: r.top + q.y };
  }, [lon, lat] as const);
}

/** Clicks a button that downloads a file; returns the suggested name and the bytes. */
export async function download(page: Page, testId: string): Promise<{ name: string; text: string; bytes: Buffer }> {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.click(`[data-testid="${testId}"]`)]);
  const bytes = readFileSync((await (dl as Download).path())!);
  return { name: dl.suggestedFilename(), text: bytes.toString('utf8'), bytes };
}

/** Width, height and a colour census of a PNG, decoded in the browser. */
export async function pngInfo(page: Page, bytes: Buffer, probe: string[]) {
  return page.evaluate(async ([b64, colours]) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const g = c.getContext('2d')!;
    g.drawImage(img, 0, 0);
    const d = g.getImageData(0, 0, c.width, c.height).data;
    const want = (colours as string[]).map((h) => [parseInt(h.slice(1, 3), 16), parseInt(h.slice(3, 5), 16), parseInt(h.slice(5, 7), 16)]);
    const hits = want.map(() => 0);
    const distinct = new Set<number>();
    for (let i = 0; i < d.length; i += 4 * 13) {
      distinct.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
      want.forEach(([r, gg, b], k) => {
        if (Math.abs(d[i] - r) < 12 && Math.abs(d[i + 1] - gg) < 12 && Math.abs(d[i + 2] - b) < 12) hits[k]++;
      });
    }
    return { w: img.width, h: img.height, distinct: distinct.size, hits };
  }, [bytes.toString('base64'), probe] as const);
}

