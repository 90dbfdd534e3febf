import type { CoverageAnalysis } from '../domain/analysis';
import { organisationalBelonging, type BelongingListing } from '../domain/catchments/belonging';
import { catchments, type CatchmentResult } from '../domain/catchments/catchments';
import { crossBorderFlows, type CrossBorderResult } from '../domain/catchments/crossBorder';
import { flowDiagram } from '../domain/catchments/flowDiagram';
import { belongingCentres, branchAliases } from '../domain/catchments/hosts';
import { catchmentSites } from '../domain/catchments/siteKind';
import { COUNTY_LISTED_CHILDREN_2025, mergeListing } from '../domain/listing';
import { kommunRefs, type KommunRef } from '../domain/views';
import { siteSetLabel } from '../i18n/describe';
import { formatNumber } from '../i18n/format';
import { writeCsv } from '../io/csvWrite';
import {
  BELONGING_COLUMNS,
  belongingRows,
  catchmentColumns,
  catchmentRows,
  flowColumns,
  flowRows,
} from '../io/catchmentExport';
import { BELONGING_HOSTS, BELONGING_RULE, belongingIssueText, CATCHMENT_RULE, FLAG_TEXT, flowRuleText, KIND_TEXT, reasonText } from './catchmentWords';
import { listFlag, type CommandContext } from './commandContext';
import { parseHostFlags } from './hostFlags';
import { plainSetLines, plainSets } from './setSites';
import { UsageError } from './io';

/** The flags only `catchments` takes (`--host` also `vardval`). */
export const CATCHMENTS_OPTIONS = {
  flows: { type: 'boolean' },
  belonging: { type: 'boolean' },
  host: { type: 'string', multiple: true },
} as const;

/** One set's catchments and flows: the same calls as the app's analysis summary (src/domain/summary.ts). */
interface SetCatchments {
  set: CoverageAnalysis;
  result: CatchmentResult;
  flows: CrossBorderResult;
}

function setCatchments(set: CoverageAnalysis, demand: Parameters<typeof catchments>[0]['units'], kommuner: readonly KommunRef[]): SetCatchments {
  const { nearest, minutes } = set.coverage.assignment;
  const result = catchments({ units: demand, nearest, minutes, sites: catchmentSites(set.sites), omradestypYear: set.params.omradestypYear });
  return { set, result, flows: crossBorderFlows(result, kommuner) };
}

/** Non-integers rounded to 4 decimals in JSON (children, shares, minutes). */
const round4 = (_k: string, v: unknown) => (typeof v === 'number' && !Number.isInteger(v) ? Math.round(v * 1e4) / 1e4 : v);

/**
 * `catchments`: per site set and site the children whose nearest site it is (default), the
 * kommun × site flows with each kommun's flag (--flows), or organisational belonging per county
 * and kommun (--belonging). Reads the coverage analysis of the common flags; nothing is routed twice.
 */
export function runCatchments(ctx: CommandContext): number {
  const { io, values, common: c, dataset: ds } = ctx;
  if (values.flows && values.belonging) throw new UsageError('--flows och --belonging ger olika tabeller; välj en av dem.');
  const hostPairs = listFlag(values, 'host');
  if (hostPairs.length && !values.belonging) throw new UsageError('--host gäller catchments --belonging (och vardval).');
  const aliases = branchAliases(ds.healthCentreBranches);
  const siteIds = new Set([...ds.familyCentres.map((f) => f.id), ...c.candidates.map((s) => s.id)]);
  const planner = parseHostFlags(hostPairs, siteIds, ds.healthCentres.map((h) => h.id), aliases);

  for (const n of planner.notes) io.err(`# Obs: ${n}\n`);
  const extra: string[] = [];
  const emit = (lines: string[]) => {
    for (const l of lines) io.err(`# ${l}\n`);
    extra.push(...lines);
  };
  // Belonging reads the sets' sites and the listing only: no travel analysis.
  if (values.belonging) return belonging(ctx, planner.hosts, aliases, emit, extra);

  const a = ctx.analyse();
  const sets = a.sets.map((s) => setCatchments(s, a.input.demand, a.input.kommuner));
  const year = c.params.projection.year;

  if (values.flows) {
    emit([flowRuleText(sets[0].flows.options)]);
    if (c.format === 'json') {
      const body = sets.map(({ set, result, flows }) => ({
        site_set: set.siteSet.key,
        site_set_label: siteSetLabel(set.siteSet),
        site_ids: flows.siteIds,
        kommuner: flows.kommuner.map((k) => ({
          ...k,
          flag_text: FLAG_TEXT[k.flag],
          reasons_text: k.reasons.map((r) => reasonText(r, k.across_share, flows.options)),
        })),
        options: flows.options,
        diagram: flowDiagram(flows, result.sites),
      }));
      io.out(json(ctx, [...a.lines, ...extra], body));
      return 0;
    }
    const ids: string[] = [];
    for (const s of sets) for (const id of s.flows.siteIds) if (!ids.includes(id)) ids.push(id);
    const rows = sets.flatMap((s) => flowRows(s.set.siteSet.key, s.flows));
    io.out(writeCsv(rows, flowColumns(ids, c.dialect), c.dialect, c.assumptions ? [...a.lines, ...extra] : []));
    return 0;
  }

  emit([
    CATCHMENT_RULE,
    ...sets.map(
      ({ set, result }) =>
        `${siteSetLabel(set.siteSet)} – barn 0–6 år ${year}: ${formatNumber(result.total_children, 1)} i länet, varav ${formatNumber(result.total_children - result.unreachable.children_0_6, 1)} i upptagningsområdena och ${formatNumber(result.unreachable.children_0_6, 1)} utan nåbar plats`,
    ),
  ]);
  if (c.format === 'json') {
    const body = sets.map(({ set, result }) => ({
      site_set: set.siteSet.key,
      site_set_label: siteSetLabel(set.siteSet),
      total_children: result.total_children,
      centres: result.centres.map(({ site_index: _i, ...x }) => ({ ...x, kind_text: KIND_TEXT[x.kind] })),
      unreachable: result.unreachable,
    }));
    io.out(json(ctx, [...a.lines, ...extra], body));
    return 0;
  }
  const rows = sets.flatMap((s) => catchmentRows(s.set.siteSet.key, s.result));
  io.out(writeCsv(rows, catchmentColumns(c.dialect), c.dialect, c.assumptions ? [...a.lines, ...extra] : []));
  return 0;
}

