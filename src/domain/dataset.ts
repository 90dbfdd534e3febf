import Papa from 'papaparse';
import { area as turfArea, bbox as turfBbox } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { PolygonIndex } from '../geo/polygonIndex';
import { graphColumns, type UnionGraphFile } from './network/build';
import { INDICATOR_KEYS, readIndicators, type DesoIndicators } from './need/indicators';
import { readScbBand } from './need/projection';
import type { RoadGraphColumns } from './network/graph';
import { representativePoint } from '../geo/representativePoint';
import { estimateChildren0to6, estimateWomen16to54 } from './estimates';
import { positionNote, publicFamilyCentreName } from './publicFacility';
import { COUNTY_LISTED_CHILDREN_2025, modelListing } from './listing';
import { spreadProportionally } from './spread';
import type {
  DemandUnit,
  DesoUnit,
  FamilyCentre,
  FamilyCentreStatus,
  HealthCentre,
  ListingRecord,
  Omradestyp,
  Ownership,
} from './types';
import { FAMILY_CENTRE_STATUSES } from './types';

/** The raw inputs of the data build, as read from `data/` (GeoJSON parsed, CSV as text). */
export interface RawInputs {
  kommuner: FeatureCollection<Polygon | MultiPolygon>;
  regso: FeatureCollection<Polygon | MultiPolygon>;
  deso: FeatureCollection<Polygon | MultiPolygon>;
  grid: FeatureCollection<Polygon>;
  tatorter: FeatureCollection<Point>;
  stopAreas: FeatureCollection<Point>;
  populationCsv: string;
  /** SCB TAB6574 2025 by DeSO, sex and five-year band (`deso_code,year,sex,age_band,persons`). */
  ageSexCsv: string;
  healthCentresCsv: string;
  familyCentresCsv: string;
  /** The shared union road graph (bus-route roads + NVDB national roads), used as delivered. */
  roadGraph: UnionGraphFile;
  /** SCB small-area indicators per DeSO and year (shared data §7). */
  desoIndicatorsCsv: string;
  /** SCB's kommun projection 2026–2040 (shared data §9). */
  forecastCsv: string;
  /** Other primary-care sites: branch sites of merged vårdcentraler, seasonal annexes, sites of unknown role. */
  healthCentreOtherSitesCsv: string;
}

export type AreaGeometry = Polygon | MultiPolygon;

export interface KommunProps {
  kommun_code: string;
  kommun_name: string;
  population: number;
  children_0_6: number;
  area_km2: number;
  label_lon: number;
  label_lat: number;
  /** [minLon, minLat, maxLon, maxLat] */
  bbox: [number, number, number, number];
}

export interface RegsoProps {
  regso_code: string;
  regso_name: string;
  kommun_code: string;
  kommun_name: string;
  omradestyp_2022: Omradestyp;
  omradestyp_2023: Omradestyp;
  population: number;
  children_0_6: number;
  area_km2: number;
}

export interface DesoProps extends Omit<DesoUnit, 'lon' | 'lat'> {
  rep_lon: number;
  rep_lat: number;
  children_per_km2: number;
  /** Number of 1 km grid cells whose centre lies in this DeSO. */
  grid_cells: number;
}

export interface GridProps {
  id: string;
  deso_code: string;
  regso_code: string;
  kommun_code: string;
  omradestyp_2022: Omradestyp;
  omradestyp_2023: Omradestyp;
  /** Census 2021 residents. */
  population_2021: number;
  /** Estimated children 0–6 (2025) spread from the DeSO by cell population; cells are 1 km², so also per km². */
  children_0_6: number;
  women_16_54: number;
}

export interface StopAreaProps {
  stop_area_id: string;
  name: string;
  kommun_code: string;
  kommun_name: string;
  dep_weekday_avg: number;
  lines: string;
  line_types: string;
}

export interface TatortProps {
  tatort_code: string;
  name: string;
  kommun_code: string;
  kommun_name: string;
  population: number;
  year: number;
}

/**
 * Another primary-care site than a listing unit (facilities/health-centre-other-sites.csv): a branch
 * site of a merged vårdcentral (Grycksbo → Britsarvet-Grycksbo), a seasonal annex, or a site whose
 * role no source states (`related_health_centre_id` ''). Public fields only (no notes or sources).
 */
