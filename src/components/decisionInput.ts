import type { KommunRow } from '../domain/analysis';
import type { VardvalBudget } from '../domain/budget/claims';
import { fairness } from '../domain/fairness';
import type { CentreListing } from '../domain/listing';
import { cachedNeedIndex } from '../domain/need/demand';
import type { CandidateScore } from '../domain/scoring';
import type { CoverageAnalysisSummary, CoverageSets } from '../domain/summary';
import { siteSetSites } from '../domain/siteSets';
import type { Site } from '../domain/types';
import { demandUnits } from '../domain/views';
import { kommunAt } from '../domain/kommunLookup';
import { STRINGS, type Lang } from '../i18n';
import { gapReasons, projectionText, rankingLines, siteSetLabel, travelText } from '../i18n/describe';
import type { AppData } from '../io/appData';
import { statedLines } from '../io/coverageExport';
import type { DecisionAlternative, DecisionCoverage, DecisionInput, DecisionVardvalRow } from '../io/decisionDocument';
import type { ScenarioParams } from '../domain/scenario';
import { hostableSites, setVardvalBudget } from './vardvalBudget';

/** What the document is about: a kommun (code) or a candidate of the scenario (id). */
export type DecisionSubject = { kind: 'kommun'; code: string } | { kind: 'candidate'; id: string };

/** The live state a decision document is made from (the store's, passed in: this module is pure). */
export interface DecisionSource {
  data: AppData;
  sets: CoverageSets;
  params: ScenarioParams;
  candidates: readonly Site[];
  /** The live ranking (each candidate against today); null while it runs. */
  scores: readonly CandidateScore[] | null;
  listing: ReadonlyMap<string, CentreListing>;
  scenarioName: string;
  lang: Lang;
  date: string;
}

/** A KommunRow as the document's coverage figures. */
function coverageOf(r: KommunRow | undefined): DecisionCoverage {
  if (!r) return { children: null, covered: null, share: null, meanMinutes: null, medianMinutes: null, over30: null, unreachable: null };
  return {
    children: r.children_0_6,
    covered: r.covered_children,
    share: r.children_0_6 > 0 ? r.coverage_pct / 100 : null,
    meanMinutes: r.mean_minutes,
    medianMinutes: r.median_minutes,
    over30: r.children_over_30_min,
    unreachable: r.unreachable_children,
  };
}

/** A site's kommun: its kommun_code, else the kommun polygon it lies in (older scenario files lack the code); null outside. */
export function kommunOfSite(site: Site, data: AppData): string | null {
  return site.kommun_code || kommunAt(data.kommuner, site.lon, site.lat);
}

/** The kommun a subject belongs to (a candidate's kommun); null when unknown. */
export function subjectKommun(subject: DecisionSubject, candidates: readonly Site[], data: AppData): string | null {
  if (subject.kind === 'kommun') return subject.code;
  const c = candidates.find((x) => x.id === subject.id);
  return c ? kommunOfSite(c, data) : null;
}

/**
 * The vårdval claims of a set (the budget panel's rule: hosts from data and the planner's
 * `params.hosts`), limited to the hosts of sites in the kommun.
 */
function vardvalRows(budget: VardvalBudget, names: ReadonlyMap<string, string>, siteNames: ReadonlyMap<string, string>, inKommun: ReadonlySet<string>): DecisionVardvalRow[] {
  return budget.hosts
    .filter((h) => h.centreIds.some((id) => inKommun.has(id)))
    .map((h) => ({
      healthCentre: names.get(h.healthCentreId) ?? h.healthCentreId,
      centres: h.centreIds.map((id) => siteNames.get(id) ?? id),
      listedChildren: h.listedChildren,
      listedWomen: h.listedWomen,
      claimKr: h.claimKr,
      modelled: h.modelled,
    }));
}

/**
 * The document's input from the live scenario: the figures of both sets for the kommun and the
 * county, the kommun's områdestyp profile and needs index, the candidates in or near it with
 * their ranking figures, the vårdval claims of its hosts, the stated assumptions. `map` is drawn
 * by the caller. Returns null when the subject is not in the scenario.
 */
