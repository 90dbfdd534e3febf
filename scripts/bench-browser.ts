/**
 * Browser benchmark (part of `npm run bench`): the built app in Debian's headless Chromium, with
 * a PerformanceObserver for long tasks on the main thread. Measures reading a 200 000-row
 * candidate file and a 50 MB travel-time matrix (both read in the import worker), and the first
 * drawn map. Prints figures; asserts nothing.
 */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { execSync } from 'node:child_process';
import { preview } from 'vite';
import { launchBrowser } from '../test/e2e/browser';

const root = resolve(import.meta.dirname, '..');
if (!existsSync(join(root, 'dist', 'index.html'))) {
  console.log('Bygger appen (dist/ saknas) …');
  execSync('npm run build', { cwd: root, stdio: 'inherit' });
}
const server = await preview({ root, logLevel: 'error', preview: { port: 4199, strictPort: false, host: '127.0.0.1' } });
const url = server.resolvedUrls!.local[0];
const browser = await launchBrowser();

/**
 * Navigation start → the first complete map on screen (ms): the app's `fcp-map-ready` mark, set
 * after the map's first idle frame has been shown (MapView). Playwright's own polling for the
 * ready attribute adds 0,1–0,4 s on this machine, so the wall time is reported beside it.
 */
async function mapReadyMs(page: import('playwright-core').Page): Promise<number> {
  return page.evaluate(() => Math.round(performance.getEntriesByName('fcp-map-ready')[0]?.startTime ?? NaN));
}

/** Long tasks (> 50 ms) on the main thread since the page loaded, and the longest. */
async function longTasks(page: import('playwright-core').Page) {
  return page.evaluate(() => (window as unknown as { __long: number[] }).__long.slice());
}

