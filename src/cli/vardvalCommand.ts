import { branchAliases } from '../domain/catchments/hosts';
import { budgetChange } from '../domain/budget/change';
import { vardvalClaims } from '../domain/budget/claims';
import { crossVisitCompensation } from '../domain/budget/crossVisits';
import { budgetCentres, type HostableSite, type HostRule } from '../domain/budget/hosts';
import type { VardvalIssue } from '../domain/budget/issues';
import { DEFAULT_VARDVAL_PARAMS, POT_RULES, type PotRule, type VardvalParams } from '../domain/budget/params';
import { mergeListing } from '../domain/listing';
import type { Site } from '../domain/types';
import { formatNumber } from '../i18n/format';
import { vardvalCsv, vardvalLines, vardvalRows } from '../io/vardvalCsv';
import { validateVardvalParams } from '../io/vardvalParams';
import { HOST_SOURCE_TEXT, vardvalIssueText } from '../io/vardvalWords';
import { listFlag, stringFlag, type CommandContext, type FlagValues } from './commandContext';
import { parseHostFlags } from './hostFlags';
import { UsageError } from './io';
import { plainSetLines, plainSets } from './setSites';

/** The flags only `vardval` takes (`--host` is declared with catchments). */
export const VARDVAL_OPTIONS = {
  'vardval-year': { type: 'string' },
  'kr-per-child': { type: 'string' },
  'kr-per-woman': { type: 'string' },
  pot: { type: 'string', multiple: true },
  'pot-rule': { type: 'string' },
  'kr-per-cross-visit': { type: 'string' },
  'host-rule': { type: 'string' },
  'plan-kr': { type: 'string' },
  'plan-years': { type: 'string' },
} as const;

const HOST_RULES: readonly HostRule[] = ['data', 'at_health_centre', 'nearest'];

/**
 * A flag's text as a number when it is one ("1 750,5" and "2300000" both read), else the text
 * itself, so the validator reports what was written ("abc", "") instead of NaN.
 */
function numberOrText(v: string): number | string {
  const t = v.replace(/[\s\u00a0]/g, '').replace(',', '.');
  const n = t === '' ? NaN : Number(t);
  return Number.isFinite(n) ? n : v;
}

/** "2026-2028" → 2026, 2027, 2028; "2026,2028" → both; other items are passed on for the validator to name. */
function planYears(v: string): unknown[] {
  const out: unknown[] = [];
  for (const part of v.split(',').map((x) => x.trim()).filter(Boolean)) {
    const range = /^(\d{4})\s*[-–]\s*(\d{4})$/.exec(part);
    if (!range) {
      out.push(numberOrText(part));
      continue;
    }
    const [from, to] = [Number(range[1]), Number(range[2])];
    if (from > to || to - from > 100) throw new UsageError(`--plan-years: "${part}" ska vara FRÅN-TILL med FRÅN ≤ TILL, t.ex. 2026-2028.`);
    for (let y = from; y <= to; y++) out.push(y);
  }
  return out;
}

/** The flag a validator field came from. */
function flagOfField(field: string): string {
  if (field === 'year') return '--vardval-year';
  if (field === 'krPerListedChild') return '--kr-per-child';
  if (field === 'krPerListedWoman') return '--kr-per-woman';
  if (field.startsWith('potKrByYear')) return '--pot';
  if (field === 'potRule') return '--pot-rule';
  if (field === 'krPerCrossVisit') return '--kr-per-cross-visit';
  if (field === 'regionalPlan.krPerYear') return '--plan-kr';
  if (field.startsWith('regionalPlan.years')) return '--plan-years';
  return '--' + field;
}

/** The issue in Swedish after the flag's name; the CLI stops on errors, so no "the default is used". */
function issueLine(i: VardvalIssue): string {
  const { default: _default, ...params } = i.params;
  const text = vardvalIssueText({ ...i, params }, 'sv');
  const hint = i.code === 'vardval_no_pot_for_year' ? ` Ange --pot ${i.params.value}=KR.` : '';
  return `${flagOfField(String(i.params.field ?? ''))}: ${text}${hint}`;
}

/**
 * The vårdval parameters from the flags: the defaults of HSN 2026/4486 (params.ts) where a flag
 * is absent; every value checked by `validateVardvalParams`. Errors stop the command (exit 2)
 * with one Swedish line per problem naming the flag; warnings are returned for stderr.
 */
