import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { analyseSiteSets, analysisInput } from '../../src/domain/analysis';
import { buildDataset } from '../../src/domain/dataset';
import { COUNTY_LISTED_CHILDREN_2025, mergeListing } from '../../src/domain/listing';
import { needInputs } from '../../src/domain/need/demand';
import { roadGraph } from '../../src/domain/network/graph';
import { NetworkRouter } from '../../src/domain/network/router';
import { DEFAULT_PARAMS, type ScenarioParams } from '../../src/domain/scenario';
import { kommunRefs } from '../../src/domain/views';
import { catchments } from '../../src/domain/catchments/catchments';
import { crossBorderFlows } from '../../src/domain/catchments/crossBorder';
import { organisationalBelonging } from '../../src/domain/catchments/belonging';
import { belongingCentres, branchAliases, type BranchSiteRow } from '../../src/domain/catchments/hosts';
import { catchmentSites } from '../../src/domain/catchments/siteKind';
import { dataDir, readRawInputs } from '../../src/cli/rawInputs';

// The data as the CLI reads it (src/cli/main.ts analysisData): grid demand, 2025, network travel.
const ds = buildDataset(readRawInputs());
const router = new NetworkRouter(roadGraph(ds.roadGraph));
const data = { demand: ds.demand, familyCentres: ds.familyCentres, kommuner: kommunRefs(ds.kommuner), router, need: needInputs(ds.need, ds.kommuner.features.map((f) => f.properties)) };
const today = (params: ScenarioParams = DEFAULT_PARAMS) => {
  const input = analysisInput(data, { params, candidates: [], matrix: null });
  const set = analyseSiteSets(input).today;
  return { input, set, result: catchments({ units: input.demand, nearest: set.coverage.assignment.nearest, minutes: set.coverage.assignment.minutes, sites: catchmentSites(set.sites), omradestypYear: params.omradestypYear }) };
};
const branchRows = Papa.parse<BranchSiteRow>(readFileSync(join(dataDir(), 'facilities/health-centre-other-sites.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;

describe('catchments on the real data: today (existing centres only, default network travel, 2025)', () => {
  const { set, result } = today();
  const flows = crossBorderFlows(result, data.kommuner);
  const kommun = (code: string) => flows.kommuner.find((k) => k.kommun_code === code)!;

  it('counts every child once, the same total as the coverage analysis', () => {
    expect(set.sites.every((s) => s.status === 'existing')).toBe(true);
    expect(result.centres).toHaveLength(9);
    expect(result.total_children).toBeCloseTo(set.coverage.county.children_0_6, 6);
    expect(result.unreachable.children_0_6).toBeCloseTo(set.coverage.county.unreachable_children, 6);
  });

  it.each([
    ['2023', 'Malung-Sälen'],
    ['2034', 'Orsa'],
    ['2039', 'Älvdalen'],
  ])("Mora's centre is the nearest for most children in %s (%s), which has no centre of its own", (code, name) => {
    const k = kommun(code);
    expect(k.kommun_name).toBe(name);
    expect(k.flag).toBe('relies_on_neighbour');
    expect(k.reasons).toEqual(['no_own_centre', 'most_across']);
    expect(k.relied_on[0].site_id).toBe('fc-mora');
    expect(k.relied_on[0].name).toBe('Familjens hus i Mora');
    // measured 2025: Malung-Sälen 572,0 of 577,2 (Gagnef's centre the rest), Orsa 418,4 of 418,6, Älvdalen all 336,9
    expect(k.relied_on[0].share_of_kommun).toBeGreaterThan(0.99);
  });

  it("Mora's catchment reaches Mora, Malung-Sälen, Orsa and Älvdalen, in that order of children", () => {
    const mora = result.centres.find((c) => c.site_id === 'fc-mora')!;
    expect(mora.by_kommun.slice(0, 4).map((k) => k.kommun_code)).toEqual(['2062', '2023', '2034', '2039']);
  });

  it('the other kommuner without a centre rely on a neighbour too', () => {
    // Säter → Sopranen (Borlänge), Hedemora → Avesta, Smedjebacken → VillGott (Ludvika), Vansbro → Gagnef
    expect(kommun('2082').relied_on[0].site_id).toBe('fc-borlange-sopranen');
    expect(kommun('2083').relied_on[0].site_id).toBe('fc-avesta');
    expect(kommun('2061').relied_on[0].site_id).toBe('fc-ludvika-villgott');
    expect(kommun('2021').relied_on[0].site_id).toBe('fc-gagnef');
    expect(flows.kommuner.filter((k) => k.flag === 'relies_on_neighbour').map((k) => k.kommun_code).sort()).toEqual(['2021', '2023', '2034', '2039', '2061', '2082', '2083']);
  });
});

describe('organisational belonging with the bundled (modelled) listing', () => {
  const listing = mergeListing(ds.listingModelled, null);
  const aliases = branchAliases(branchRows);
  const belonging = (include: ScenarioParams['include']) => {
    const set = today({ ...DEFAULT_PARAMS, include }).set;
    return organisationalBelonging({ centres: belongingCentres(set.sites, ds.familyCentres), healthCentres: ds.healthCentres, listing, aliases, kommuner: data.kommuner });
  };

  it('today only Britsarvet is tied to a vårdcentral (Britsarvet-Grycksbo): its listing ÷ the county listing', () => {
    const b = belonging(DEFAULT_PARAMS.include);
    expect(b.hosts.map((h) => h.health_centre_id)).toEqual(['hc-britsarvet-grycksbo']);
    expect(b.county.listed_children).toBeCloseTo(COUNTY_LISTED_CHILDREN_2025, 6);
    const bg = listing.get('hc-britsarvet-grycksbo')!.children_0_6;
    expect(b.county.share).toBeCloseTo(bg / COUNTY_LISTED_CHILDREN_2025, 12);
    // measured: 1 750,3 of 18 266 ≈ 9,6 %
    expect(b.county.share).toBeGreaterThan(0.09);
    expect(b.county.share).toBeLessThan(0.1);
    expect(b.modelled).toBe(true);
    expect(b.issues).toEqual([]);
    // the eight centres no source ties to a vårdcentral have no host
    expect(b.centres.filter((c) => c.health_centre_id === null)).toHaveLength(8);
    // Falun: Britsarvet-Grycksbo of Falun's five VCs (with Norslund-Svärdsjö, Tisken, Falu Vårdcentral, Kvarnporten)
    const falun = b.byKommun.find((k) => k.kommun_code === '2080')!;
    expect(falun.hosts).toEqual(['hc-britsarvet-grycksbo']);
    expect(falun.health_centres).toBe(5);
    // Säter has no vårdcentral
    expect(b.byKommun.find((k) => k.kommun_code === '2082')!.share).toBeNull();
  });

  it('with every status switched on, the five centres tied to a VC count', () => {
    const b = belonging({ planned: true, intent: true, family_unit: true });
    expect(b.hosts.map((h) => h.health_centre_id).sort()).toEqual(['hc-britsarvet-grycksbo', 'hc-malung', 'hc-orsa', 'hc-salen', 'hc-smedjebacken']);
    const sum = b.hosts.reduce((s, h) => s + h.listed_children!, 0);
    expect(b.county.share).toBeCloseTo(sum / COUNTY_LISTED_CHILDREN_2025, 12);
    expect(b.byKommun.find((k) => k.kommun_code === '2034')!.share).toBe(1); // Orsa has one VC, and it hosts
  });

  it('a host named by a branch site of a merged VC counts as the merged VC', () => {
    expect(aliases.get('site-grycksbo')).toBe('hc-britsarvet-grycksbo');
    const set = today().set;
    const b = organisationalBelonging({
      centres: belongingCentres(set.sites, ds.familyCentres),
      overrides: new Map([['fc-falun-elsborg', 'site-grycksbo']]),
      healthCentres: ds.healthCentres,
      listing,
      aliases,
    });
    expect(b.hosts).toHaveLength(1);
    expect(b.hosts[0].centre_ids).toEqual(['fc-falun-britsarvet', 'fc-falun-elsborg']);
    expect(b.issues.map((i) => i.code)).toEqual(['host_via_branch']);
  });
});
