import { fileErrorMessage, nodeIO, printIssues, readInput, UsageError, type CliIO } from './io';
import { USAGE } from './usage';
import { readSiteServices } from '../io/siteServicesJson';
import { siteServicesIssueText } from '../io/siteServicesIssues';
import { parseArgs } from 'node:util';
import { analyseCandidates, analyseSiteSets, analysisInput, type AnalysisData, type AnalysisInput, type CoverageAnalysis } from '../domain/analysis';
import { buildDataset, type Dataset } from '../domain/dataset';
import { healthCentreListings, mergeListing } from '../domain/listing';
import type { SiteSetKey } from '../domain/siteSets';
import { isCovered, kommunRefs, omradestypOf } from '../domain/views';
import { gapReasons, rankingLines, siteSetLabel, travelText } from '../i18n/describe';
import { issueText } from '../i18n/messages';
import { DEFAULT_PARAMS, type ScenarioParams } from '../domain/scenario';
import { buildCostTable, DEFAULT_ROAD, DEFAULT_STRAIGHT, type TravelParams } from '../domain/travel';
import { roadGraph } from '../domain/network/graph';
import { DEFAULT_NETWORK, DETOUR_RATIO, NetworkRouter } from '../domain/network/router';
import { greatCircleKm } from '../geo/distance';
import type { ListingRecord, Site, TravelMatrix } from '../domain/types';
import { polygonIndexFor } from '../geo/polygonIndex';
import { parseCandidatesFile } from '../io/candidates';
import { coverageCsv, statedLines, type SetStatistics } from '../io/coverageExport';
import { decodeText } from '../io/decode';
import { writeCsv } from '../io/csvWrite';
import { SCORE_COLUMNS } from '../io/rankingExport';
import { hasErrors, type InputIssue } from '../io/issues';
import { latestYearRecords, parseListingCsv } from '../io/listingCsv';
import { matrixCoverageIssues, parseMatrixFile } from '../io/matrix';
import { DataDirError, readRawInputs } from './rawInputs';
import { cachedNeedIndex, needInputs } from '../domain/need/demand';
import type { ForecastRow, ProjectionParams } from '../domain/need/projection';
import { parseForecastFile } from '../io/forecastCsv';
import { joinNegativeValues, parseArgsText, valueFlagsOf } from './argv';
import { CATCHMENTS_OPTIONS, runCatchments } from './catchmentsCommand';
import { checkCommandFlags, type AnalysedSets, type CommandContext, type FlagValues, type CommonFlags } from './commandContext';
import { runVardval, VARDVAL_OPTIONS } from './vardvalCommand';




let cachedDataset: Dataset | null = null;
function dataset(): Dataset {
  if (cachedDataset) return cachedDataset;
  try {
    return (cachedDataset = buildDataset(readRawInputs()));
  } catch (e) {
    if (e instanceof DataDirError) throw new UsageError(e.message);
    throw e;
  }
}

let cachedRouter: NetworkRouter | null = null;
/** The road router (made once per process, on first use of the network model). */
function router(ds: Dataset): NetworkRouter {
  return (cachedRouter ??= new NetworkRouter(roadGraph(ds.roadGraph)));
}

/** The dataset as the analysis reads it (the router only when the network model needs it). */
function analysisData(ds: Dataset, travel: TravelParams): AnalysisData {
  return {
    demand: ds.demand,
    familyCentres: ds.familyCentres,
    kommuner: kommunRefs(ds.kommuner),
    router: travel.kind === 'network' ? router(ds) : null,
    need: needInputs(ds.need, ds.kommuner.features.map((f) => f.properties)),
  };
}

function num(v: string | undefined, name: string, min: number, max: number): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v.replace(',', '.'));
  if (!Number.isFinite(n) || n < min || n > max) throw new UsageError(`--${name}: "${v}" är inget tal mellan ${min} och ${max}.`);
  return n;
}

