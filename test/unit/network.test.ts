import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { shortestFrom } from '../../src/domain/network/dijkstra';
import { roadGraph, type RoadGraphColumns } from '../../src/domain/network/graph';
import { NetworkRouter, type NetworkParams } from '../../src/domain/network/router';
import { edgeMinutes } from '../../src/domain/network/speeds';

const toy = roadGraph(JSON.parse(readFileSync('test/fixtures/network/toy-graph.json', 'utf8')) as RoadGraphColumns);
/** Speeds chosen so the hand arithmetic is round: posted limits at half speed, 30 / 60 km/h without a limit. */
const P: NetworkParams = { kind: 'network', speedFactor: 0.5, urbanKmh: 30, ruralKmh: 60, accessKmh: 30, accessCircuity: 1.5, terminalMinutes: 2 };
const KM_PER_DEG_LAT = 111.195;

describe('road graph and speeds', () => {
  it('edge minutes follow the linear formula', () => {
    const w = edgeMinutes(toy, P);
    // A–B 1 000 m rural at 60 km/h = 1 min; B–C 1 min posted / 0.5 = 2 min; A–D 1 500 m urban at 30 = 3 min;
    // D–C 500 m at 60 = 0.5 min; A–F 500 m gap chord × 1.2 at 60 = 0.6 min; F–C 2 400 m at 60 = 2.4 min; C–G 10 km at 60 = 10 min
    expect([...w].map((x) => Math.round(x * 1e9) / 1e9)).toEqual([1, 2, 3, 0.5, 0.6, 2.4, 10]);
  });
  it('refuses an edge that points at a missing node', () => {
    expect(() => roadGraph({ nodes: [0, 0], u: [0], v: [3], length_m: [1], t_posted_min: [0], urban_m: [0], rural_m: [1], gap_m: [0], src: [0] })).toThrow(/missing node/);
  });
});

describe('Dijkstra on the hand-built graph', () => {
  const sp = shortestFrom(toy, edgeMinutes(toy, P), 0);
  it('finds the fastest path, not the shortest', () => {
    // A→B: 1 min 1 km; A→D directly 3 min (via F, C: 0.6 + 2.4 + 0.5 = 3.5)
    expect(sp.minutes[1]).toBeCloseTo(1, 12);
    expect(sp.minutes[3]).toBeCloseTo(3, 12);
    expect(sp.km[3]).toBeCloseTo(1.5, 12);
  });
  it('breaks a tie in minutes by the shorter km', () => {
    // A→C via B: 1 + 2 = 3 min, 3 km; via F: 0.6 + 2.4 = 3 min, 2.9 km; via D: 3.5 min
    expect(sp.minutes[2]).toBeCloseTo(3, 12);
    expect(sp.km[2]).toBeCloseTo(2.9, 12);
  });
  it('leaves an unconnected node unreachable', () => {
    expect(sp.minutes[4]).toBe(Infinity);
    expect(sp.km[4]).toBe(Infinity);
  });
  it('is symmetric (undirected)', () => {
    const back = shortestFrom(toy, edgeMinutes(toy, P), 2);
    expect(back.minutes[0]).toBeCloseTo(sp.minutes[2], 12);
  });
});

describe('router: access legs, caching and flags', () => {
  it('adds the access leg and the terminal minutes', () => {
    const r = new NetworkRouter(toy);
    // 0.5 km north of A: snaps to A (0.5 km straight), access 0.5 km × 1.5 at 30 km/h = 1.5 min.
    const from = { lon: 15.0, lat: 60.0 + 0.5 / KM_PER_DEG_LAT };
    const route = r.route(from, { lon: 15.04, lat: 60.0 }, P);
    // 2 (terminal) + 1.5 (access) + 3 (A→C) + 0 (C is a node) = 6.5 min; 0.75 + 2.9 = 3.65 km
    expect(route.minutes).toBeCloseTo(6.5, 3);
    expect(route.km).toBeCloseTo(3.65, 3);
    expect(route.accessKmFrom).toBeCloseTo(0.5, 3);
    expect(route.accessKmTo).toBeCloseTo(0, 9);
    expect(route.flags).toEqual([]);
  });
  it('flags detours, points far from the graph and unreachable pairs', () => {
    const r = new NetworkRouter(toy);
    // A→G: 3 + 10 = 13 min over 12.9 km; straight A–G ≈ 2.22 km: more than 1.8 × straight
    const g = r.route({ lon: 15.0, lat: 60.0 }, { lon: 15.0, lat: 60.02 }, P);
    expect(g.minutes).toBeCloseTo(2 + 13, 6);
    expect(g.km).toBeCloseTo(12.9, 6);
    expect(g.flags).toEqual(['detour']);
    // 5 km west of A: further than 2 km from the graph
    const west = { lon: 15.0 - 5 / (KM_PER_DEG_LAT * Math.cos((60 * Math.PI) / 180)), lat: 60.0 };
    const far = r.route(west, { lon: 15.02, lat: 60.0 }, P);
    expect(far.accessKmFrom).toBeCloseTo(5, 2);
    expect(far.flags).toContain('far_from_road_from');
    expect(r.route({ lon: 15.0, lat: 60.0 }, { lon: 16.0, lat: 61.0 }, P).flags).toContain('unreachable');
  });
  it('searches once per site and speed setting; a new speed setting searches again', () => {
    const r = new NetworkRouter(toy);
    const demand = [{ lon: 15.0, lat: 60.0 }, { lon: 15.02, lat: 59.985 }];
    const sites = [{ lon: 15.04, lat: 60.0 }, { lon: 15.02, lat: 60.0 }];
    const a = r.costs(demand, sites, P);
    expect(r.searches).toBe(2);
    r.costs(demand, sites, P);
    expect(r.searches).toBe(2);
    r.costs(demand, [...sites, { lon: 15.01, lat: 59.995 }], P);
    expect(r.searches).toBe(3);
    const faster = r.costs(demand, sites, { ...P, ruralKmh: 120 });
    expect(r.searches).toBe(5);
    // A→C: 2 + 3 min = 5 at 60 km/h (tie path); at 120 km/h: via F 0.3 + 1.2 = 1.5 (+2) = 3.5
    expect(a.minutes[0]).toBeCloseTo(5, 6);
    expect(faster.minutes[0]).toBeCloseTo(3.5, 6);
  });
});