export function vardvalParamsFromFlags(v: FlagValues): { value: VardvalParams; warnings: string[]; changed: string[] } {
  const d = DEFAULT_VARDVAL_PARAMS;
  const s = (k: string) => stringFlag(v, k);
  const given = (k: string, dflt: unknown) => {
    const x = s(k);
    return x === undefined ? dflt : numberOrText(x);
  };
  const rule = s('pot-rule') ?? d.potRule;
  if (!POT_RULES.includes(rule as PotRule)) throw new UsageError(`--pot-rule: "${rule}" okänt. Förväntat ${POT_RULES.join(' eller ')}.`);
  const pot: Record<string, unknown> = { ...d.potKrByYear };
  for (const pair of listFlag(v, 'pot')) {
    const m = /^([^=]*)=(.*)$/.exec(pair);
    if (!m) throw new UsageError(`--pot: "${pair}" ska vara ÅR=KR, t.ex. --pot 2027=2400000.`);
    pot[m[1].trim()] = numberOrText(m[2]);
  }
  const input = {
    year: given('vardval-year', d.year),
    krPerListedChild: given('kr-per-child', d.krPerListedChild),
    krPerListedWoman: given('kr-per-woman', d.krPerListedWoman),
    potKrByYear: pot,
    potRule: rule,
    krPerCrossVisit: given('kr-per-cross-visit', d.krPerCrossVisit),
    crossVisits: null,
    regionalPlan: { krPerYear: given('plan-kr', d.regionalPlan.krPerYear), years: s('plan-years') === undefined ? [...d.regionalPlan.years] : planYears(s('plan-years')!) },
  };
  const { value, issues } = validateVardvalParams(input);
  const errors = issues.filter((i) => i.severity === 'error');
  if (errors.length) throw new UsageError(errors.map(issueLine).join('\n'));
  const kr = (x: number) => `${formatNumber(x, 0)} kr`;
  const changed = [
    value.krPerListedChild !== d.krPerListedChild ? `kr per listat barn 0–6 år ${kr(d.krPerListedChild)} → ${kr(value.krPerListedChild)}` : '',
    value.krPerListedWoman !== d.krPerListedWoman ? `kr per listad kvinna 16–54 år ${kr(d.krPerListedWoman)} → ${kr(value.krPerListedWoman)}` : '',
    ...Object.entries(value.potKrByYear)
      .filter(([y, x]) => d.potKrByYear[Number(y)] !== x)
      .map(([y, x]) => `potten år ${y} ${d.potKrByYear[Number(y)] === undefined ? 'ej angiven' : kr(d.potKrByYear[Number(y)])} → ${kr(x)}`),
    value.krPerCrossVisit !== d.krPerCrossVisit ? `kr per besök på en annan vårdcentrals familjecentral ${kr(d.krPerCrossVisit)} → ${kr(value.krPerCrossVisit)}` : '',
    value.regionalPlan.krPerYear !== d.regionalPlan.krPerYear ? `regionplanens satsning ${kr(d.regionalPlan.krPerYear)} → ${kr(value.regionalPlan.krPerYear)} per år` : '',
    value.regionalPlan.years.join(',') !== d.regionalPlan.years.join(',') ? `regionplanens år ${d.regionalPlan.years.join(', ')} → ${value.regionalPlan.years.join(', ') || 'inga'}` : '',
  ].filter(Boolean);
  return { value, warnings: issues.filter((i) => i.severity === 'warning').map(issueLine), changed };
}

/** Where hosts come from under a rule (a stated line). */
function hostRuleLine(rule: HostRule, plannerHosts: number): string {
  const t = HOST_SOURCE_TEXT.sv;
  const parts = [`${t.planner} (--host${plannerHosts ? `, ${plannerHosts} st` : ''})`, `${t.data} (family-centres.csv, host_health_centre_id)`];
  if (rule !== 'data') parts.push(t.at_health_centre);
  if (rule === 'nearest') parts.push(t.nearest);
  return `Värdvårdcentral (--host-rule ${rule}): ${parts.join(', annars ')}`;
}

/**
 * `vardval`: the vårdval add-on of today's centres and of the proposal (today + --candidates),
 * per host vårdcentral and in total (kr per year), as the budget CSV with its stated lines.
 * Reads the sets' sites and the listing only: no travel analysis.
 */
