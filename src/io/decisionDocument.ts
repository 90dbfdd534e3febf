import { DECISION_WORDS, type DecisionWords, type SourceRow } from '../i18n/decision';
import { formatNumber, formatPercent, type Lang } from '../i18n/format';
import { escapeHtml as esc } from './escape';

/**
 * The decision document (beslutsunderlag, issue 12 item 5): one kommun or one candidate site of
 * the live scenario as a complete, self-contained HTML document — its own style sheet (A4 print,
 * Word-friendly: bordered tables, h1–h3, no scripts), every data string escaped. Pure: typed
 * figures in, a string out; the app and the headless CLI print it to PDF, the app also saves it
 * for Word. The caller computes every figure (the live analysis, the ranking, the vårdval budget)
 * and words what the domain returns as codes (gap reasons, assumptions, the travel model).
 */

/** Coverage of one area (kommun or county) in one site set; null = not known. */
export interface DecisionCoverage {
  /** Children 0–6 of the area (estimated). */
  children: number | null;
  /** Children within the threshold (minutes ≤ T). */
  covered: number | null;
  /** covered ÷ children, 0–1. */
  share: number | null;
  /** Child-weighted mean minutes to the nearest site (reachable children). */
  meanMinutes: number | null;
  /** Child-weighted median minutes. */
  medianMinutes: number | null;
  /** Children more than 30 minutes away, unreachable included. */
  over30: number | null;
  /** Children with no reachable site. */
  unreachable: number | null;
}

/** A family centre (or planned / intent / family unit) of the kommun, worded. */
export interface DecisionCentre {
  name: string;
  /** The status in words ("Befintlig", "Planerad" …). */
  status: string;
}

/** One områdestyp's share of the kommun's children. */
export interface DecisionOtRow {
  omradestyp: 1 | 2 | 3 | 4 | 5;
  /** The type's name ("1 stora socioekonomiska utmaningar"). */
  label: string;
  /** Children 0–6 (estimated). */
  children: number;
  /** Share of the kommun's children, 0–1. */
  share: number;
  /** Sites of the proposal (or today, without candidates) in RegSO of this type in the kommun. */
  centres: number;
}

/** The needs index over the kommun's DeSO (the index is standardised, unitless). */
export interface DecisionNeedIndex {
  desoCount: number;
  min: number;
  max: number;
  /** Child-weighted mean of the DeSO's index. */
  mean: number;
}

/** A candidate of the scenario with its figures from the ranking (each added alone to today); null figures = not ranked yet. */
export interface DecisionAlternative {
  id: string;
  name: string;
  kommunName: string;
  rank: number | null;
  /** Composite score 0–1. */
  composite: number | null;
  /** Children within T of the site. */
  reach: number | null;
  /** Children within T not reached today. */
  newReach: number | null;
  /** Share (0–1) of the new reach in områdestyp 1–2. */
  newReachShareOt12: number | null;
  /** Drop in the county's child-weighted mean minutes. */
  meanMinutesReduction: number | null;
  /** Children for whom the site becomes the nearest. */
  served: number | null;
  /** Their child-weighted mean minutes to the site. */
  servedMeanMinutes: number | null;
  /** Straight-line metres to the nearest stop with enough departures; null = none. */
  transitWalkM: number | null;
  transitStopName: string | null;
  /** The vårdval add-on at the vårdcentral the site lies at, kr per year; null = not at one. */
  vardvalKr: number | null;
  vardvalHealthCentre: string | null;
  /** The add-on rests on a modelled listing. */
  vardvalModelled: boolean;
  /** This alternative is the document's subject. */
  isSubject: boolean;
}

/** One host vårdcentral's claim (src/domain/budget), kr per year. */
export interface DecisionVardvalRow {
  healthCentre: string;
  /** Names of the family centres (and candidates) it hosts. */
  centres: string[];
  listedChildren: number | null;
  listedWomen: number | null;
  claimKr: number | null;
  /** The listing is modelled or the host assumed. */
  modelled: boolean;
}