/** JSON like coverage's: `parameters`, then the one set's fields, or `today` and `proposal`. */
function json(ctx: CommandContext, lines: string[], body: ({ site_set: string } & Record<string, unknown>)[]): string {
  const c = ctx.common;
  const parameters = { ...c.params, site_set: c.sites.length === 1 ? c.sites[0] : 'both', assumptions: lines };
  const out = body.length === 1 ? { parameters, ...body[0] } : { parameters, ...Object.fromEntries(body.map((b) => [b.site_set, b])) };
  return JSON.stringify(out, round4, 1) + '\n';
}

/** --belonging: per set, the share of listed children at hosting vårdcentraler. */
function belonging(ctx: CommandContext, overrides: ReadonlyMap<string, string>, aliases: ReadonlyMap<string, string>, emit: (lines: string[]) => void, extra: string[]): number {
  const { io, common: c, dataset: ds } = ctx;
  const sets = plainSets(c.sites, ds.familyCentres, c.params, c.candidates);
  const stated = plainSetLines(sets);
  for (const l of stated) io.err(`# ${l}\n`);
  const kommuner = kommunRefs(ds.kommuner);
  const listing = mergeListing(ds.listingModelled, c.listing, c.listingFile);
  const results = sets.map((set) => ({
    set,
    b: organisationalBelonging({ centres: belongingCentres(set.sites, ds.familyCentres), overrides, healthCentres: ds.healthCentres, listing, aliases, kommuner }),
  }));
  const imported = [...listing.values()].filter((l) => l.source === 'imported').length;
  const anyModelled = results.some(({ b }) => b.modelled);
  const county = formatNumber(COUNTY_LISTED_CHILDREN_2025, 0);
  emit([
    BELONGING_RULE,
    BELONGING_HOSTS,
    imported
      ? `Listning: importerad (${c.listingFile}) för ${imported} vårdcentraler${anyModelled ? `; övriga modellerade (barnen till närmaste vårdcentral, skalat till länets ${county} listade barn 0–6 år 2025); rader med modelled = ja bygger på modellerad listning` : ''}`
      : `Listning: modellerad (varje DeSO:s barn till närmaste vårdcentral, skalat till länets ${county} listade barn 0–6 år 2025, HSN 2026/4486); alla andelar är modellerade tills verklig listning importeras (--listing)`,
    `Tillhörigheten räknas på listningen, inte på barnen år ${c.params.projection.year}; tröskel och restidsmodell påverkar den inte`,
  ]);
  const seen = new Set<string>();
  for (const { b } of results) {
    for (const i of b.issues) {
      const text = `${i.severity === 'warning' ? 'Varning' : 'Obs'}: ${belongingIssueText(i)}`;
      if (!seen.has(text)) io.err(`# ${text}\n`);
      seen.add(text);
    }
  }
  if (c.format === 'json') {
    const body = results.map(({ set, b }) => ({
      site_set: set.info.key,
      site_set_label: siteSetLabel(set.info),
      county: b.county,
      by_kommun: b.byKommun,
      hosts: b.hosts,
      centres: b.centres,
      modelled: b.modelled,
      listing_source: b.listingSource,
      issues: b.issues.map((i) => ({ ...i, message: belongingIssueText(i) })),
    }));
    io.out(json(ctx, [...stated, ...extra], body));
    return 0;
  }
  const byUnit = listingByUnit(listing, ds.healthCentres.map((h) => h.id), aliases);
  const rows = results.flatMap(({ set, b }) => belongingRows(set.info.key, b, ds.healthCentres, (id) => byUnit.get(id) ?? []));
  io.out(writeCsv(rows, BELONGING_COLUMNS, c.dialect, c.assumptions ? [...stated, ...extra] : []));
  return 0;
}

/** Listing values per vårdcentral id, branch keys added to their unit (as belonging counts them). */
function listingByUnit(listing: ReadonlyMap<string, BelongingListing>, hcIds: readonly string[], aliases: ReadonlyMap<string, string>): Map<string, BelongingListing[]> {
  const isHc = new Set(hcIds);
  const out = new Map<string, BelongingListing[]>();
  for (const [key, v] of listing) {
    const id = isHc.has(key) ? key : aliases.get(key);
    if (id === undefined || !isHc.has(id)) continue;
    out.set(id, [...(out.get(id) ?? []), v]);
  }
  return out;
}