export interface HealthCentreBranch {
  id: string;
  name: string;
  /** The vårdcentral (listing unit) the site belongs to; '' when its role is unknown. */
  related_health_centre_id: string;
  kommun_code: string;
  kommun_name: string;
  lon: number;
  lat: number;
  coord_precision: string;
}

export interface DatasetTotals {
  population: number;
  age_0_4: number;
  age_5_9: number;
  age_10_14: number;
  age_15_19: number;
  women_15_54: number;
  children_0_6: number;
  women_16_54: number;
  grid_population_2021: number;
}

export interface Dataset {
  kommuner: FeatureCollection<AreaGeometry, KommunProps>;
  regso: FeatureCollection<AreaGeometry, RegsoProps>;
  deso: FeatureCollection<AreaGeometry, DesoProps>;
  grid: FeatureCollection<Polygon, GridProps>;
  demand: { deso: DemandUnit[]; grid: DemandUnit[] };
  healthCentres: HealthCentre[];
  /** Branch sites and other sites of vårdcentraler; `branchAliases()` (domain/catchments/hosts.ts) makes the id → unit map. */
  healthCentreBranches: HealthCentreBranch[];
  familyCentres: FamilyCentre[];
  tatorter: FeatureCollection<Point, TatortProps>;
  stopAreas: FeatureCollection<Point, StopAreaProps>;
  listingModelled: ListingRecord[];
  /** The routable road graph (columns of the shared union graph). */
  roadGraph: RoadGraphColumns;
  /** Needs data: indicators per DeSO (latest year each) and SCB's projected 0–5 band per kommun. */
  need: NeedData;
  totals: DatasetTotals;
}

/** What the needs index and the projections read. */
export interface NeedData {
  indicators: DesoIndicators[];
  /** kommun code → year → persons aged 0–5 (SCB TAB698, projection published 2024-06-11). */
  scb_0_5: Record<string, Record<string, number>>;
}

function csvRows(text: string): Record<string, string>[] {
  const res = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
  });
  if (res.errors.length) throw new Error(`CSV error: ${res.errors[0].message} (row ${res.errors[0].row})`);
  return res.data;
}

function num(v: string | number | undefined, what: string): number {
  const n = typeof v === 'number' ? v : Number(v);
  if (v === undefined || v === '' || !Number.isFinite(n)) throw new Error(`${what}: expected a number, got "${v}"`);
  return n;
}

function omradestyp(v: unknown, what: string): Omradestyp {
  const n = Number(v);
  if (![1, 2, 3, 4, 5].includes(n)) throw new Error(`${what}: områdestyp must be 1–5, got "${v}"`);
  return n as Omradestyp;
}

const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;
const areaKm2 = (f: Feature<AreaGeometry>) => turfArea(f) / 1e6;

/**
 * Builds the app-ready dataset from the raw Dalarna files: DeSO demand units with estimated
 * children 0–6 and women 16–54, the 1 km grid with those estimates spread by cell population,
 * RegSO/kommun aggregates, facilities and the modelled listing per health centre.
 * Throws with a message naming the file and row when the raw data break an expectation.
 */
