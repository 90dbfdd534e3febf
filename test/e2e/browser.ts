import { chromium, type Browser, type Download, type Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { existsSync } from 'node:fs';

/** Debian's Chromium; override with CHROMIUM_PATH. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium saknas på ${CHROMIUM_PATH}. Installera med: apt-get install -y chromium`);
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
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