/** A comma-separated list of exactly `n` numbers ≥ `min` (decimal point). */
function numList(v: string | undefined, name: string, n: number, min: number): number[] | undefined {
  if (v === undefined) return undefined;
  const parts = v.split(',').map((x) => Number(x.trim()));
  if (parts.length !== n || parts.some((x) => !Number.isFinite(x) || x < min)) {
    throw new UsageError(`--${name}: "${v}" ska vara ${n} tal ≥ ${min} åtskilda med komma (decimalpunkt).`);
  }
  return parts;
}


/** The common flags with what only the coverage and score commands read (the matrix, the forecast). */
interface Common extends CommonFlags {
  matrix: TravelMatrix | null;
  forecast: ForecastRow[] | null;
}

const OPTIONS = {
  threshold: { type: 'string' },
  travel: { type: 'string' },
  speed: { type: 'string' },
  demand: { type: 'string' },
  include: { type: 'string' },
  candidates: { type: 'string' },
  sites: { type: 'string' },
  listing: { type: 'string' },
  year: { type: 'string' },
  'ot-year': { type: 'string' },
  need: { type: 'string' },
  forecast: { type: 'string' },
  damping: { type: 'string' },
  'low-coverage': { type: 'string' },
  'gap-form': { type: 'string' },
  services: { type: 'string' },
  format: { type: 'string' },
  dialect: { type: 'string' },
  assumptions: { type: 'boolean' },
  kind: { type: 'string' },
  circuity: { type: 'string' },
  'road-speeds': { type: 'string' },
  'urban-km': { type: 'string' },
  terminal: { type: 'string' },
  'speed-factor': { type: 'string' },
  'urban-kmh': { type: 'string' },
  'rural-kmh': { type: 'string' },
  'access-kmh': { type: 'string' },
  'access-circuity': { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  'deprivation-weights': { type: 'string' },
  weights: { type: 'string' },
  'min-departures': { type: 'string' },
  'max-walk': { type: 'string' },
  heuristic: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  ...CATCHMENTS_OPTIONS,
  ...VARDVAL_OPTIONS,
} as const;

function readCandidates(io: CliIO, file: string, ds: Dataset): Site[] {
  const parsed = parseCandidatesFile(readInput(io, file));
  printIssues(io, file, parsed.issues);
  if (hasErrors(parsed.issues)) throw new UsageError(`${file}: kandidatfilen har fel (se ovan); kör validate --kind candidates för detaljer.`);
  const idx = polygonIndexFor(ds.kommuner);
  return parsed.value.sites.map((s) => {
    if (s.kommun_code) return s;
    const k = idx.find(s.lon, s.lat);
    return k >= 0 ? { ...s, kommun_code: ds.kommuner.features[k].properties.kommun_code } : s;
  });
}

/** The travel model from the flags (default: the road network); every model parameter has a flag. */
function travelFromFlags(io: CliIO, s: (k: string) => string | undefined): { travel: TravelParams; matrix: TravelMatrix | null } {
  const t = s('travel') ?? 'network';
  const speed = num(s('speed'), 'speed', 1, 200);
  const circuity = numList(s('circuity'), 'circuity', 3, 1);
  const speeds = numList(s('road-speeds'), 'road-speeds', 2, 1);
  const urbanKm = num(s('urban-km'), 'urban-km', 0, 100);
  const terminal = num(s('terminal'), 'terminal', 0, 120);
  const speedFactor = num(s('speed-factor'), 'speed-factor', 0.1, 1.5);
  const urbanKmh = num(s('urban-kmh'), 'urban-kmh', 1, 200);
  const ruralKmh = num(s('rural-kmh'), 'rural-kmh', 1, 200);
  const accessKmh = num(s('access-kmh'), 'access-kmh', 1, 200);
  const accessCircuity = num(s('access-circuity'), 'access-circuity', 1, 5);
  const roadFlags = circuity || speeds || urbanKm !== undefined;
  const networkFlags = [speedFactor, urbanKmh, ruralKmh, accessKmh, accessCircuity].some((x) => x !== undefined);
  let travel: TravelParams;
  let matrix: TravelMatrix | null = null;
  if (t === 'network') {
    travel = {
      ...DEFAULT_NETWORK,
      ...(speedFactor !== undefined ? { speedFactor } : {}),
      ...(urbanKmh !== undefined ? { urbanKmh } : {}),
      ...(ruralKmh !== undefined ? { ruralKmh } : {}),
      ...(accessKmh !== undefined ? { accessKmh } : {}),
      ...(accessCircuity !== undefined ? { accessCircuity } : {}),
      ...(terminal !== undefined ? { terminalMinutes: terminal } : {}),
    };
  } else if (t === 'road') {
    travel = {
      ...DEFAULT_ROAD,
      ...(circuity ? { circuityBelow10: circuity[0], circuity10to40: circuity[1], circuityAbove40: circuity[2] } : {}),
      ...(speeds ? { urbanSpeedKmh: speeds[0], ruralSpeedKmh: speeds[1] } : {}),
      ...(urbanKm !== undefined ? { urbanKm } : {}),
      ...(terminal !== undefined ? { terminalMinutes: terminal } : {}),
    };
  } else if (t === 'straight') travel = { ...DEFAULT_STRAIGHT, speedKmh: speed ?? DEFAULT_STRAIGHT.speedKmh };
  else if (t.startsWith('matrix:')) {
    const file = t.slice('matrix:'.length);
    if (!file) throw new UsageError('--travel matrix:FIL saknar filnamn.');
    const parsed = parseMatrixFile(readInput(io, file), file);
    printIssues(io, file, parsed.issues);
    if (!parsed.value || hasErrors(parsed.issues)) throw new UsageError(`${file}: restidsmatrisen kunde inte läsas (se ovan).`);
    matrix = parsed.value;
    travel = { kind: 'matrix', source: file };
  } else throw new UsageError(`--travel: "${t}" okänt. Förväntat network, road, straight eller matrix:FIL.`);
  if (speed !== undefined && travel.kind !== 'straight') throw new UsageError('--speed gäller bara --travel straight.');
  if (roadFlags && travel.kind !== 'road') throw new UsageError('--circuity, --road-speeds och --urban-km gäller bara --travel road.');
  if (networkFlags && travel.kind !== 'network') throw new UsageError('--speed-factor, --urban-kmh, --rural-kmh, --access-kmh och --access-circuity gäller bara --travel network.');
  if (terminal !== undefined && travel.kind !== 'road' && travel.kind !== 'network') throw new UsageError('--terminal gäller bara --travel network och --travel road.');
  return { travel, matrix };
}

function common(io: CliIO, v: FlagValues): Common {
  const ds = dataset();
  const s = (k: string) => v[k] as string | undefined;
  const threshold = num(s('threshold'), 'threshold', 0, 600) ?? DEFAULT_PARAMS.thresholdMinutes;
  const { travel, matrix } = travelFromFlags(io, s);
  const dw = numList(s('deprivation-weights'), 'deprivation-weights', 5, 0);
  let criterionWeights = DEFAULT_PARAMS.criterionWeights;
  if (s('weights') !== undefined) {
    criterionWeights = { ...criterionWeights };
    for (const part of s('weights')!.split(',')) {
      const [k, val] = part.split('=').map((x) => x.trim());
      const n = Number(val);
      if (!(k in criterionWeights) || !Number.isFinite(n) || n < 0) {
        throw new UsageError(`--weights: "${part}" okänt. Förväntat namn=tal med namn bland reach, newReach, deprivation, travel, transit.`);
      }
      criterionWeights[k as keyof typeof criterionWeights] = n;
    }
  }
  const minDepartures = num(s('min-departures'), 'min-departures', 0, 10000);
  const maxWalk = num(s('max-walk'), 'max-walk', 1, 100000);

  const demand = s('demand') ?? 'grid';
  if (demand !== 'grid' && demand !== 'deso') throw new UsageError(`--demand: "${demand}" okänt. Förväntat grid eller deso.`);
  const include = { planned: false, intent: false, family_unit: false };
  for (const part of (s('include') ?? 'existing').split(',').map((x) => x.trim()).filter(Boolean)) {
    if (part === 'existing') continue;
    if (part === 'planned' || part === 'intent' || part === 'family_unit') include[part] = true;
    else throw new UsageError(`--include: "${part}" okänt. Förväntat existing, planned, intent, family_unit.`);
  }
  // --year takes the projection year (2025, 2030, 2035); 2022/2023 still mean the områdestyp year (as before --ot-year).
  const yearArg = s('year');
  const otYear = s('ot-year') ?? (yearArg === '2022' || yearArg === '2023' ? yearArg : '2023');
  if (otYear !== '2022' && otYear !== '2023') throw new UsageError(`--ot-year: "${otYear}" okänt. Förväntat 2022 eller 2023.`);
  const projYear = yearArg === undefined || yearArg === '2022' || yearArg === '2023' ? '2025' : yearArg;
  if (projYear !== '2025' && projYear !== '2030' && projYear !== '2035') throw new UsageError(`--year: "${yearArg}" okänt. Förväntat 2025, 2030 eller 2035 (år för barnen) eller 2022/2023 (områdestyp).`);
  const needMode = s('need') ?? 'omradestyp';
  if (needMode !== 'omradestyp' && needMode !== 'index' && needMode !== 'none') throw new UsageError(`--need: "${needMode}" okänt. Förväntat omradestyp, index eller none.`);
  const gapForm = s('gap-form') ?? 'familjecentral_only';
  if (gapForm !== 'familjecentral_only' && gapForm !== 'both') throw new UsageError(`--gap-form: "${gapForm}" okänt. Förväntat familjecentral_only (bara familjecentraler) eller both (även familjecentralsliknande).`);
  let siteServices: ScenarioParams['siteServices'] = {};
  const servicesFile = s('services');
  if (servicesFile) {
    let raw: unknown;
    try {
      raw = JSON.parse(new TextDecoder().decode(readInput(io, servicesFile)).replace(/^\uFEFF/, ''));
    } catch (e) {
      if (e instanceof UsageError) throw e;
      throw new UsageError(`${servicesFile}: ingen giltig JSON (${(e as Error).message}). Förväntat: { "plats-id": { "mhv": "full|part|absent|unknown", "bhv": …, "openPreschool": …, "socialServices": …, "openPreschoolHoursPerWeek": tal|null, "socialServicesHoursPerWeek": tal|null } }.`);
    }
    const r = readSiteServices(raw);
    for (const i of r.issues) io.err(`${servicesFile}: ${i.severity === 'error' ? 'fel' : 'obs'}: ${siteServicesIssueText(i, 'sv')}\n`);
    siteServices = r.value;
  }
  const damping = num(s('damping'), 'damping', 0, 1);
  const forecastArg = s('forecast') ?? 'scb';
  let forecast: ForecastRow[] | null = null;
  let forecastSource: ProjectionParams['source'] = 'scb';
  if (forecastArg === 'trend') forecastSource = 'trend';
  else if (forecastArg !== 'scb') {
    const parsed = parseForecastFile(readInput(io, forecastArg));
    printIssues(io, forecastArg, parsed.issues);
    if (hasErrors(parsed.issues) || !parsed.value.length) throw new UsageError(`${forecastArg}: prognosfilen har fel (se ovan).`);
    forecast = parsed.value;
    forecastSource = 'imported';
  }
  const low = num(s('low-coverage'), 'low-coverage', 0, 100);
  const format = s('format') ?? 'csv';
  if (format !== 'csv' && format !== 'json') throw new UsageError(`--format: "${format}" okänt. Förväntat csv eller json.`);
  const dialect = s('dialect') ?? 'std';
  if (dialect !== 'std' && dialect !== 'sv') throw new UsageError(`--dialect: "${dialect}" okänt. Förväntat std eller sv.`);

  const candidates = s('candidates') ? readCandidates(io, s('candidates')!, ds) : [];
  const sitesOpt = s('sites') ?? (candidates.length ? 'both' : 'today');
  if (sitesOpt !== 'today' && sitesOpt !== 'proposal' && sitesOpt !== 'both') throw new UsageError(`--sites: "${sitesOpt}" okänt. Förväntat today, proposal eller both.`);
  const sites: SiteSetKey[] = sitesOpt === 'both' ? ['today', 'proposal'] : [sitesOpt];
  let listing: ListingRecord[] | null = null;
  const listingFile = s('listing') ?? '';
  if (listingFile) {
    const dec = decodeText(readInput(io, listingFile));
    if (!dec.value) {
      printIssues(io, listingFile, dec.issues);
      throw new UsageError(`${listingFile}: ingen textfil.`);
    }
    const parsed = parseListingCsv(dec.value.text, ds.healthCentres);
    printIssues(io, listingFile, [...dec.issues, ...parsed.issues]);
    if (hasErrors(parsed.issues)) throw new UsageError(`${listingFile}: listningsfilen har fel (se ovan).`);
    listing = latestYearRecords(parsed.value.records).records;
  }
  const params: ScenarioParams = {
    ...DEFAULT_PARAMS,
    include,
    thresholdMinutes: threshold,
    travel,
    omradestypYear: otYear === '2022' ? 2022 : 2023,
    need: { ...DEFAULT_PARAMS.need, mode: needMode },
    projection: { year: Number(projYear) as ProjectionParams['year'], source: forecastSource, damping: damping ?? DEFAULT_PARAMS.projection.damping },
    lowCoverageShare: low === undefined ? DEFAULT_PARAMS.lowCoverageShare : low / 100,
    gapFormMode: gapForm,
    siteServices,
    demand,
    deprivationWeights: dw ? { 1: dw[0], 2: dw[1], 3: dw[2], 4: dw[3], 5: dw[4] } : DEFAULT_PARAMS.deprivationWeights,
    criterionWeights,
    minDepartures: minDepartures ?? DEFAULT_PARAMS.minDepartures,
    maxWalkM: maxWalk ?? DEFAULT_PARAMS.maxWalkM,
  };
  return { params, candidates, matrix, listing, listingFile, format, dialect, assumptions: !!v.assumptions, sites, forecast };
}

function inputOf(c: Common): AnalysisInput {
  return analysisInput(analysisData(dataset(), c.params.travel), { params: c.params, candidates: c.candidates, matrix: c.matrix, forecast: c.forecast });
}

/** What a set's CSV rows and stated lines need. */
function setStatistics(a: CoverageAnalysis): SetStatistics {
  return { siteSet: a.siteSet, params: a.params, rows: a.rows, total: a.total };
}

function checkMatrix(io: CliIO, c: Common, input: AnalysisInput, sites: Site[]) {
  if (!c.matrix) return;
  const issues = matrixCoverageIssues(c.matrix, input.demand.map((u) => u.id), sites.map((s) => s.id));
  printIssues(io, c.params.travel.kind === 'matrix' ? c.params.travel.source : 'matris', issues);
}

/** Both sets with the common flags; the stated lines, matrix issues and projection gaps go to stderr. */
function analyse(io: CliIO, c: Common): AnalysedSets {
  const input = inputOf(c);
  const all = analyseSiteSets(input);
  const sets = c.sites.map((k) => all[k]);
  checkMatrix(io, c, input, all.proposal.sites);
  const lines = statedLines(sets.map(setStatistics));
  for (const line of lines) io.err(`# ${line}\n`);
  const missing = input.projectionMissing ?? [];
  if (missing.length) {
    const names = new Map(dataset().kommuner.features.map((f) => [f.properties.kommun_code, f.properties.kommun_name]));
    io.err(`# Varning: prognosen saknar värde för ${missing.map((k) => `${names.get(k) ?? k} (${k})`).join(', ')} år ${c.params.projection.year}; där räknas 2025 års barn (uppskattat).\n`);
  }
  return { input, all, sets, lines };
}

/** What a command module (catchments, vardval) gets: the flags, the dataset and the analysis on demand. */
function commandContext(io: CliIO, values: FlagValues): CommandContext {
  const c = common(io, values);
  return { io, values, common: c, dataset: dataset(), analyse: () => analyse(io, c) };
}

function coverage(io: CliIO, c: Common): number {
  const { input, all, sets } = analyse(io, c);
  const stats = sets.map(setStatistics);
  const missing = input.projectionMissing ?? [];
  if (c.format === 'csv') {
    io.out(coverageCsv(stats, c.dialect, c.assumptions ? [] : null));
    return 0;
  }
  const parameters = { ...c.params, site_set: c.sites.length === 1 ? c.sites[0] : 'both', assumptions: statedLines(stats), missing_pairs: all.proposal.missingPairs, projection_missing: missing };
  const body = Object.fromEntries(sets.map((a) => [a.siteSet.key, setJson(a, input)]));
  const json = c.sites.length === 1 ? { parameters, ...body[c.sites[0]] } : { parameters, ...body };
  io.out(JSON.stringify(json, null, 1) + '\n');
  return 0;
}

const r3 = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 1000);