/** A legend section of the map (structurally the map's LegendSection; only what a list needs). */
export interface DecisionLegendItem {
  kind: string;
  label: string;
  color?: string;
  fill?: string;
  symbol?: { fill: string };
  /** A size key's steps (graduated circles): their labels, e.g. "100", "500", "1 000". */
  steps?: readonly { label: string }[];
}
export interface DecisionLegendSection {
  title: string;
  items: readonly DecisionLegendItem[];
}

/** Everything the document shows; every figure already computed. */
export interface DecisionInput {
  lang: Lang;
  subject: { kind: 'kommun' } | { kind: 'candidate'; id: string; name: string; lat: number; lon: number };
  scenarioName: string;
  /** The date the document is made, YYYY-MM-DD. */
  date: string;
  kommun: {
    code: string;
    name: string;
    /** Inhabitants (SCB 31 Dec 2025). */
    population: number | null;
    centres: DecisionCentre[];
    /** The kommun's gap reasons in words, today and in the proposal (null without candidates). */
    gapsToday: string[];
    gapsProposal: string[] | null;
  };
  county: { population: number | null };
  /** Which year's children are counted, with source (projectionText). */
  childrenYearText: string;
  /** The stated threshold T, minutes. */
  thresholdMinutes: number;
  /** The travel model in words (travelText). */
  travelText: string;
  /** The site sets in words (siteSetLabel): today and the proposal (null without candidates). */
  setLabels: { today: string; proposal: string | null };
  coverage: {
    kommun: { today: DecisionCoverage; proposal: DecisionCoverage | null };
    county: { today: DecisionCoverage; proposal: DecisionCoverage | null };
  };
  socio: { omradestypYear: number; rows: DecisionOtRow[]; needIndex: DecisionNeedIndex | null };
  /** The scenario's candidates in or near the kommun (rank order); `rankingReady` false while the ranking runs. */
  alternatives: DecisionAlternative[];
  rankingReady: boolean;
  /** The ranking's stated lines (rankingLines). */
  rankingLines: string[];
  vardval: {
    year: number;
    krPerChild: number;
    krPerWoman: number;
    potKr: number | null;
    today: DecisionVardvalRow[];
    proposal: DecisionVardvalRow[] | null;
  };
  /** The stated assumptions (assumptionLines), one line each. */
  assumptions: string[];
  /** Sources with years; default: the document's standard list (DECISION_WORDS[lang].sources). */
  sources?: readonly SourceRow[];
  /** The map: a PNG data URL (null = none), what it shows, its legend. */
  map: { image: string | null; shows: string; legend: readonly DecisionLegendSection[] } | null;
}

