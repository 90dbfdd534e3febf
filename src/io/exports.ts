import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import type { KommunRow } from '../domain/analysis';
import type { DesoResult } from '../domain/desoResults';
import type { ScenarioParams } from '../domain/scenario';
import type { CandidateScore } from '../domain/scoring';
import type { Site } from '../domain/types';
import { wgs84ToSweref } from '../geo/sweref';
import { assumptionLines } from './coverageExport';
import { KOMMUN_COLUMNS } from './coverageExport';
import { writeCsv, type CsvDialect } from './csvWrite';
import { SCORE_COLUMNS } from './rankingExport';

/** The data years every export states. */
export const DATA_YEARS =
  'Befolkning SCB TAB6574 31 dec 2025 (barn 0–6 uppskattat); områdestyp SCB (RegSO) 2022/2023; 1 km-rutnät folkräkning 2021; tätorter SCB 2020; vårdcentraler Region Dalarna 2023; familjecentraler HSN 2026/4486; hållplatser Dalatrafik 2025';

/** "Mitt scenario: Säter" → "mitt-scenario-sater". */
export function slug(name: string): string {
  const s = name
    .toLocaleLowerCase('sv')
    .replace(/[åä]/g, 'a')
    .replace(/ö/g, 'o')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s || 'scenario';
}

/** Local date as YYYY-MM-DD. */
export function isoDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** Export file name carrying the scenario name and the date, e.g. "mitt-scenario_tackning_2026-11-22.csv". */
export function exportFileName(scenario: string, what: string, ext: string, date: Date): string {
  return `${slug(scenario)}_${what}_${isoDate(date)}.${ext}`;
}

function statedLines(scenario: string, params: ScenarioParams, date: Date): string[] {
  return [`Scenario: ${scenario}`, `Exporterad: ${isoDate(date)}`, ...assumptionLines(params, DATA_YEARS)];
}

/** Per-kommun coverage statistics (+ county row 20) with the assumptions after the data. */
export function coverageStatsCsv(rows: readonly KommunRow[], total: KommunRow, params: ScenarioParams, scenario: string, dialect: CsvDialect, date: Date): string {
  return writeCsv([...rows, total], KOMMUN_COLUMNS, dialect, statedLines(scenario, params, date));
}

/** Candidate ranking with every criterion and contribution. */
export function rankingCsv(scores: readonly CandidateScore[], params: ScenarioParams, scenario: string, dialect: CsvDialect, date: Date): string {
  const w = params.criterionWeights;
  return writeCsv(scores, SCORE_COLUMNS, dialect, [
    ...statedLines(scenario, params, date),
    `Kriterievikter: räckvidd ${w.reach}, ny räckvidd ${w.newReach}, behov ${w.deprivation}, restid ${w.travel}, kollektivtrafik ${w.transit}; kollektivtrafik: minst ${params.minDepartures} avgångar per vardag, 0 poäng vid ${params.maxWalkM} m`,
  ]);
}

export type ExportCrs = 'wgs84' | 'sweref99tm';

/** Reprojects every position of a geometry to SWEREF 99 TM [E, N] (metres, 1 decimal). */
function toSweref(g: Geometry): Geometry {
  const pt = (p: Position): Position => {
    const [n, e] = wgs84ToSweref(p[0], p[1]);
    return [Math.round(e * 10) / 10, Math.round(n * 10) / 10];
  };
  switch (g.type) {
    case 'Point':
      return { type: 'Point', coordinates: pt(g.coordinates) };
    case 'Polygon':
      return { type: 'Polygon', coordinates: g.coordinates.map((r) => r.map(pt)) };
    case 'MultiPolygon':
      return { type: 'MultiPolygon', coordinates: g.coordinates.map((poly) => poly.map((r) => r.map(pt))) };
    default:
      throw new Error(`unsupported geometry ${g.type}`);
  }
}

function collection(features: Feature[], crs: ExportCrs, scenario: string, params: ScenarioParams, date: Date): FeatureCollection & Record<string, unknown> {
  const fc: FeatureCollection & Record<string, unknown> = {
    type: 'FeatureCollection',
    metadata: { scenario, exported: isoDate(date), assumptions: assumptionLines(params, DATA_YEARS), crs: crs === 'wgs84' ? 'EPSG:4326 (WGS84, lon/lat)' : 'EPSG:3006 (SWEREF 99 TM, E/N metres)' },
    features: crs === 'wgs84' ? features : features.map((f) => ({ ...f, geometry: toSweref(f.geometry) })),
  };
  // RFC 7946 allows WGS84 only; a SWEREF file names its CRS the pre-RFC way so GIS tools read it.
  if (crs === 'sweref99tm') fc.crs = { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::3006' } };
  return fc;
}

/** The scenario's sites (included family centres and candidates) as GeoJSON points. */
export function sitesGeoJson(sites: readonly Site[], scores: readonly CandidateScore[] | null, crs: ExportCrs, scenario: string, params: ScenarioParams, date: Date): string {
  const byId = new Map((scores ?? []).map((x) => [x.id, x]));
  const features: Feature[] = sites.map((s) => {
    const sc = byId.get(s.id);
    return {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [s.lon, s.lat] },
      properties: {
        id: s.id,
        name: s.name,
        status: s.status,
        kommun_code: s.kommun_code ?? null,
        ...(sc ? { rank: sc.rank, composite: sc.composite, reach_children: sc.reach_children, new_reach_children: sc.new_reach_children } : {}),
      },
    };
  });
  return JSON.stringify(collection(features, crs, scenario, params, date));
}

/** Per-DeSO coverage results as GeoJSON polygons. */
export function desoGeoJson(
  deso: FeatureCollection,
  results: ReadonlyMap<string, DesoResult>,
  crs: ExportCrs,
  scenario: string,
  params: ScenarioParams,
  date: Date,
): string {
  const r4 = (x: number | null) => (x === null ? null : Math.round(x * 1e4) / 1e4);
  const features: Feature[] = deso.features.map((f) => {
    const p = f.properties as Record<string, unknown>;
    const res = results.get(String(p.deso_code));
    return {
      type: 'Feature',
      geometry: f.geometry,
      properties: {
        deso_code: p.deso_code,
        regso_code: p.regso_code,
        kommun_code: p.kommun_code,
        omradestyp: p[params.omradestypYear === 2022 ? 'omradestyp_2022' : 'omradestyp_2023'],
        population_2025: p.population,
        children_0_6_estimated: r4(res?.children_0_6 ?? Number(p.children_0_6)),
        covered_children: r4(res?.covered_children ?? 0),
        coverage_pct: res?.coverage_share === null || res === undefined ? null : r4(res.coverage_share * 100),
        mean_minutes: r4(res?.mean_minutes ?? null),
        main_site_id: res?.main_site_id ?? null,
      },
    };
  });
  return JSON.stringify(collection(features, crs, scenario, params, date));
}