try {
  const ctx = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  await ctx.addInitScript(() => {
    const w = window as unknown as { __long: number[] };
    w.__long = [];
    new PerformanceObserver((l) => l.getEntries().forEach((e) => w.__long.push(e.duration))).observe({ type: 'longtask', buffered: true });
  });
  const page = await ctx.newPage();
  const t0 = Date.now();
  await page.goto(url);
  await page.waitForSelector('[data-map-ready="true"]', { timeout: 120_000 });
  const firstMap = await mapReadyMs(page);
  console.log(`\nWebbläsare (Debian Chromium, headless)\nFörsta ritade karta: ${firstMap} ms från navigeringens start (${Date.now() - t0} ms med Playwrights väntan; mål ≤ 2 000 ms)`);
  // Four more fresh loads: the first map is noisy on a shared machine, so the median is stated too.
  const loads: number[] = [firstMap];
  const walls: number[] = [Date.now() - t0];
  for (let k = 0; k < 4; k++) {
    const c2 = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const p2 = await c2.newPage();
    const s0 = Date.now();
    await p2.goto(url);
    await p2.waitForSelector('[data-map-ready="true"]', { timeout: 120_000 });
    walls.push(Date.now() - s0);
    loads.push(await mapReadyMs(p2));
    await c2.close();
  }
  loads.sort((a, b) => a - b);
  walls.sort((a, b) => a - b);
  console.log(`Första ritade karta, 5 laddningar: median ${loads[2]} ms, bästa ${loads[0]} ms, sämsta ${loads[4]} ms (med Playwrights väntan: median ${walls[2]} ms)`);

  // Re-ranking 500 candidates after a weight change: the main thread's work from the input event
  // to the next frame (weights only re-combine cached criteria; no worker call).
  const dir0 = mkdtempSync(join(tmpdir(), 'fcp-bench-'));
  const cand500 = join(dir0, 'kandidater-500.csv');
  writeFileSync(cand500, ['id,name,lat,lon', ...Array.from({ length: 500 }, (_, i) => `k${i},Plats ${i},${(60.2 + (i % 25) * 0.06).toFixed(4)},${(13.5 + Math.floor(i / 25) * 0.15).toFixed(4)}`)].join('\n'));
  await page.click('[data-testid="tab-candidates"]');
  await page.setInputFiles('[data-testid="candidate-file"]', cand500);
  await page.waitForSelector('[data-testid="ranking-table"][data-status="idle"] tbody tr:nth-child(50)', { timeout: 300_000 });
  await page.waitForTimeout(500);
  const weightMs: number[] = [];
  for (let k = 0; k < 9; k++) {
    weightMs.push(
      await page.evaluate(async (k) => {
        const el = document.querySelector('[data-testid="weight-travel"]') as HTMLInputElement;
        const t = performance.now();
        Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(el, String(0.1 + 0.05 * k));
        el.dispatchEvent(new Event('input', { bubbles: true }));
        return performance.now() - t;
      }, k),
    );
    await page.waitForTimeout(100);
  }
  weightMs.sort((a, b) => a - b);
  console.log(`Ändrad kriterievikt, 500 kandidater: median ${weightMs[4].toFixed(1)} ms på huvudtråden (bästa ${weightMs[0].toFixed(1)}, sämsta ${weightMs[8].toFixed(1)}; mål ≤ 16 ms)`);
  // A threshold change recomputes in the worker; the ranking shows progress after ~200 ms.
  const t1 = Date.now();
  await page.locator('[data-testid="rank-threshold"]').fill('25');
  const sawProgress = await page.waitForSelector('[data-testid="ranking-progress"]', { timeout: 5_000 }).then(() => true, () => false);
  await page.waitForSelector('[data-testid="ranking-table"][data-status="idle"]', { timeout: 300_000 });
  console.log(`Ändrad tröskel, 500 kandidater: ny rangordning efter ${Date.now() - t1} ms (förlopp visat: ${sawProgress ? 'ja' : 'nej, klart före 200 ms'})`);
  await page.waitForSelector('[data-testid="coverage-results"][data-status="idle"]', { state: 'attached', timeout: 120_000 }).catch(() => undefined);

  const dir = mkdtempSync(join(tmpdir(), 'fcp-bench-'));
  // 200 000 candidate rows with an error each (the report case) …
  const cand = join(dir, 'kandidater-200000.csv');
  writeFileSync(cand, ['id,name,lat,lon', ...Array.from({ length: 200_000 }, (_, i) => `k${i},Plats ${i},inte-ett-tal,15.0`)].join('\n'));
  await page.click('[data-testid="tab-candidates"]');
  await page.evaluate(() => ((window as unknown as { __long: number[] }).__long.length = 0));
  let t = Date.now();
  await page.setInputFiles('[data-testid="candidate-file"]', cand);
  await page.waitForSelector('[data-testid="candidate-report"]', { timeout: 300_000 });
  const candMs = Date.now() - t;
  const candLong = await longTasks(page);
  console.log(`200 000 kandidatrader med fel: rapport efter ${candMs} ms; längsta uppgift på huvudtråden ${Math.round(Math.max(0, ...candLong))} ms (${candLong.length} över 50 ms)`);

  // … and a 50 MB long-format matrix (4 113 grid units × 250 destinations).
  const demand = JSON.parse((await (await fetch(`${url}data/demand.json`)).text())) as { grid: { id: string }[] };
  const dests = Array.from({ length: 250 }, (_, j) => `plats-${j}`);
  const lines = ['origin_id,destination_id,minutes,km'];
  for (const u of demand.grid) for (const d of dests) lines.push(`${u.id},${d},${(10 + (lines.length % 50)).toFixed(2)},${(8 + (lines.length % 40)).toFixed(2)}`);
  const matrix = join(dir, 'matris-50mb.csv');
  writeFileSync(matrix, lines.join('\n'));
  const mb = (lines.join('\n').length / 1e6).toFixed(1);
  await page.click('[data-testid="tab-coverage"]');
  await page.selectOption('[data-testid="travel-model"]', 'matrix');
  await page.evaluate(() => ((window as unknown as { __long: number[] }).__long.length = 0));
  t = Date.now();
  await page.setInputFiles('[data-testid="matrix-file"]', matrix);
  await page.waitForSelector('[data-testid="matrix-report"], [data-testid="coverage-results"][data-status="idle"]', { state: 'attached', timeout: 300_000 });
  const matMs = Date.now() - t;
  const matLong = await longTasks(page);
  console.log(`Restidsmatris ${mb} MB (${(lines.length - 1).toLocaleString('sv-SE')} par): läst efter ${matMs} ms; längsta uppgift på huvudtråden ${Math.round(Math.max(0, ...matLong))} ms (${matLong.length} över 50 ms)`);
  await ctx.close();
} finally {
  await browser.close();
  await server.close();
}