export function buildDataset(raw: RawInputs): Dataset {
  // --- RegSO attributes ------------------------------------------------------------------
  const regsoByCode = new Map<string, { name: string; kommun_code: string; kommun_name: string; ot22: Omradestyp; ot23: Omradestyp }>();
  for (const f of raw.regso.features) {
    const p = f.properties as Record<string, unknown>;
    const code = String(p.regso_code);
    regsoByCode.set(code, {
      name: String(p.regso_name),
      kommun_code: String(p.kommun_code),
      kommun_name: String(p.kommun_name),
      ot22: omradestyp(p.omradestyp, `regso ${code} omradestyp`),
      ot23: omradestyp(p.omradestyp_2023, `regso ${code} omradestyp_2023`),
    });
  }
  const kommunName = new Map<string, string>();
  for (const f of raw.kommuner.features) {
    const p = f.properties as Record<string, unknown>;
    kommunName.set(String(p.kommun_code), String(p.kommun_name));
  }

  // --- Population per DeSO ----------------------------------------------------------------
  const pop = new Map<string, Record<string, string>>();
  for (const r of csvRows(raw.populationCsv)) if (r.area_level === 'deso') pop.set(r.area_code, r);
  const bands = desoBands(raw.ageSexCsv);

  // --- DeSO units -------------------------------------------------------------------------
  const desoFeatures = [...raw.deso.features].sort((a, b) =>
    String(a.properties?.deso_code).localeCompare(String(b.properties?.deso_code)),
  );
  const units: DesoUnit[] = desoFeatures.map((f) => {
    const p = f.properties as Record<string, unknown>;
    const code = String(p.deso_code);
    const regso = regsoByCode.get(String(p.regso_code));
    if (!regso) throw new Error(`deso ${code}: RegSO ${p.regso_code} not in regso.geojson`);
    if (regso.kommun_code !== String(p.kommun_code)) throw new Error(`deso ${code}: kommun disagrees with its RegSO`);
    const row = pop.get(code);
    if (!row) throw new Error(`deso ${code}: no row in population-by-area.csv`);
    if (row.regso_code !== p.regso_code) throw new Error(`deso ${code}: RegSO in population file differs`);
    const age04 = num(row.age_0_4, `population ${code} age_0_4`);
    const age59 = num(row.age_5_9, `population ${code} age_5_9`);
    const w1554 = num(row.women_15_54, `population ${code} women_15_54`);
    const b = bands.get(code);
    if (!b) throw new Error(`deso ${code}: no rows in population-deso-age-sex-2025.csv`);
    if (b['0-4'] !== age04 || b['5-9'] !== age59) throw new Error(`deso ${code}: age bands in population-deso-age-sex-2025.csv differ from population-by-area.csv`);
    const childBands = { age_0_4: age04, age_5_9: age59, age_10_14: b['10-14'] ?? 0, age_15_19: b['15-19'] ?? 0 };
    const [lon, lat] = representativePoint(f.geometry);
    return {
      deso_code: code,
      regso_code: String(p.regso_code),
      regso_name: regso.name,
      kommun_code: String(p.kommun_code),
      kommun_name: regso.kommun_name,
      omradestyp_2022: regso.ot22,
      omradestyp_2023: regso.ot23,
      population: num(row.total, `population ${code} total`),
      ...childBands,
      women_15_54: w1554,
      children_0_6: estimateChildren0to6(childBands),
      women_16_54: estimateWomen16to54(w1554),
      area_km2: areaKm2(f),
      lon: round(lon, 6),
      lat: round(lat, 6),
    };
  });
  if (pop.size !== units.length) throw new Error(`population-by-area.csv has ${pop.size} DeSO rows, deso.geojson ${units.length}`);

  // --- Grid cells -> DeSO -----------------------------------------------------------------
  const desoIndex = new PolygonIndex(desoFeatures);
  const cellsByDeso = new Map<number, number[]>();
  const gridFeatures = [...raw.grid.features].sort((a, b) =>
    String(a.properties?.grd_id).localeCompare(String(b.properties?.grd_id)),
  );
  const cellDeso: number[] = gridFeatures.map((f, ci) => {
    const p = f.properties as Record<string, unknown>;
    const lon = num(p.centre_lon as number, 'grid centre_lon');
    const lat = num(p.centre_lat as number, 'grid centre_lat');
    let i = desoIndex.find(lon, lat);
    if (i < 0) {
      // A centre exactly on the county edge after rounding: fall back to the DeSO with the
      // nearest representative point inside the cell's own kommun.
      const kc = String(p.kommun_code);
      let best = Infinity;
      units.forEach((u, j) => {
        if (u.kommun_code !== kc) return;
        const d = (u.lon - lon) ** 2 + (u.lat - lat) ** 2;
        if (d < best) {
          best = d;
          i = j;
        }
      });
      if (i < 0) throw new Error(`grid cell ${p.grd_id}: no DeSO contains its centre`);
    }
    const list = cellsByDeso.get(i);
    if (list) list.push(ci);
    else cellsByDeso.set(i, [ci]);
    return i;
  });

  const gridChildren = new Array<number>(gridFeatures.length).fill(0);
  const gridWomen = new Array<number>(gridFeatures.length).fill(0);
  const gridDemand: DemandUnit[] = [];
  units.forEach((u, di) => {
    const cells = cellsByDeso.get(di) ?? [];
    if (cells.length === 0) return;
    const weights = cells.map((ci) => num(gridFeatures[ci].properties?.population, 'grid population'));
    const ch = spreadProportionally(u.children_0_6, weights);
    const wo = spreadProportionally(u.women_16_54, weights);
    cells.forEach((ci, k) => {
      gridChildren[ci] = ch[k];
      gridWomen[ci] = wo[k];
    });
  });

  const grid: Feature<Polygon, GridProps>[] = gridFeatures.map((f, ci) => {
    const u = units[cellDeso[ci]];
    const p = f.properties as Record<string, unknown>;
    const props: GridProps = {
      id: String(p.grd_id),
      deso_code: u.deso_code,
      regso_code: u.regso_code,
      kommun_code: u.kommun_code,
      omradestyp_2022: u.omradestyp_2022,
      omradestyp_2023: u.omradestyp_2023,
      population_2021: num(p.population as number, 'grid population'),
      children_0_6: gridChildren[ci],
      women_16_54: gridWomen[ci],
    };
    gridDemand.push({
      id: props.id,
      kind: 'grid',
      lon: num(p.centre_lon as number, 'centre_lon'),
      lat: num(p.centre_lat as number, 'centre_lat'),
      deso_code: u.deso_code,
      regso_code: u.regso_code,
      kommun_code: u.kommun_code,
      omradestyp_2022: u.omradestyp_2022,
      omradestyp_2023: u.omradestyp_2023,
      population: props.population_2021,
      children_0_6: props.children_0_6,
      women_16_54: props.women_16_54,
    });
    return { type: 'Feature', geometry: f.geometry, properties: props };
  });

  const desoDemand: DemandUnit[] = units.map((u) => ({
    id: u.deso_code,
    kind: 'deso',
    lon: u.lon,
    lat: u.lat,
    deso_code: u.deso_code,
    regso_code: u.regso_code,
    kommun_code: u.kommun_code,
    omradestyp_2022: u.omradestyp_2022,
    omradestyp_2023: u.omradestyp_2023,
    population: u.population,
    children_0_6: u.children_0_6,
    women_16_54: u.women_16_54,
  }));
  // DeSO without a cell centre keep their representative point in the fine demand.
  units.forEach((_u, di) => {
    if (!(cellsByDeso.get(di)?.length)) gridDemand.push(desoDemand[di]);
  });

  const deso: Feature<AreaGeometry, DesoProps>[] = desoFeatures.map((f, di) => {
    const { lon, lat, ...rest } = units[di];
    return {
      type: 'Feature',
      geometry: f.geometry,
      properties: {
        ...rest,
        rep_lon: lon,
        rep_lat: lat,
        children_per_km2: rest.children_0_6 / rest.area_km2,
        grid_cells: cellsByDeso.get(di)?.length ?? 0,
      },
    };
  });

  // --- RegSO and kommun aggregates -------------------------------------------------------
  const sumBy = (key: (u: DesoUnit) => string) => {
    const m = new Map<string, { population: number; children: number }>();
    for (const u of units) {
      const k = key(u);
      const s = m.get(k) ?? { population: 0, children: 0 };
      s.population += u.population;
      s.children += u.children_0_6;
      m.set(k, s);
    }
    return m;
  };
  const regsoSums = sumBy((u) => u.regso_code);
  const kommunSums = sumBy((u) => u.kommun_code);

  const regso: Feature<AreaGeometry, RegsoProps>[] = [...raw.regso.features]
    .sort((a, b) => String(a.properties?.regso_code).localeCompare(String(b.properties?.regso_code)))
    .map((f) => {
      const code = String(f.properties?.regso_code);
      const r = regsoByCode.get(code)!;
      const s = regsoSums.get(code);
      if (!s) throw new Error(`regso ${code}: no DeSO`);
      return {
        type: 'Feature',
        geometry: f.geometry,
        properties: {
          regso_code: code,
          regso_name: r.name,
          kommun_code: r.kommun_code,
          kommun_name: r.kommun_name,
          omradestyp_2022: r.ot22,
          omradestyp_2023: r.ot23,
          population: s.population,
          children_0_6: s.children,
          area_km2: areaKm2(f),
        },
      };
    });

  const kommuner: Feature<AreaGeometry, KommunProps>[] = [...raw.kommuner.features]
    .sort((a, b) => String(a.properties?.kommun_code).localeCompare(String(b.properties?.kommun_code)))
    .map((f) => {
      const code = String(f.properties?.kommun_code);
      const s = kommunSums.get(code);
      if (!s) throw new Error(`kommun ${code}: no DeSO`);
      const [lon, lat] = representativePoint(f.geometry);
      return {
        type: 'Feature',
        geometry: f.geometry,
        properties: {
          kommun_code: code,
          kommun_name: kommunName.get(code)!,
          population: s.population,
          children_0_6: s.children,
          area_km2: areaKm2(f),
          label_lon: round(lon, 5),
          label_lat: round(lat, 5),
          bbox: turfBbox(f).map((v) => round(v, 5)) as [number, number, number, number],
        },
      };
    });

  // --- Facilities -------------------------------------------------------------------------
  const healthCentres: HealthCentre[] = csvRows(raw.healthCentresCsv).map((r, i) => {
    const ownership = r.ownership as Ownership;
    if (ownership !== 'region' && ownership !== 'private') throw new Error(`health-centres.csv row ${i + 2}: ownership "${r.ownership}"`);
    return {
      id: r.id,
      name: r.name,
      ownership,
      operator: r.operator ?? '',
      kommun_code: r.kommun_code,
      kommun_name: r.kommun_name,
      lon: num(r.lon, `health-centres.csv row ${i + 2} lon`),
      lat: num(r.lat, `health-centres.csv row ${i + 2} lat`),
      coord_precision: r.coord_precision ?? '',
      confidence: r.confidence ?? '',
    };
  });
  const healthCentreBranches = healthCentreOtherSites(raw.healthCentreOtherSitesCsv, healthCentres);
  const familyCentres = publicFamilyCentres(raw.familyCentresCsv);

  const tatorter: FeatureCollection<Point, TatortProps> = {
    type: 'FeatureCollection',
    features: raw.tatorter.features.map((f) => {
      const p = f.properties as Record<string, unknown>;
      return {
        type: 'Feature',
        geometry: f.geometry,
        properties: {
          tatort_code: String(p.tatort_code),
          name: String(p.name),
          kommun_code: String(p.kommun_code),
          kommun_name: String(p.kommun_name),
          population: num(p.population as number, 'tatort population'),
          year: num(p.year as number, 'tatort year'),
        },
      };
    }),
  };
  const stopAreas: FeatureCollection<Point, StopAreaProps> = {
    type: 'FeatureCollection',
    features: raw.stopAreas.features.map((f) => {
      const p = f.properties as Record<string, unknown>;
      return {
        type: 'Feature',
        geometry: f.geometry,
        properties: {
          stop_area_id: String(p.stop_area_id),
          name: String(p.name),
          kommun_code: String(p.kommun_code),
          kommun_name: String(p.kommun_name),
          dep_weekday_avg: num(p.dep_weekday_avg as number, 'dep_weekday_avg'),
          lines: String(p.lines ?? ''),
          line_types: String(p.line_types ?? ''),
        },
      };
    }),
  };

  const listingModelled = modelListing(units, healthCentres, COUNTY_LISTED_CHILDREN_2025, 2025);

  const totals: DatasetTotals = {
    population: units.reduce((s, u) => s + u.population, 0),
    age_0_4: units.reduce((s, u) => s + u.age_0_4, 0),
    age_5_9: units.reduce((s, u) => s + u.age_5_9, 0),
    age_10_14: units.reduce((s, u) => s + u.age_10_14, 0),
    age_15_19: units.reduce((s, u) => s + u.age_15_19, 0),
    women_15_54: units.reduce((s, u) => s + u.women_15_54, 0),
    children_0_6: units.reduce((s, u) => s + u.children_0_6, 0),
    women_16_54: units.reduce((s, u) => s + u.women_16_54, 0),
    grid_population_2021: grid.reduce((s, f) => s + f.properties.population_2021, 0),
  };

  return {
    kommuner: { type: 'FeatureCollection', features: kommuner },
    regso: { type: 'FeatureCollection', features: regso },
    deso: { type: 'FeatureCollection', features: deso },
    grid: { type: 'FeatureCollection', features: grid },
    demand: { deso: desoDemand, grid: gridDemand },
    healthCentres,
    healthCentreBranches,
    familyCentres,
    tatorter,
    stopAreas,
    listingModelled,
    roadGraph: graphColumns(raw.roadGraph),
    need: needData(raw, units.map((u) => u.deso_code)),
    totals,
  };
}