/** One set's results as JSON: kommun rows with reasons, demand units, counted sites, områdestyp rows. */
function setJson(a: CoverageAnalysis, input: AnalysisInput) {
  const siteIds = a.sites.map((s) => s.id);
  const idx = cachedNeedIndex(dataset().need.indicators, a.params.need.components);
  const needIndexOf = (deso: string) => idx.get(deso) ?? null;
  const asg = a.coverage.assignment;
  return {
    site_set: a.siteSet.key,
    site_set_label: siteSetLabel(a.siteSet),
    kommuner: [...a.rows, a.total].map((r) => ({
      ...r,
      children_0_6: r3(r.children_0_6),
      covered_children: r3(r.covered_children),
      coverage_pct: r3(r.coverage_pct),
      mean_minutes: r3(r.mean_minutes),
      median_minutes: r3(r.median_minutes),
      children_over_30_min: r3(r.children_over_30_min),
      children_lt_5_min: r3(r.children_lt_5_min),
      children_5_10_min: r3(r.children_5_10_min),
      children_10_30_min: r3(r.children_10_30_min),
      unreachable_children: r3(r.unreachable_children),
      reasons: (() => {
        const g = a.gaps.find((x) => x.kommun_code === r.kommun_code);
        return g ? gapReasons(g, a.siteSet.key) : [];
      })(),
    })),
    demand: input.demand.map((u, i) => ({
      id: u.id,
      deso_code: u.deso_code,
      kommun_code: u.kommun_code,
      omradestyp: omradestypOf(u, a.params.omradestypYear),
      lon: u.lon,
      lat: u.lat,
      children_0_6: r3(u.children_0_6),
      nearest_site_id: asg.nearest[i] >= 0 ? siteIds[asg.nearest[i]] : null,
      minutes: Number.isFinite(asg.minutes[i]) ? r3(asg.minutes[i]) : null,
      km: Number.isFinite(asg.km[i]) ? r3(asg.km[i]) : null,
      covered: isCovered(asg.minutes[i], a.params.thresholdMinutes),
      need_index: r3(needIndexOf(u.deso_code)),
      need_weight: r3(input.needWeight ? input.needWeight(u) : 1),
    })),
    sites: a.sites.map((s) => ({ id: s.id, name: s.name, status: s.status, lon: s.lon, lat: s.lat })),
    omradestyp: [...a.coverage.byOmradestyp].map(([t, st]) => ({
      omradestyp: t,
      children_0_6: r3(st.children_0_6),
      covered_children: r3(st.covered_children),
      coverage_pct: r3(st.coverage_share * 100),
      mean_minutes: r3(st.mean_minutes),
      median_minutes: r3(st.median_minutes),
      children_over_30_min: r3(st.children_over_30_min),
      children_lt_5_min: r3(st.bands.lt_5),
      children_5_10_min: r3(st.bands.from_5_to_10),
      children_10_30_min: r3(st.bands.from_10_to_30),
    })),
  };
}

