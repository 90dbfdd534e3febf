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
  const firstMap = Date.now() - t0;
  await page.waitForSelector('[data-testid="coverage-results"][data-status="idle"]', { state: 'attached', timeout: 120_000 });
  console.log(`\nWebbläsare (Debian Chromium, headless)\nFörsta ritade karta: ${firstMap} ms (från navigering)`);

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
