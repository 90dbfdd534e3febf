import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readFileSync, rmSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { download, launchBrowser, openApp } from './browser';
import { runCli } from '../unit/cliRun';
import { pdfPageTexts } from '../support/pdfText';
import { formatNumber, formatPercent } from '../../src/i18n/format';

/**
 * Issue 12 items 5 and 6: the decision document (beslutsunderlag) from the live scenario, its
 * printed PDF (vector text), and the CLI's headless `report` command on the same built app.
 * Falun (2080) with a candidate in Falun (Svärdsjö) and one in Säter: the document's coverage
 * before and after equals the CLI's coverage JSON for the same candidates.
 */

const baseUrl = inject('baseUrl');
const CANDIDATES = 'test/fixtures/candidates-falun.csv';
let browser: Browser;
let page: Page;
let scenarioFile = '';

/** sv-SE separates thousands with a no-break space; text extraction may give either space. */
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ');

beforeAll(async () => {
  browser = await launchBrowser();
  const ctx = await browser.newContext({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
  await ctx.addInitScript(() => {
    const w = window as unknown as { __violations: string[] };
    w.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  page = await ctx.newPage();
  await openApp(page, baseUrl);
  await page.click('[data-testid="tab-candidates"]');
  await page.setInputFiles('[data-testid="candidate-file"]', CANDIDATES);
  await page.waitForSelector('[data-testid="ranking-table"] tbody tr:nth-child(2)', { timeout: 120_000 });
  await page.click('[data-testid="tab-scenarios"]');
  // The scenario as a file, for the CLI (the app's own export format).
  const f = await download(page, 'scenario-export');
  scenarioFile = `/tmp/fcp-decision-scenario-${process.pid}.json`;
  const { writeFileSync } = await import('node:fs');
  writeFileSync(scenarioFile, f.bytes);
});

afterAll(async () => {
  await browser?.close();
  if (scenarioFile) rmSync(scenarioFile, { force: true });
});

/** The coverage table of the open document: row heading → cell texts. */
async function coverageTable(p: Page): Promise<Record<string, string[]>> {
  return p.evaluate(() => {
    const h2 = [...document.querySelectorAll('[data-testid="decision-doc"] h2')].find((h) => /Restider och täckning/.test(h.textContent ?? ''))!;
    let el: Element | null = h2.nextElementSibling;
    while (el && el.tagName !== 'TABLE') el = el.nextElementSibling;
    const out: Record<string, string[]> = {};
    for (const tr of el!.querySelectorAll('tbody tr')) {
      const cells = [...tr.children].map((c) => (c.textContent ?? '').replace(/[\u00a0\u202f]/g, ' '));
      out[cells[0]] = cells.slice(1);
    }
    return out;
  });
}

describe('beslutsunderlag', () => {
  it("Falun's document has the CLI's coverage before and after, and prints as text", async () => {
    await page.selectOption('[data-testid="decision-kommun"]', '2080');
    await page.click('[data-testid="decision-open-kommun"]');
    await page.waitForSelector('[data-testid="decision-view"][data-ready="true"]', { timeout: 120_000 });
    expect(await page.evaluate(() => document.documentElement.dataset.reportReady)).toBe('true');

    const cli = await runCli(['coverage', '--format', 'json', '--candidates', CANDIDATES]);
    expect(cli.code).toBe(0);
    const json = JSON.parse(cli.out) as Record<'today' | 'proposal', { kommuner: { kommun_code: string; coverage_pct: number; covered_children: number; mean_minutes: number; children_over_30_min: number }[] }>;
    const falun = (k: 'today' | 'proposal') => json[k].kommuner.find((r) => r.kommun_code === '2080')!;
    const county = (k: 'today' | 'proposal') => json[k].kommuner.find((r) => r.kommun_code === '20')!;
    const t = await coverageTable(page);
    const pct = (v: number) => plain(formatPercent(v / 100, 1, 'sv'));
    const n0 = (v: number) => plain(formatNumber(v, 0, 'sv'));
    const n1 = (v: number) => plain(formatNumber(v, 1, 'sv'));
    // Columns: Falun before, after, change, county before, after, change.
    const share = t['Andel barn inom 20 min'];
    expect([share[0], share[1], share[3], share[4]]).toEqual([pct(falun('today').coverage_pct), pct(falun('proposal').coverage_pct), pct(county('today').coverage_pct), pct(county('proposal').coverage_pct)]);
    const covered = t['Barn inom 20 min'];
    expect([covered[0], covered[1], covered[3], covered[4]]).toEqual([n0(falun('today').covered_children), n0(falun('proposal').covered_children), n0(county('today').covered_children), n0(county('proposal').covered_children)]);
    const mean = t['Medelrestid, barnviktad (min)'];
    expect([mean[0], mean[1], mean[3], mean[4]]).toEqual([n1(falun('today').mean_minutes), n1(falun('proposal').mean_minutes), n1(county('today').mean_minutes), n1(county('proposal').mean_minutes)]);
    // Svärdsjö lies in Falun: the proposal reaches more of Falun's children than today.
    expect(falun('proposal').covered_children).toBeGreaterThan(falun('today').covered_children);
    // The candidate in Falun is among the alternatives, with its ranking figures.
    expect(plain((await page.textContent('[data-testid="decision-doc"]')) ?? '')).toContain('Svärdsjö centrum');

    // The printed PDF (page.pdf(), what "Skriv ut / spara som PDF" gives) has the document as text.
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const text = plain((await pdfPageTexts(new Uint8Array(pdf))).join(' '));
    for (const s of ['Beslutsunderlag: familjecentral i Falun', 'Bakgrund', 'Befolkningsunderlag och barn 0–6 år', 'Socioekonomisk profil', 'Restider och täckning före och efter', 'Alternativ som jämförs', 'Vårdvalets tilläggsuppdrag familjecentral', 'Antaganden', 'Källor', 'Svärdsjö centrum']) {
      expect(text, s).toContain(s);
    }
    for (const s of [pct(falun('today').coverage_pct), pct(falun('proposal').coverage_pct), n0(falun('proposal').covered_children)]) expect(text, s).toContain(s);
    // Nothing of the app behind it is printed.
    expect(text).not.toContain('Täckning och luckor');

    // The Word file: the same document, self-contained, as HTML with Word's MIME type.
    const doc = await download(page, 'decision-word');
    expect(doc.name).toMatch(/_beslutsunderlag-falun_\d{4}-\d{2}-\d{2}\.doc$/);
    // A web archive Word opens with its maps: the HTML part (base64, UTF-8) and the map as a PNG part.
    expect(doc.text.startsWith('MIME-Version: 1.0\r\nContent-Type: multipart/related;')).toBe(true);
    const htmlB64 = doc.text.split('Content-Location: beslutsunderlag.html\r\n\r\n')[1].split('\r\n--')[0].replace(/\r\n/g, '');
    const html = Buffer.from(htmlB64, 'base64').toString('utf8');
    expect(html).toContain('<title>Beslutsunderlag: familjecentral i Falun</title>');
    expect(html).toContain('<img src="image-1.png"');
    expect(html).not.toMatch(/<script/i);
    const png = Buffer.from(doc.text.split('Content-Location: image-1.png\r\n\r\n')[1].split('\r\n--')[0].replace(/\r\n/g, ''), 'base64');
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    await page.click('[data-testid="decision-close"]');
    expect(await page.$('[data-testid="decision-view"]')).toBeNull();
    // The view ran under the content security policy with no violation (style sheet by CSSOM).
    expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
  });

  it('a candidate document names the candidate and marks it among the alternatives', async () => {
    await page.selectOption('[data-testid="decision-candidate"]', 'cand-svardsjo');
    await page.click('[data-testid="decision-open-candidate"]');
    await page.waitForSelector('[data-testid="decision-view"][data-ready="true"]', { timeout: 120_000 });
    const text = plain((await page.textContent('[data-testid="decision-doc"]')) ?? '');
    expect(text).toContain('Beslutsunderlag: kandidatplatsen Svärdsjö centrum (Falun)');
    expect(text).toContain('Svärdsjö centrum (detta underlag)');
    await page.click('[data-testid="decision-close"]');
  });

  it('the CLI prints the kommun document to a PDF with text (the built app, headless)', async () => {
    const out = `/tmp/fcp-decision-kommun-${process.pid}.pdf`;
    try {
      const r = await runCli(['report', 'kommun', '--kommun', '2080', '--scenario', scenarioFile, '--out', out]);
      expect(r.code, r.err).toBe(0);
      const text = plain((await pdfPageTexts(new Uint8Array(readFileSync(out)))).join(' '));
      expect(text).toContain('Beslutsunderlag: familjecentral i Falun');
      expect(text).toContain('Restider och täckning före och efter');
      expect(text).toContain('Svärdsjö centrum');
    } finally {
      rmSync(out, { force: true });
    }
  }, 300_000);

  it('the CLI prints the atlas: a page per kommun, names as text', async () => {
    const out = `/tmp/fcp-decision-atlas-${process.pid}.pdf`;
    try {
      const a = await runCli(['report', 'atlas', '--scenario', scenarioFile, '--out', out]);
      expect(a.code, a.err).toBe(0);
      const pages = (await pdfPageTexts(new Uint8Array(readFileSync(out)))).map(plain);
      expect(pages.length).toBeGreaterThanOrEqual(15);
      const all = pages.join(' ');
      for (const k of ['Avesta', 'Borlänge', 'Falun', 'Malung-Sälen', 'Älvdalen']) expect(all, k).toContain(k);
    } finally {
      rmSync(out, { force: true });
    }
  }, 300_000);

  it('the CLI says in Swedish what is wrong', async () => {
    const r = await runCli(['report', 'kommun', '--kommun', '99', '--out', '/tmp/x.pdf']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--kommun: "99" är ingen kommunkod i Dalarna');
    const saved = process.env.FCP_DIST;
    process.env.FCP_DIST = '/tmp/fcp-no-such-build';
    try {
      const m = await runCli(['report', 'atlas', '--out', '/tmp/x.pdf']);
      expect(m.code).toBe(2);
      expect(m.err).toContain('Kör `npm run build` först');
    } finally {
      if (saved === undefined) delete process.env.FCP_DIST;
      else process.env.FCP_DIST = saved;
    }
    const c = await runCli(['report', 'candidate', '--candidate', 'Finns inte', '--scenario', scenarioFile, '--out', '/tmp/x.pdf']);
    expect(c.code).toBe(2);
    expect(c.err).toContain('Kandidatplatsen ”Finns inte” finns inte i scenariot');
  });
});