function score(io: CliIO, c: Common): number {
  if (c.candidates.length === 0) throw new UsageError('score kräver --candidates FIL med minst en kandidat.');
  const ds = dataset();
  const input = inputOf(c);
  checkMatrix(io, c, input, [...c.candidates]);
  const listing = mergeListing(ds.listingModelled, c.listing, c.listingFile);
  const scores = analyseCandidates(input, { stops: stopAreas(ds), healthCentres: healthCentreListings(ds.healthCentres, listing) });
  // Each candidate is scored against today: state today's sites.
  const today = analyseSiteSets({ ...input, candidates: [] }).today;
  const lines = [...statedLines([setStatistics(today)]), ...rankingLines(c.params)];
  for (const line of lines) io.err(`# ${line}\n`);
  if (c.format === 'csv') {
    io.out(writeCsv(scores, SCORE_COLUMNS, c.dialect, c.assumptions ? lines : []));
    return 0;
  }
  io.out(JSON.stringify({ parameters: { ...c.params, site_set: 'today', assumptions: lines }, candidates: scores }, null, 1) + '\n');
  return 0;
}

/** "LAT,LON" in WGS84 decimal degrees, inside Sweden's extent. */
function latLon(v: string | undefined, name: string): { lon: number; lat: number } {
  if (!v) throw new UsageError(`route kräver --${name} LAT,LON.`);
  const parts = v.split(',').map((x) => Number(x.trim()));
  if (parts.length !== 2 || parts.some((x) => !Number.isFinite(x))) throw new UsageError(`--${name}: "${v}" ska vara LAT,LON i decimalgrader med punkt, t.ex. 60.6065,15.6355.`);
  const [lat, lon] = parts;
  if (lat < 55 || lat > 69.1 || lon < 10.5 || lon > 24.2) throw new UsageError(`--${name}: ${lat}, ${lon} ligger inte i Sverige. Förväntat LAT (55–69) före LON (10–24).`);
  return { lon, lat };
}