export function decisionInput(src: DecisionSource, subject: DecisionSubject, map: DecisionInput['map']): DecisionInput | null {
  const { data, sets, params, candidates, scores, listing, lang } = src;
  const s = STRINGS[lang];
  const code = subjectKommun(subject, candidates, data);
  const kommunFeature = data.kommuner.features.find((f) => f.properties.kommun_code === code);
  if (!code || !kommunFeature) return null;
  const cand = subject.kind === 'candidate' ? candidates.find((c) => c.id === subject.id) : undefined;
  if (subject.kind === 'candidate' && !cand) return null;
  const k = kommunFeature.properties;
  const hasProposal = candidates.length > 0;
  const today = sets.today;
  const proposal: CoverageAnalysisSummary | null = hasProposal ? sets.proposal : null;
  const shown = proposal ?? today;
  const gapOf = (set: CoverageAnalysisSummary) => {
    const g = set.gaps.find((x) => x.kommun_code === code);
    return g ? gapReasons(g, set.siteSet.key, lang) : [];
  };

  // Områdestyp profile of the kommun's children, with the shown set's sites per type.
  const units = demandUnits(data.demand, shown.params.demand);
  const shownSites = siteSetSites(shown.siteSet.key, data.familyCentres, shown.params.include, [...candidates]);
  const rows = fairness(shownSites, units, data.regso, shown.params.omradestypYear, code).map((r) => ({
    omradestyp: r.omradestyp,
    label: s.omradestypLabels[r.omradestyp],
    children: r.children_0_6,
    share: r.children_share,
    centres: r.centres,
  }));

  // Needs index over the kommun's DeSO, child-weighted mean (weights: the DeSO's estimated children).
  const index = cachedNeedIndex(data.need.indicators, params.need.components);
  let nDeso = 0;
  let min = Infinity;
  let max = -Infinity;
  let wSum = 0;
  let wx = 0;
  for (const f of data.deso.features) {
    const p = f.properties;
    if (p.kommun_code !== code) continue;
    const v = index.get(p.deso_code);
    if (v === null || v === undefined || !Number.isFinite(v)) continue;
    nDeso++;
    min = Math.min(min, v);
    max = Math.max(max, v);
    wSum += p.children_0_6;
    wx += p.children_0_6 * v;
  }
  const needIndex = nDeso > 0 && wSum > 0 ? { desoCount: nDeso, min, max, mean: wx / wSum } : null;

  // Candidates in the kommun, or elsewhere but nearest for some of its children in the proposal.
  const flows = proposal?.flows.kommuner.find((f) => f.kommun_code === code);
  const serving = new Set([...(flows?.own ?? []), ...(flows?.neighbours ?? []).flatMap((n) => n.centres)].filter((c) => c.children_0_6 > 0).map((c) => c.site_id));
  const kommunNames = new Map(data.kommuner.features.map((f) => [f.properties.kommun_code, f.properties.kommun_name]));
  const scoreOf = new Map((scores ?? []).map((x) => [x.id, x]));
  const alternatives: DecisionAlternative[] = candidates
    .filter((c) => kommunOfSite(c, data) === code || serving.has(c.id) || c.id === cand?.id)
    .map((c) => {
      const sc = scoreOf.get(c.id);
      return {
        id: c.id,
        name: c.name,
        kommunName: kommunNames.get(kommunOfSite(c, data) ?? '') ?? '–',
        rank: sc?.rank ?? null,
        composite: sc?.composite ?? null,
        reach: sc?.reach_children ?? null,
        newReach: sc?.new_reach_children ?? null,
        newReachShareOt12: sc?.new_reach_share_ot12 ?? null,
        meanMinutesReduction: sc?.mean_minutes_reduction ?? null,
        served: sc?.served_children ?? null,
        servedMeanMinutes: sc?.served_mean_minutes ?? null,
        transitWalkM: sc?.transit?.walk_m ?? null,
        transitStopName: sc?.transit?.stop_name ?? null,
        vardvalKr: sc?.economics?.yearly_sek ?? null,
        vardvalHealthCentre: sc?.economics?.health_centre_name ?? null,
        vardvalModelled: sc?.economics?.source === 'modelled',
        isSubject: c.id === cand?.id,
      };
    })
    .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  // Vårdval: the budget panel's claims (hosts from data and the planner's choices), hosts of the kommun's sites.
  const byId = hostableSites(data, candidates);
  const budget = (ids: readonly string[]) => setVardvalBudget(ids, data, candidates, listing, params.vardval, params.hosts);
  const hcNames = new Map(data.healthCentres.map((h) => [h.id, h.name]));
  const siteNames = new Map([...byId.values()].map((x) => [x.id, x.name]));
  const inKommun = new Set([...data.familyCentres.filter((f) => f.kommun_code === code).map((f) => f.id), ...candidates.filter((c) => kommunOfSite(c, data) === code).map((c) => c.id)]);

  const counted = proposal ? [today, proposal] : [today];
  return {
    lang,
    subject: cand ? { kind: 'candidate', id: cand.id, name: cand.name, lat: cand.lat, lon: cand.lon } : { kind: 'kommun' },
    scenarioName: src.scenarioName,
    date: src.date,
    kommun: {
      code,
      name: k.kommun_name,
      population: k.population,
      centres: data.familyCentres.filter((f) => f.kommun_code === code).map((f) => ({ name: f.name, status: s.status[f.status] })),
      gapsToday: gapOf(today),
      gapsProposal: proposal ? gapOf(proposal) : null,
    },
    county: { population: data.meta.totals.population },
    childrenYearText: projectionText(today.params, lang),
    thresholdMinutes: today.params.thresholdMinutes,
    travelText: travelText(today.params.travel, lang),
    setLabels: { today: siteSetLabel(today.siteSet, lang), proposal: proposal ? siteSetLabel(proposal.siteSet, lang) : null },
    coverage: {
      kommun: { today: coverageOf(today.rows.find((r) => r.kommun_code === code)), proposal: proposal ? coverageOf(proposal.rows.find((r) => r.kommun_code === code)) : null },
      county: { today: coverageOf(today.total), proposal: proposal ? coverageOf(proposal.total) : null },
    },
    socio: { omradestypYear: shown.params.omradestypYear, rows, needIndex },
    alternatives,
    rankingReady: !hasProposal || (scores !== null && candidates.every((c) => scoreOf.has(c.id))),
    rankingLines: hasProposal ? rankingLines(params, lang) : [],
    vardval: {
      year: params.vardval.year,
      krPerChild: params.vardval.krPerListedChild,
      krPerWoman: params.vardval.krPerListedWoman,
      potKr: params.vardval.potKrByYear[params.vardval.year] ?? null,
      today: vardvalRows(budget(today.siteIds), hcNames, siteNames, inKommun),
      proposal: proposal ? vardvalRows(budget(proposal.siteIds), hcNames, siteNames, inKommun) : null,
    },
    assumptions: statedLines(counted, lang),
    map,
  };
}