/** Persons per DeSO and five-year band (men + women) from the age–sex file. */
function desoBands(ageSexCsv: string): Map<string, Record<string, number>> {
  const out = new Map<string, Record<string, number>>();
  csvRows(ageSexCsv).forEach((r, i) => {
    const rec = out.get(r.deso_code) ?? {};
    rec[r.age_band] = (rec[r.age_band] ?? 0) + num(r.persons, `population-deso-age-sex-2025.csv row ${i + 2} persons`);
    out.set(r.deso_code, rec);
  });
  return out;
}

/**
 * The other primary-care sites with public fields only. A related id must name a vårdcentral of
 * health-centres.csv (else the build stops naming the row); '' stays '' (role unknown, never guessed).
 */
function healthCentreOtherSites(csv: string, healthCentres: readonly HealthCentre[]): HealthCentreBranch[] {
  const ids = new Set(healthCentres.map((h) => h.id));
  return csvRows(csv).map((r, i) => {
    const where = `health-centre-other-sites.csv row ${i + 2}`;
    if (!r.id) throw new Error(`${where}: id is empty`);
    const related = (r.related_health_centre_id ?? '').trim();
    if (related && !ids.has(related)) throw new Error(`${where}: related_health_centre_id "${related}" is not in health-centres.csv`);
    return {
      id: r.id,
      name: r.name ?? '',
      related_health_centre_id: related,
      kommun_code: r.kommun_code ?? '',
      kommun_name: r.kommun_name ?? '',
      lon: num(r.lon, `${where} lon`),
      lat: num(r.lat, `${where} lat`),
      coord_precision: r.coord_precision ?? '',
    };
  });
}