/** `route`: one trip with the chosen travel model, as JSON. */
function route(io: CliIO, v: FlagValues): number {
  const s = (k: string) => v[k] as string | undefined;
  const from = latLon(s('from'), 'from');
  const to = latLon(s('to'), 'to');
  const { travel } = travelFromFlags(io, s);
  if (travel.kind === 'matrix') throw new UsageError('route räknar med network, road eller straight; en importerad matris har inga koordinater.');
  const straight = greatCircleKm(from.lon, from.lat, to.lon, to.lat);
  const r3 = (x: number) => (Number.isFinite(x) ? Math.round(x * 1000) / 1000 : null);
  let out: Record<string, unknown>;
  if (travel.kind === 'network') {
    const r = router(dataset()).route(from, to, travel);
    out = { minutes: r3(r.minutes), km: r3(r.km), straight_km: r3(r.straightKm), access_km_from: r3(r.accessKmFrom), access_km_to: r3(r.accessKmTo), flags: r.flags };
  } else {
    const t = buildCostTable([{ id: 'from', ...from }], [{ id: 'to', ...to }], travel);
    out = { minutes: r3(t.minutes[0]), km: r3(t.km[0]), straight_km: r3(straight), access_km_from: null, access_km_to: null, flags: t.km[0] > DETOUR_RATIO * straight && straight > 0 ? ['detour'] : [] };
  }
  io.out(JSON.stringify({ ...out, travel, travel_text: travelText(travel) }, null, 1) + '\n');
  return 0;
}

