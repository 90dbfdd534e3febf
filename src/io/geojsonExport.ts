import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import type { DesoResult } from '../domain/desoResults';
import type { CandidateScore } from '../domain/scoring';
import type { SiteSetKey } from '../domain/siteSets';
import type { FamilyCentre, Site } from '../domain/types';
import { omradestypOf } from '../domain/views';
import { wgs84ToSweref } from '../geo/sweref';
import { statedLines as setLines, type SetStatistics } from './coverageExport';
import { isoDate } from './exports';

/**
 * GeoJSON exports of the sites and the DeSO, in WGS84 or SWEREF 99 TM. A module of its own so the
 * app loads the reprojection library (proj4) only when a planner exports GeoJSON.
 */

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

function collection(features: Feature[], crs: ExportCrs, scenario: string, sets: readonly SetStatistics[], date: Date): FeatureCollection & Record<string, unknown> {
  const fc: FeatureCollection & Record<string, unknown> = {
    type: 'FeatureCollection',
    metadata: { scenario, exported: isoDate(date), assumptions: setLines(sets), crs: crs === 'wgs84' ? 'EPSG:4326 (WGS84, lon/lat)' : 'EPSG:3006 (SWEREF 99 TM, E/N metres)' },
    features: crs === 'wgs84' ? features : features.map((f) => ({ ...f, geometry: toSweref(f.geometry) })),
  };
  // RFC 7946 allows WGS84 only; a SWEREF file names its CRS the pre-RFC way so GIS tools read it.
  if (crs === 'sweref99tm') fc.crs = { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::3006' } };
  return fc;
}

/**
 * Every family centre (all statuses, public fields only) and every candidate as GeoJSON points,
 * each saying whether today and the proposal count it.
 */
export function sitesGeoJson(
  familyCentres: readonly FamilyCentre[],
  candidates: readonly Site[],
  counted: Record<SiteSetKey, ReadonlySet<string>>,
  scores: readonly CandidateScore[] | null,
  crs: ExportCrs,
  scenario: string,
  sets: readonly SetStatistics[],
  date: Date,
): string {
  const byId = new Map((scores ?? []).map((x) => [x.id, x]));
  const point = (lon: number, lat: number): Geometry => ({ type: 'Point', coordinates: [lon, lat] });
  const features: Feature[] = [
    ...familyCentres.map((f): Feature => ({
      type: 'Feature',
      geometry: point(f.lon, f.lat),
      properties: {
        id: f.id,
        name: f.name,
        status: f.status,
        kommun_code: f.kommun_code,
        position_note: f.position_note,
        counted_today: counted.today.has(f.id),
        counted_proposal: counted.proposal.has(f.id),
      },
    })),
    ...candidates.map((c): Feature => {
      const sc = byId.get(c.id);
      return {
        type: 'Feature',
        geometry: point(c.lon, c.lat),
        properties: {
          id: c.id,
          name: c.name,
          status: 'candidate',
          kommun_code: c.kommun_code ?? null,
          position_note: '',
          counted_today: false,
          counted_proposal: counted.proposal.has(c.id),
          ...(sc ? { rank: sc.rank, composite: sc.composite, reach_children: sc.reach_children, new_reach_children: sc.new_reach_children } : {}),
        },
      };
    }),
  ];
  return JSON.stringify(collection(features, crs, scenario, sets, date));
}

/** Per-DeSO coverage of each site set as GeoJSON polygons (`…_today`, `…_proposal`). */
export function desoGeoJson(
  deso: FeatureCollection<Geometry, DesoExportProps>,
  results: Partial<Record<SiteSetKey, ReadonlyMap<string, DesoResult>>>,
  crs: ExportCrs,
  scenario: string,
  sets: readonly SetStatistics[],
  date: Date,
): string {
  const r4 = (x: number | null | undefined) => (x === null || x === undefined ? null : Math.round(x * 1e4) / 1e4);
  const year = sets[0].params.omradestypYear;
  const features: Feature[] = deso.features.map((f) => {
    const p = f.properties;
    const per = (key: SiteSetKey) => {
      const res = results[key]?.get(p.deso_code);
      if (!results[key]) return {};
      return {
        [`covered_children_${key}`]: r4(res?.covered_children ?? 0),
        [`coverage_pct_${key}`]: res?.coverage_share === null || res === undefined ? null : r4(res.coverage_share * 100),
        [`mean_minutes_${key}`]: r4(res?.mean_minutes),
        [`main_site_id_${key}`]: res?.main_site_id ?? null,
      };
    };
    return {
      type: 'Feature',
      geometry: f.geometry,
      properties: {
        deso_code: p.deso_code,
        regso_code: p.regso_code,
        kommun_code: p.kommun_code,
        omradestyp: omradestypOf(p, year),
        population_2025: p.population,
        children_0_6_estimated: r4(p.children_0_6),
        ...per('today'),
        ...per('proposal'),
      },
    };
  });
  return JSON.stringify(collection(features, crs, scenario, sets, date));
}

/** The DeSO fields the export reads. */
export interface DesoExportProps {
  deso_code: string;
  regso_code: string;
  kommun_code: string;
  omradestyp_2022: 1 | 2 | 3 | 4 | 5;
  omradestyp_2023: 1 | 2 | 3 | 4 | 5;
  population: number;
  children_0_6: number;
}