/**
 * Family centres with public fields only: a Swedish display name, a Swedish note on position
 * precision, no data-team notes, source references or confidence grades.
 */
function publicFamilyCentres(familyCentresCsv: string): FamilyCentre[] {
  return csvRows(familyCentresCsv).map((r, i) => {
    const status = r.status as FamilyCentreStatus;
    if (!FAMILY_CENTRE_STATUSES.includes(status)) throw new Error(`family-centres.csv row ${i + 2}: status "${r.status}"`);
    const precision = r.coord_precision ?? '';
    return {
      id: r.id,
      name: publicFamilyCentreName(r.name, status, r.kommun_name),
      status,
      kommun_code: r.kommun_code,
      kommun_name: r.kommun_name,
      lon: num(r.lon, `family-centres.csv row ${i + 2} lon`),
      lat: num(r.lat, `family-centres.csv row ${i + 2} lat`),
      coord_precision: precision,
      position_note: positionNote(precision),
      host_health_centre_id: r.host_health_centre_id ?? '',
      opened: /^\d{4}-\d{2}(-\d{2})?$/.test(r.opened ?? '') ? r.opened : '',
    };
  });
}

/** Indicators for exactly the DeSO of the data (a DeSO without a row gets nulls), and the SCB band. */
function needData(raw: RawInputs, desoCodes: readonly string[]): NeedData {
  const byCode = new Map(readIndicators(raw.desoIndicatorsCsv).map((d) => [d.deso_code, d]));
  const none = () => Object.fromEntries(INDICATOR_KEYS.map((k) => [k, null])) as DesoIndicators['values'];
  const indicators = desoCodes.map((code) => byCode.get(code) ?? { deso_code: code, values: none(), years: none() });
  const band = readScbBand(raw.forecastCsv);
  const scb_0_5 = Object.fromEntries([...band].map(([k, years]) => [k, Object.fromEntries([...years].map(([y, v]) => [String(y), v]))]));
  return { indicators, scb_0_5 };
}