export function runVardval(ctx: CommandContext): number {
  const { io, values, common: c, dataset: ds } = ctx;
  if (values.sites !== undefined) throw new UsageError('--sites gäller inte vardval: budgeten jämför alltid i dag med förslaget (i dag + --candidates).');
  const { value: params, warnings, changed } = vardvalParamsFromFlags(values);
  const rule = stringFlag(values, 'host-rule') ?? 'data';
  if (!HOST_RULES.includes(rule as HostRule)) throw new UsageError(`--host-rule: "${rule}" okänt. Förväntat ${HOST_RULES.join(', ')}.`);
  const hostRule = rule as HostRule;
  const aliases = branchAliases(ds.healthCentreBranches);
  const siteIds = new Set([...ds.familyCentres.map((f) => f.id), ...c.candidates.map((s) => s.id)]);
  const planner = parseHostFlags(listFlag(values, 'host'), siteIds, ds.healthCentres.map((h) => h.id), aliases);

  const [today, proposal] = plainSets(['today', 'proposal'], ds.familyCentres, c.params, c.candidates);
  const dataHost = new Map(ds.familyCentres.map((f) => [f.id, f.host_health_centre_id]));
  const notes = [...planner.notes];
  const hostable = (sites: readonly Site[]): HostableSite[] =>
    sites.map((s) => {
      const given = dataHost.get(s.id) ?? '';
      const unit = aliases.get(given);
      if (given && unit && !ds.healthCentres.some((h) => h.id === given)) {
        const note = `${s.id}: värden "${given}" i family-centres.csv är en filial och räknas som ${unit}.`;
        if (!notes.includes(note)) notes.push(note);
        return { id: s.id, name: s.name, lon: s.lon, lat: s.lat, host_health_centre_id: unit };
      }
      return { id: s.id, name: s.name, lon: s.lon, lat: s.lat, host_health_centre_id: given };
    });
  const plannerHosts = Object.fromEntries(planner.hosts);
  const listing = mergeListing(ds.listingModelled, c.listing, c.listingFile);
  const before = vardvalClaims(budgetCentres(hostable(today.sites), ds.healthCentres, hostRule, plannerHosts), listing, params);
  const after = vardvalClaims(budgetCentres(hostable(proposal.sites), ds.healthCentres, hostRule, plannerHosts), listing, params);
  const change = budgetChange(before, after, params);
  const cross = crossVisitCompensation(params.crossVisits, params.krPerCrossVisit);
  const names = new Map(ds.healthCentres.map((h) => [h.id, h.name]));

  const imported = [...listing.values()].filter((l) => l.source === 'imported');
  const head = [
    ...plainSetLines([today, proposal]),
    hostRuleLine(hostRule, planner.hosts.size),
    ...(imported.length ? [`Listning: importerad (${c.listingFile}, år ${[...new Set(imported.map((l) => l.year))].join(', ')}) för ${imported.length} vårdcentraler; övriga modellerade`] : []),
    ...(changed.length ? [`Ändrat från standardvärdena: ${changed.join('; ')}`] : []),
    `Ersättning per besök på en annan vårdcentrals familjecentral: ${formatNumber(params.krPerCrossVisit, 0)} kr; antalet sådana besök är inte känt och ingen ersättning räknas här`,
  ];
  for (const n of notes) io.err(`# Obs: ${n}\n`);
  for (const w of warnings) io.err(`# Varning: ${w}\n`);
  const lines = [...head, ...vardvalLines(change, before, after, params, cross, 'sv')];
  for (const l of lines) io.err(`# ${l}\n`);

  if (c.format === 'json') {
    const out = {
      parameters: { ...params, host_rule: hostRule, planner_hosts: plannerHosts, site_sets: [today.info, proposal.info], assumptions: lines },
      rows: vardvalRows(change, before, after, names, 'sv'),
      change,
      today: before,
      proposal: after,
      cross_visits: cross,
    };
    io.out(JSON.stringify(out, (_k, x) => (typeof x === 'number' && !Number.isInteger(x) ? Math.round(x * 1e4) / 1e4 : x), 1) + '\n');
    return 0;
  }
  io.out(vardvalCsv(change, before, after, params, cross, names, c.dialect, 'sv', head));
  return 0;
}
