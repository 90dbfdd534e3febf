/**
 * Validation of the road-network travel model, written to docs/network-validation.md:
 * network km between the 15 kommun centres against straight-line km (median ratio, the pairs
 * flagged as detours), and child-weighted minutes to the nearest vårdcentral per kommun under the
 * network and the modelled-road model. Run with `npm run validate:network`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyseCoverage } from '../src/domain/analysis';
import { buildDataset } from '../src/domain/dataset';
import { roadGraph } from '../src/domain/network/graph';
import { DEFAULT_NETWORK, NetworkRouter } from '../src/domain/network/router';
import { centrePairs, median, type NamedPoint } from '../src/domain/network/validate';
import { DEFAULT_PARAMS } from '../src/domain/scenario';
import { DEFAULT_ROAD } from '../src/domain/travel';
import type { FamilyCentre } from '../src/domain/types';
import { kommunRefs } from '../src/domain/views';
import { dataDir, readRawInputs } from '../src/cli/rawInputs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const f1 = (x: number) => x.toFixed(1).replace('.', ',');
const f2 = (x: number) => x.toFixed(2).replace('.', ',');

/** The 15 kommun centres of the shared roads data (the busiest bus hub of each seat town). */
export function kommunCentres(dir = dataDir()): NamedPoint[] {
  const fc = JSON.parse(readFileSync(join(dir, 'roads', 'centres.geojson'), 'utf8')) as { features: { properties: { name: string }; geometry: { coordinates: [number, number] } }[] };
  return fc.features.map((f) => ({ name: f.properties.name, lon: f.geometry.coordinates[0], lat: f.geometry.coordinates[1] }));
}

export function validationReport(): string {
  const ds = buildDataset(readRawInputs());
  const router = new NetworkRouter(roadGraph(ds.roadGraph));
  const pairs = centrePairs(router, kommunCentres(), DEFAULT_NETWORK);
  const ratios = pairs.map((p) => p.ratio);
  const flagged = pairs.filter((p) => p.detour).sort((a, b) => b.ratio - a.ratio);
  // Nearest vårdcentral: the 29 health centres as the "sites", child-weighted, per kommun.
  const hcSites: FamilyCentre[] = ds.healthCentres.map((h) => ({
    id: h.id, name: h.name, status: 'existing', kommun_code: h.kommun_code, kommun_name: h.kommun_name, lon: h.lon, lat: h.lat,
    coord_precision: h.coord_precision, position_note: '', host_health_centre_id: '', opened: '',
  }));
  const input = (travel: typeof DEFAULT_ROAD | typeof DEFAULT_NETWORK) => ({
    demand: ds.demand.grid, familyCentres: hcSites, candidates: [], kommuner: kommunRefs(ds.kommuner), params: { ...DEFAULT_PARAMS, travel }, router,
  });
  const net = analyseCoverage(input(DEFAULT_NETWORK), 'today');
  const road = analyseCoverage(input(DEFAULT_ROAD), 'today');
  const rows = net.rows.map((r, i) => `| ${r.kommun_name} | ${f1(road.rows[i].mean_minutes ?? NaN)} | ${f1(r.mean_minutes ?? NaN)} | ${f1((r.mean_minutes ?? NaN) - (road.rows[i].mean_minutes ?? NaN))} |`);
  return [
    '# Validation of the road-network travel model',
    '',
    'Made by `npm run validate:network` (scripts/validate-network.ts) from the shared data: the union graph',
    '(`roads/dalarna_union_graph.json`, used as delivered), the 15 kommun centres (`roads/centres.geojson`) and the',
    `29 vårdcentraler. Default network parameters: posted limit × ${f2(DEFAULT_NETWORK.speedFactor)}, ${DEFAULT_NETWORK.urbanKmh} km/h in tätorter and`,
    `${DEFAULT_NETWORK.ruralKmh} km/h elsewhere without a posted limit, access ${f1(DEFAULT_NETWORK.accessCircuity)} × straight line at ${DEFAULT_NETWORK.accessKmh} km/h, ${DEFAULT_NETWORK.terminalMinutes} min at the ends.`,
    '',
    '## Kommun centres: network km against straight-line km',
    '',
    `${pairs.length} pairs. Ratio network km / straight km: median **${f2(median(ratios))}**, 10th percentile ${f2(quantile(ratios, 0.1))}, 90th percentile ${f2(quantile(ratios, 0.9))}.`,
    `Pairs flagged as detours (network km > 1,8 × straight km; the graph lacks county roads without buses): ${flagged.length}.`,
    '',
    '| from | to | straight km | network km | ratio | minutes |',
    '| --- | --- | ---: | ---: | ---: | ---: |',
    ...flagged.map((p) => `| ${p.from} | ${p.to} | ${f1(p.straightKm)} | ${f1(p.networkKm)} | ${f2(p.ratio)} | ${f1(p.minutes)} |`),
    '',
    '## Minutes to the nearest vårdcentral, child-weighted mean per kommun',
    '',
    'Children 0–6 on the 1 km grid (estimated), each to its nearest of the 29 vårdcentraler.',
    '',
    '| kommun | modelled road | network | difference |',
    '| --- | ---: | ---: | ---: |',
    ...rows,
    `| **Dalarna** | ${f1(road.total.mean_minutes ?? NaN)} | ${f1(net.total.mean_minutes ?? NaN)} | ${f1((net.total.mean_minutes ?? NaN) - (road.total.mean_minutes ?? NaN))} |`,
    '',
  ].join('\n');
}

/** Linear-interpolated quantile (0–1). */
function quantile(xs: readonly number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  return s[lo] + (s[Math.min(lo + 1, s.length - 1)] - s[lo]) * (pos - lo);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const text = validationReport();
  writeFileSync(join(root, 'docs', 'network-validation.md'), text);
  console.log(text);
}