/** Bus stop areas as the scoring reads them. */
function stopAreas(ds: Dataset) {
  return ds.stopAreas.features.map((f) => ({
    id: f.properties.stop_area_id,
    name: f.properties.name,
    lon: f.geometry.coordinates[0],
    lat: f.geometry.coordinates[1],
    departures: f.properties.dep_weekday_avg,
  }));
}

function validate(io: CliIO, kind: string | undefined, file: string | undefined): number {
  if (!kind || !['candidates', 'listing', 'matrix'].includes(kind)) throw new UsageError('validate kräver --kind candidates|listing|matrix.');
  if (!file) throw new UsageError('validate kräver ett filnamn.');
  const bytes = readInput(io, file);
  let issues: InputIssue[];
  if (kind === 'candidates') issues = parseCandidatesFile(bytes).issues;
  else if (kind === 'matrix') issues = parseMatrixFile(bytes, file).issues;
  else {
    const dec = decodeText(bytes);
    issues = dec.value ? [...dec.issues, ...parseListingCsv(dec.value.text, dataset().healthCentres).issues] : dec.issues;
  }
  // Each problem keeps a Swedish `message` next to its code and params (analysts read it).
  const problems = issues.map((i) => ({ severity: i.severity, row: i.row, column: i.column, code: i.code, params: i.params, message: issueText(i, 'sv') }));
  io.out(JSON.stringify({ file, kind, valid: !hasErrors(issues), problems }, null, 1) + '\n');
  return hasErrors(issues) ? 1 : 0;
}

