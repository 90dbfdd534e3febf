import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { issueText } from '../i18n/messages';
import { hasErrors } from '../io/issues';
import { encodeShare, parseScenario } from '../io/scenarioFile';
import { decodeText } from '../io/decode';
import { ChromiumMissingError, launchChromium } from './chromium';
import { fileErrorMessage, nodeIO, readInput, UsageError, type CliIO } from './io';
import { parseArgsText } from './argv';
import { serveFolder } from './staticServer';
import { USAGE } from './usage';

/**
 * `report atlas|kommun|candidate`: the app's printable documents, rendered headlessly. The BUILT
 * app (dist/, or $FCP_DIST) is served from this process, opened in Debian's Chromium
 * (playwright-core, the e2e tests' launch arguments) with the scenario as a share link and a
 * report URL (`?report=kommun&kommun=2080`), and printed with page.pdf() once the page says it is
 * complete (`<html data-report-ready="true">`; the atlas: `[data-testid="atlas"][data-ready="true"]`).
 * Its own chunk: playwright-core loads for this command only.
 */

const OPTIONS = {
  kommun: { type: 'string' },
  candidate: { type: 'string' },
  scenario: { type: 'string' },
  lang: { type: 'string' },
  out: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** How long a document may take to become ready (the first analysis on the road network, maps), ms. */
const READY_TIMEOUT_MS = 300_000;

/** The document could not be made (not ready in time, an unknown subject): printed without the usage text. */
export class ReportFailed extends Error {}

/** What to render, after checking the flags. */
export interface ReportRequest {
  kind: 'atlas' | 'kommun' | 'candidate';
  /** Query parameters of the report URL (report, kommun/candidate, lang). */
  query: URLSearchParams;
  /** The share-link fragment value of --scenario (null: the app's default scenario). */
  share: string | null;
  out: string;
}

/** Checks the report flags (Swedish usage errors naming the flag); reads --scenario. */
export function reportRequest(argv: string[], io: CliIO): ReportRequest {
  const { values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  const [, kind, ...rest] = positionals;
  if (rest.length) throw new UsageError(`Okänt argument: ${rest.join(' ')}`);
  if (kind !== 'atlas' && kind !== 'kommun' && kind !== 'candidate') throw new UsageError(kind ? `report: "${kind}" okänt. Förväntat report atlas, report kommun eller report candidate.` : 'report: ange vilket dokument: report atlas, report kommun eller report candidate.');
  const out = values.out;
  if (!out) throw new UsageError('report kräver --out FIL.pdf.');
  if (!/\.pdf$/i.test(out)) throw new UsageError(`--out: "${out}" ska sluta på .pdf.`);
  const lang = values.lang ?? 'sv';
  if (lang !== 'sv' && lang !== 'en') throw new UsageError(`--lang: "${lang}" okänt. Förväntat sv eller en.`);
  const query = new URLSearchParams({ report: kind, lang });
  if (kind === 'kommun') {
    const k = values.kommun;
    if (!k) throw new UsageError('report kommun kräver --kommun KOD (t.ex. 2080 för Falun) eller --kommun all.');
    if (k !== 'all' && !/^20\d\d$/.test(k)) throw new UsageError(`--kommun: "${k}" är ingen kommunkod i Dalarna. Förväntat fyra siffror som börjar på 20 (t.ex. 2080) eller all.`);
    query.set('kommun', k);
  } else if (values.kommun !== undefined) throw new UsageError('--kommun gäller bara report kommun.');
  if (kind === 'candidate') {
    const c = values.candidate?.trim();
    if (!c) throw new UsageError('report candidate kräver --candidate ID eller NAMN (en kandidatplats i scenariot, se --scenario).');
    query.set('candidate', c);
  } else if (values.candidate !== undefined) throw new UsageError('--candidate gäller bara report candidate.');
  let share: string | null = null;
  if (values.scenario) {
    const dec = decodeText(readInput(io, values.scenario));
    if (!dec.value) throw new UsageError(`${values.scenario}: ingen textfil.`);
    const parsed = parseScenario(dec.value.text);
    for (const i of parsed.issues) io.err(`${values.scenario}: ${i.severity === 'error' ? 'fel' : 'obs'}: ${issueText(i, 'sv')}\n`);
    if (!parsed.value || hasErrors(parsed.issues)) throw new UsageError(`${values.scenario}: scenariofilen kan inte läsas (se ovan). Förväntat en fil som appen exporterar (Scenarier → Exportera).`);
    share = encodeShare(parsed.value);
  } else if (kind === 'candidate') throw new UsageError('report candidate kräver --scenario FIL: kandidatplatserna finns i scenariot.');
  return { kind, query, share, out };
}

/** The built app's folder ($FCP_DIST or dist/); a Swedish usage error when it is not built. */
export function appFolder(): string {
  const dir = resolve(process.env.FCP_DIST ?? 'dist');
  if (!existsSync(resolve(dir, 'index.html'))) throw new UsageError(`Den byggda appen saknas (${resolve(dir, 'index.html')} finns inte). Kör \`npm run build\` först, eller ange mappen med FCP_DIST.`);
  return dir;
}

/** Renders the request to a PDF (vector text) at `req.out`; returns the PDF's size in bytes. */
export async function renderReport(req: ReportRequest, dist: string, io: CliIO): Promise<number> {
  const server = await serveFolder(dist);
  let browser: Awaited<ReturnType<typeof launchChromium>> | null = null;
  try {
    browser = await launchChromium();
    const ctx = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const page = await ctx.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const url = `${server.url}?${req.query.toString()}${req.share ? `#s=${req.share}` : ''}`;
    io.err(`# Öppnar appen (${dist}) i Chromium: ${req.kind}${req.query.get('kommun') ? ` ${req.query.get('kommun')}` : ''}${req.query.get('candidate') ? ` ${req.query.get('candidate')}` : ''} …\n`);
    await page.goto(url);
    try {
      if (req.kind === 'atlas') await page.waitForSelector('[data-testid="atlas"][data-ready="true"]', { timeout: READY_TIMEOUT_MS, state: 'attached' });
      else await page.waitForFunction(() => ['true', 'error'].includes(document.documentElement.dataset.reportReady ?? ''), undefined, { timeout: READY_TIMEOUT_MS, polling: 250 });
    } catch {
      throw new ReportFailed(`Dokumentet blev inte klart inom ${READY_TIMEOUT_MS / 1000} s.${errors.length ? ` Fel i sidan: ${errors.join('; ')}` : ''}`);
    }
    if (req.kind !== 'atlas') {
      const state = await page.evaluate(() => ({ ready: document.documentElement.dataset.reportReady, error: document.documentElement.dataset.reportError ?? '' }));
      if (state.ready === 'error') throw new ReportFailed(state.error || 'Appen kunde inte ta fram dokumentet.');
    }
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    mkdirSync(dirname(resolve(req.out)), { recursive: true });
    writeFileSync(req.out, pdf);
    return pdf.length;
  } finally {
    await browser?.close();
    await server.close();
  }
}

/** Runs `report …` (argv[0] === 'report'). Exit codes: 0 written, 2 wrong usage or the document could not be made. */
export async function runReportCli(argv: string[], io: CliIO = nodeIO): Promise<number> {
  try {
    if (argv.includes('--help') || argv.includes('-h')) {
      io.out(USAGE);
      return 0;
    }
    const req = reportRequest(argv, io);
    const dist = appFolder();
    const bytes = await renderReport(req, dist, io);
    io.err(`# Skrev ${req.out} (${Math.round(bytes / 1024)} kB)${req.query.get('kommun') === 'all' ? ': alla 15 kommuner i en PDF, en kommun per avsnitt' : ''}.\n`);
    return 0;
  } catch (e) {
    const parseText = parseArgsText(e);
    if (e instanceof UsageError || parseText !== null) {
      io.err(`${parseText ?? (e as Error).message}\n\n${USAGE}`);
      return 2;
    }
    if (e instanceof ChromiumMissingError || e instanceof ReportFailed) {
      io.err(`${e.message}\n`);
      return 2;
    }
    const fileMessage = fileErrorMessage(e);
    if (fileMessage) {
      io.err(`${fileMessage}\n`);
      return 2;
    }
    throw e;
  }
}
