import { describe, expect, it } from 'vitest';
import { buildDataset } from '../../src/domain/dataset';
import { postedKmh, roadLayer } from '../../src/domain/network/build';
import { roadGraph } from '../../src/domain/network/graph';
import { DEFAULT_NETWORK, NetworkRouter } from '../../src/domain/network/router';
import { centrePairs, median } from '../../src/domain/network/validate';
import { readRawInputs } from '../../src/cli/rawInputs';
import { kommunCentres } from '../../scripts/validate-network';

const ds = buildDataset(readRawInputs());
const router = new NetworkRouter(roadGraph(ds.roadGraph));

describe('the shared union road graph in the data build', () => {
  it('is used as delivered: 26 427 nodes and 42 382 edges', () => {
    expect(ds.roadGraph.nodes.length / 2).toBe(26_427);
    expect(ds.roadGraph.u).toHaveLength(42_382);
  });
  it('the map layer keeps every km of every class, NVDB by posted limit', () => {
    const layer = roadLayer(ds.roadGraph);
    const km = (pred: (p: (typeof layer.features)[number]['properties']) => boolean) => layer.features.filter((f) => pred(f.properties)).reduce((s, f) => s + f.properties.km, 0);
    const total = ds.roadGraph.length_m.reduce((s, x) => s + x, 0) / 1000;
    expect(km(() => true)).toBeCloseTo(total, 0);
    // SOURCES.md: 500,4 km of NVDB road at 90 km/h
    expect(km((p) => p.road_class === 'nvdb' && p.speed_kmh === 90)).toBeCloseTo(500.4, 0);
  });
  it('reads a posted limit back from minutes: 1 km in 0,6667 min is 90 km/h', () => {
    expect(postedKmh(1000, 60 / 90)).toBe(90);
    expect(postedKmh(1000, 0)).toBeNull();
  });
});

describe('validation against the kommun centres', () => {
  const pairs = centrePairs(router, kommunCentres(), DEFAULT_NETWORK);
  it('median network km / straight km lands near 1,30', () => {
    expect(pairs).toHaveLength(105);
    const m = median(pairs.map((p) => p.ratio));
    expect(m).toBeGreaterThan(1.25);
    expect(m).toBeLessThan(1.37);
  });
  it('flags the known detours where county roads without buses are missing', () => {
    const flagged = pairs.filter((p) => p.detour).map((p) => [p.from, p.to].sort().join('–'));
    for (const pair of ['Hedemora–Smedjebacken', 'Avesta–Smedjebacken', 'Smedjebacken–Säter']) expect(flagged).toContain(pair);
    expect(pairs.find((p) => p.from === 'Falun' && p.to === 'Borlänge')!.detour).toBe(false);
  });
  it('every kommun centre reaches every other', () => {
    expect(pairs.every((p) => Number.isFinite(p.minutes) && p.minutes > 0)).toBe(true);
  });
});