/**
 * Runs the CLI. Exit codes: 0 ok (validate: file valid), 1 validate found problems, 2 wrong usage
 * or an input file that cannot be used.
 */
export function runCli(argv: string[], io: CliIO = nodeIO): number {
  try {
    const { values, positionals } = parseArgs({ args: joinNegativeValues(argv, valueFlagsOf(OPTIONS)), options: OPTIONS, allowPositionals: true, strict: true });
    const [command, ...rest] = positionals;
    if (values.help) {
      io.out(USAGE);
      return 0;
    }
    if (!command) {
      io.err(USAGE);
      return 2;
    }
    if (command === 'validate') {
      if (rest.length > 1) throw new UsageError('validate tar en fil.');
      return validate(io, values.kind, rest[0]);
    }
    if (values.kind) throw new UsageError('--kind gäller bara validate.');
    if (rest.length) throw new UsageError(`Okänt argument: ${rest.join(' ')}`);
    checkCommandFlags(command, values);
    if (command === 'solve') throw new UsageError('solve körs via runCliAsync.');
    if (command === 'coverage') return coverage(io, common(io, values));
    if (command === 'route') return route(io, values);
    if (command === 'catchments') return runCatchments(commandContext(io, values));
    if (command === 'vardval') return runVardval(commandContext(io, values));
    if (command === 'score') {
      if (!values.candidates) throw new UsageError('score kräver --candidates FIL.');
      return score(io, common(io, values));
    }
    throw new UsageError(`Okänt kommando: ${command}`);
  } catch (e) {
    const parseText = parseArgsText(e);
    if (e instanceof UsageError || parseText !== null) {
      io.err(`${parseText ?? (e as Error).message}\n\n${USAGE}`);
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

export { nodeIO, type CliIO } from './io';

/**
 * Like runCli, and also runs the asynchronous commands: `solve` and `report` (each its own chunk;
 * `report` alone loads playwright-core).
 */
export async function runCliAsync(argv: string[], io: CliIO = nodeIO): Promise<number> {
  if (argv[0] === 'solve') return (await import('./solveCommand')).runSolveCli(argv, io);
  if (argv[0] === 'report') return (await import('./reportCommand')).runReportCli(argv, io);
  return runCli(argv, io);
}