/** The document's style sheet: scoped under `.fcp-decision`, A4 portrait, bordered tables. */
export const DECISION_CSS = `
@page { size: A4 portrait; margin: 16mm 15mm 16mm 15mm; }
.fcp-decision { font-family: 'DejaVu Sans', Arial, Helvetica, sans-serif; font-size: 10pt; line-height: 1.4; color: #1a1a1a; background: #fff; max-width: 180mm; margin: 0 auto; font-variant-ligatures: none; }
.fcp-decision h1 { font-size: 17pt; margin: 0 0 4pt; }
.fcp-decision h2 { font-size: 13pt; margin: 14pt 0 4pt; border-bottom: 1px solid #888; padding-bottom: 2pt; break-after: avoid; page-break-after: avoid; }
.fcp-decision h3 { font-size: 11pt; margin: 10pt 0 3pt; break-after: avoid; page-break-after: avoid; }
.fcp-decision p { margin: 3pt 0 6pt; }
.fcp-decision .meta, .fcp-decision .note { color: #444; font-size: 9pt; }
.fcp-decision table { border-collapse: collapse; width: 100%; margin: 4pt 0 8pt; }
.fcp-decision th, .fcp-decision td { border: 1px solid #777; padding: 2pt 4pt; vertical-align: top; text-align: left; }
.fcp-decision thead th { background: #e8e8e8; }
.fcp-decision th.num { text-align: right; }
.fcp-decision td.num { text-align: right; white-space: nowrap; }
.fcp-decision table.wide { font-size: 8pt; }
.fcp-decision table.wide td.num { white-space: normal; }
.fcp-decision tr { break-inside: avoid; page-break-inside: avoid; }
.fcp-decision tr.subject td { font-weight: bold; background: #f3f0e0; }
.fcp-decision figure { margin: 6pt 0; break-inside: avoid; page-break-inside: avoid; }
.fcp-decision figure img { display: block; width: 100%; height: auto; border: 1px solid #999; }
.fcp-decision figcaption { font-size: 9pt; color: #444; }
.fcp-decision ul { margin: 2pt 0 6pt 14pt; padding: 0; }
.fcp-decision ul.legend { list-style: none; margin-left: 0; columns: 2; }
.fcp-decision ul.legend li { break-inside: avoid; }
.fcp-decision .key { font-size: 12pt; line-height: 1; }
.fcp-decision .doc-part { break-before: page; page-break-before: always; }
.fcp-decision .doc-part:first-child { break-before: auto; page-break-before: auto; }
@media screen { .fcp-decision { padding: 12mm 0; } }
`;

const n0 = (v: number | null | undefined, lang: Lang) => formatNumber(v, 0, lang);
const n1 = (v: number | null | undefined, lang: Lang) => formatNumber(v, 1, lang);
const n2 = (v: number | null | undefined, lang: Lang) => formatNumber(v, 2, lang);
const pct = (v: number | null | undefined, lang: Lang) => (v === null || v === undefined ? '–' : formatPercent(v, 1, lang));
const kr = (v: number | null | undefined, lang: Lang, w: DecisionWords) => (v === null || v === undefined ? w.unknown : `${formatNumber(v, 0, lang)} kr`);

/** A change with its sign (− for a drop), `decimals` places; '–' when either side is unknown. */
function signed(before: number | null | undefined, after: number | null | undefined, decimals: number, lang: Lang, unit = ''): string {
  if (before === null || before === undefined || after === null || after === undefined) return '–';
  const d = after - before;
  const v = formatNumber(Math.abs(d), decimals, lang);
  const zero = Math.abs(d) < 0.5 * 10 ** -decimals;
  return `${zero ? '±' : d > 0 ? '+' : '−'}${v}${unit}`;
}

const cell = (v: string, num = false) => `<td${num ? ' class="num"' : ''}>${esc(v)}</td>`;
/** Which columns hold numbers (right-aligned headings): from an index on, or a list of indexes. */
type NumCols = number | readonly number[];
const isNum = (i: number, num: NumCols) => (typeof num === 'number' ? i >= num : num.includes(i));
const head = (cols: readonly string[], num: NumCols) => `<thead><tr>${cols.map((c, i) => `<th${isNum(i, num) ? ' class="num"' : ''}>${esc(c)}</th>`).join('')}</tr></thead>`;
/** A bordered table (the border attributes keep the borders in Word). */
const table = (cols: readonly string[], rows: string[], num: NumCols = 1, cls = '') => `<table border="1" cellspacing="0" cellpadding="3"${cls ? ` class="${cls}"` : ''}>${head(cols, num)}<tbody>${rows.join('')}</tbody></table>`;
const list = (items: readonly string[]) => `<ul>${items.map((x) => `<li>${esc(x)}</li>`).join('')}</ul>`;

/**
 * The map legend as a plain HTML list (one function, so a drawn legend can replace it): each
 * section's title, then its items with a colour key where the item has a colour.
 */
export function legendHtml(sections: readonly DecisionLegendSection[], lang: Lang): string {
  const w = DECISION_WORDS[lang];
  if (!sections.length) return '';
  const colourOf = (i: DecisionLegendItem) => i.color ?? i.fill ?? i.symbol?.fill ?? null;
  const safeColour = (c: string | null) => (c && /^#[0-9a-f]{3,8}$|^rgba?\([0-9., ]+\)$/i.test(c) ? c : null);
  const items = sections.flatMap((s) => [
    `<li><strong>${esc(s.title)}</strong></li>`,
    ...s.items.map((i) => {
      const c = safeColour(colourOf(i));
      // A coloured square as text (<font color>: no style attribute, which the app's content
      // security policy would block; Word reads it too).
      // A size key: its steps in words (the circles' sizes are on the map).
      if (i.kind === 'sizes' && i.steps?.length) return `<li>${c ? `<font color="${c}" class="key">●</font> ` : ''}${esc(i.label)}: ${i.steps.map((x) => esc(x.label)).join(' / ')}</li>`;
      return `<li>${c ? `<font color="${c}" class="key">${i.kind === 'circle' || i.kind === 'sizes' ? '●' : '■'}</font> ` : ''}${esc(i.label)}</li>`;
    }),
  ]);
  return `<h3>${esc(w.legend)}</h3><ul class="legend">${items.join('')}</ul>`;
}

function coverageRows(a: DecisionCoverage, b: DecisionCoverage | null, c: DecisionCoverage, d: DecisionCoverage | null, t: number, lang: Lang, w: DecisionWords): string[] {
  const pp = (x: number | null, y: number | null) => (x === null || y === null ? '–' : `${signed(x * 100, y * 100, 1, lang)} ${w.points}`);
  const line = (label: string, get: (x: DecisionCoverage) => number | null, fmt: (v: number | null) => string, change: (x: number | null, y: number | null) => string) => {
    const cells = [label, fmt(get(a))];
    if (b) cells.push(fmt(get(b)), change(get(a), get(b)));
    cells.push(fmt(get(c)));
    if (d) cells.push(fmt(get(d)), change(get(c), get(d)));
    return `<tr>${cells.map((v, i) => (i === 0 ? `<th>${esc(v)}</th>` : cell(v, true))).join('')}</tr>`;
  };
  const count = (x: number | null, y: number | null) => signed(x, y, 0, lang);
  const mins = (x: number | null, y: number | null) => signed(x, y, 1, lang);
  return [
    line(w.children, (x) => x.children, (v) => n0(v, lang), count),
    line(w.covRows.covered(t), (x) => x.covered, (v) => n0(v, lang), count),
    line(w.covRows.share(t), (x) => x.share, (v) => pct(v, lang), pp),
    line(w.covRows.mean, (x) => x.meanMinutes, (v) => n1(v, lang), mins),
    line(w.covRows.median, (x) => x.medianMinutes, (v) => n1(v, lang), mins),
    line(w.covRows.over30, (x) => x.over30, (v) => n0(v, lang), count),
    line(w.covRows.unreachable, (x) => x.unreachable, (v) => n0(v, lang), count),
  ];
}

function vardvalTable(rows: readonly DecisionVardvalRow[], lang: Lang, w: DecisionWords): string {
  if (!rows.length) return `<p>${esc(w.vardvalNone)}</p>`;
  const h = w.vardvalHead;
  const body = rows.map(
    (r) =>
      `<tr>${cell(r.healthCentre)}${cell(r.centres.join(', '))}${cell(n0(r.listedChildren, lang), true)}${cell(n0(r.listedWomen, lang), true)}${cell(kr(r.claimKr, lang, w), true)}${cell(r.modelled ? w.modelled : w.fromData)}</tr>`,
  );
  const known = rows.every((r) => r.claimKr !== null);
  const total = known ? rows.reduce((s, r) => s + (r.claimKr ?? 0), 0) : null;
  body.push(`<tr><th>${esc(w.vardvalTotal)}</th>${cell('')}${cell('', true)}${cell('', true)}${cell(kr(total, lang, w), true)}${cell(rows.some((r) => r.modelled) ? w.modelled : w.fromData)}</tr>`);
  return table([h.hc, h.centres, h.children, h.women, h.claim, h.label], body, [2, 3, 4]);
}

/** The document's body (inside `.fcp-decision`): headings h1–h3, paragraphs, tables, the map. */
export function decisionDocumentBody(d: DecisionInput): string {
  const lang = d.lang;
  const w = DECISION_WORDS[lang];
  const k = d.kommun;
  const out: string[] = [];
  const title = d.subject.kind === 'kommun' ? w.title.kommun(k.name) : w.title.candidate(d.subject.name, k.name);
  out.push(`<h1>${esc(title)}</h1>`);
  out.push(`<p class="meta">${esc(w.meta(d.scenarioName, d.date))}</p>`);
  out.push(`<p class="note">${esc(w.estimatesNote)}</p>`);

  // 1. Background: the regional goal (002) and the kommun's situation.
  out.push(`<h2>${esc(w.h.background)}</h2>`);
  out.push(`<p>${esc(w.goal)}</p><p>${esc(w.definition)}</p><p>${esc(w.inventory)}</p>`);
  out.push(`<h3>${esc(w.h.situation(k.name))}</h3>`);
  out.push(k.centres.length ? table([w.centresHead.name, w.centresHead.status], k.centres.map((c) => `<tr>${cell(c.name)}${cell(c.status)}</tr>`), 2) : `<p>${esc(w.noCentres)}</p>`);
  out.push(`<p><strong>${esc(w.gapsHead.today)}:</strong></p>${k.gapsToday.length ? list(k.gapsToday) : `<p>${esc(w.noGaps)}</p>`}`);
  if (k.gapsProposal) out.push(`<p><strong>${esc(w.gapsHead.proposal)}:</strong></p>${k.gapsProposal.length ? list(k.gapsProposal) : `<p>${esc(w.noGaps)}</p>`}`);

  // 2. Population base and children 0–6.
  out.push(`<h2>${esc(w.h.population)}</h2>`);
  const kc = d.coverage.kommun.today.children;
  const cc = d.coverage.county.today.children;
  const share = (c: number | null, p: number | null) => (c === null || p === null || p <= 0 ? null : c / p);
  out.push(
    table(
      [w.popHead.what, w.popHead.kommun, w.popHead.county, w.popHead.note],
      [
        `<tr><th>${esc(w.inhabitants)}</th>${cell(n0(k.population, lang), true)}${cell(n0(d.county.population, lang), true)}${cell(w.inhabitantsNote)}</tr>`,
        `<tr><th>${esc(w.children)}</th>${cell(n0(kc, lang), true)}${cell(n0(cc, lang), true)}${cell(d.childrenYearText)}</tr>`,
        `<tr><th>${esc(w.childrenShare)}</th>${cell(pct(share(kc, k.population), lang), true)}${cell(pct(share(cc, d.county.population), lang), true)}${cell('')}</tr>`,
      ],
    ),
  );

  // 3. Socioeconomic profile.
  out.push(`<h2>${esc(w.h.socio)}</h2>`);
  out.push(`<p>${esc(w.socioIntro(d.socio.omradestypYear))}</p>`);
  out.push(
    table(
      [w.otHead.type, w.otHead.children, w.otHead.share, w.otHead.centres],
      d.socio.rows.map((r) => `<tr>${cell(r.label)}${cell(n0(r.children, lang), true)}${cell(pct(r.share, lang), true)}${cell(n0(r.centres, lang), true)}</tr>`),
    ),
  );
  const ni = d.socio.needIndex;
  out.push(`<p>${esc(ni ? w.needIndex(n0(ni.desoCount, lang), n2(ni.min, lang), n2(ni.max, lang), n2(ni.mean, lang)) : w.noNeedIndex)}</p>`);

  // 4. Travel times and coverage, before and after.
  out.push(`<h2>${esc(w.h.coverage)}</h2>`);
  out.push(`<p>${esc(w.coverageIntro(d.thresholdMinutes, d.travelText, d.childrenYearText))}</p>`);
  const hasProposal = d.coverage.kommun.proposal !== null && d.coverage.county.proposal !== null;
  const cols = [w.covHead.what, `${k.name}: ${w.before}`];
  if (hasProposal) cols.push(`${k.name}: ${w.after}`, w.change);
  cols.push(`${w.countyCol}: ${w.before}`);
  if (hasProposal) cols.push(`${w.countyCol}: ${w.after}`, w.change);
  out.push(table(cols, coverageRows(d.coverage.kommun.today, d.coverage.kommun.proposal, d.coverage.county.today, d.coverage.county.proposal, d.thresholdMinutes, lang, w), 1, hasProposal ? 'wide' : ''));
  out.push(`<p class="note">${esc(w.setsCounted)}: ${esc(d.setLabels.today)}${d.setLabels.proposal ? ` · ${esc(d.setLabels.proposal)}` : ''}</p>`);
  if (!hasProposal) out.push(`<p class="note">${esc(w.noProposal)}</p>`);
  if (d.map) {
    out.push(`<h3>${esc(w.h.map)}</h3>`);
    out.push(
      d.map.image && /^data:image\/png;base64,[A-Za-z0-9+/=]+$/.test(d.map.image)
        ? `<figure><img src="${d.map.image}" alt="${esc(`${w.h.map}: ${k.name}`)}"><figcaption>${esc(w.mapCaption(d.map.shows))}</figcaption></figure>`
        : `<p class="note">${esc(w.mapMissing)}</p>`,
    );
    out.push(legendHtml(d.map.legend, lang));
  }

  // The candidate's own figures (candidate documents).
  if (d.subject.kind === 'candidate') {
    const sid = d.subject.id;
    const a = d.alternatives.find((x) => x.id === sid) ?? null;
    const r = w.candRows;
    const row = (label: string, v: string) => `<tr><th>${esc(label)}</th>${cell(v, true)}</tr>`;
    out.push(`<h2>${esc(w.h.candidate)}</h2>`);
    out.push(
      table(
        [w.candHead.what, w.candHead.value],
        [
          row(r.kommun, k.name),
          row(r.position, `${formatNumber(d.subject.lat, 5, lang)}, ${formatNumber(d.subject.lon, 5, lang)}`),
          row(r.rank, a?.rank != null ? `${n0(a.rank, lang)} / ${n0(d.alternatives.length ? Math.max(...d.alternatives.map((x) => x.rank ?? 0)) : null, lang)}` : '–'),
          row(r.composite, n2(a?.composite, lang)),
          row(r.reach(d.thresholdMinutes), n0(a?.reach, lang)),
          row(r.newReach, n0(a?.newReach, lang)),
          row(r.ot12, pct(a?.newReachShareOt12, lang)),
          row(r.meanDrop, n2(a?.meanMinutesReduction, lang)),
          row(r.served, n0(a?.served, lang)),
          row(r.servedMean, n1(a?.servedMeanMinutes, lang)),
          row(r.transit, a?.transitWalkM != null ? `${a.transitStopName ?? ''} ${n0(a.transitWalkM, lang)} m`.trim() : '–'),
          row(r.vardval, a?.vardvalKr != null ? `${kr(a.vardvalKr, lang, w)} (${a.vardvalHealthCentre ?? ''}${a.vardvalModelled ? `, ${w.modelled}` : ''})` : '–'),
        ],
      ),
    );
    out.push(`<p class="note">${esc(w.aloneNote)}</p>`);
  }

  // 5. Alternatives compared.
  out.push(`<h2>${esc(w.h.alternatives)}</h2>`);
  if (!d.alternatives.length) out.push(`<p>${esc(w.noAlternatives)}</p>`);
  else {
    out.push(`<p>${esc(w.altIntro)}</p>`);
    if (!d.rankingReady) out.push(`<p class="note">${esc(w.rankingPending)}</p>`);
    const h = w.altHead;
    out.push(
      table(
        [h.rank, h.name, h.kommun, h.composite, h.reach, h.newReach, h.ot12, h.meanDrop, h.served, h.transit, h.vardval],
        d.alternatives.map(
          (a) =>
            `<tr${a.isSubject ? ' class="subject"' : ''}>${cell(a.rank === null ? '–' : n0(a.rank, lang), true)}${cell(a.isSubject ? `${a.name} ${w.subjectMark}` : a.name)}${cell(a.kommunName)}${cell(n2(a.composite, lang), true)}${cell(n0(a.reach, lang), true)}${cell(n0(a.newReach, lang), true)}${cell(pct(a.newReachShareOt12, lang), true)}${cell(n2(a.meanMinutesReduction, lang), true)}${cell(n0(a.served, lang), true)}${cell(n0(a.transitWalkM, lang), true)}${cell(a.vardvalKr === null ? '–' : `${n0(a.vardvalKr, lang)}${a.vardvalModelled ? ` (${w.modelled})` : ''}`, true)}</tr>`,
        ),
        [0, 3, 4, 5, 6, 7, 8, 9, 10],
        'wide',
      ),
    );
    if (d.rankingLines.length) out.push(`<p class="note">${d.rankingLines.map(esc).join('<br>')}</p>`);
  }

  // 6. The vårdval add-on.
  const v = d.vardval;
  out.push(`<h2>${esc(w.h.vardval)}</h2>`);
  out.push(`<p>${esc(w.vardvalIntro(formatNumber(v.krPerChild, 0, lang), formatNumber(v.krPerWoman, 0, lang), v.year, v.potKr === null ? w.unknown : kr(v.potKr, lang, w)))}</p>`);
  out.push(`<h3>${esc(w.vardvalSet.today)}</h3>${vardvalTable(v.today, lang, w)}`);
  if (v.proposal) out.push(`<h3>${esc(w.vardvalSet.proposal)}</h3>${vardvalTable(v.proposal, lang, w)}`);

  // 7. Assumptions and 8. sources.
  out.push(`<h2>${esc(w.h.assumptions)}</h2><p>${esc(w.assumptionsIntro)}</p>${list(d.assumptions)}`);
  const sources = d.sources ?? w.sources;
  out.push(`<h2>${esc(w.h.sources)}</h2>`);
  out.push(table([w.sourcesHead.what, w.sourcesHead.source, w.sourcesHead.year], sources.map((s) => `<tr>${cell(s.what)}${cell(s.source)}${cell(s.year)}</tr>`), 3));
  return out.join('\n');
}

/**
 * A complete HTML document of one or more decision documents (several: each starts on a new
 * page, e.g. all 15 kommuner in one PDF). Self-contained: its own `<style>`, no scripts, images
 * only as PNG data URLs. `title` is the document title (default: the first part's heading).
 */
export function decisionDocumentHtml(docs: DecisionInput | readonly DecisionInput[], title?: string): string {
  const list = Array.isArray(docs) ? (docs as readonly DecisionInput[]) : [docs as DecisionInput];
  const lang = list[0]?.lang ?? 'sv';
  const w = DECISION_WORDS[lang];
  const first = list[0];
  const docTitle = title ?? (first ? (first.subject.kind === 'kommun' ? w.title.kommun(first.kommun.name) : w.title.candidate(first.subject.name, first.kommun.name)) : w.ui.title);
  const parts = list.map((d) => `<section class="doc-part">\n${decisionDocumentBody(d)}\n</section>`).join('\n');
  return `<!DOCTYPE html>
<html lang="${esc(lang)}" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(docTitle)}</title>
<style>${DECISION_CSS}</style>
</head>
<body>
<div class="fcp-decision">
${parts}
</div>
</body>
</html>
`;
}
