import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { catchments, type CatchmentInput, type CatchmentUnit } from '../../src/domain/catchments/catchments';
import { crossBorderFlows, DEFAULT_CROSS_BORDER } from '../../src/domain/catchments/crossBorder';
import { flowDiagram } from '../../src/domain/catchments/flowDiagram';
import { catchmentAdjacency, colourSlots } from '../../src/domain/catchments/colourSlots';
import { catchmentSites, type CatchmentSite } from '../../src/domain/catchments/siteKind';
import type { Omradestyp } from '../../src/domain/types';
import type { KommunRef } from '../../src/domain/views';

interface ToyUnit extends CatchmentUnit {
  id: string;
  nearest: number;
  minutes: number | null;
}
const toy = JSON.parse(readFileSync(resolve(import.meta.dirname, '../fixtures/catchments/toy.json'), 'utf8')) as {
  kommuner: KommunRef[];
  sites: CatchmentSite[];
  units: ToyUnit[];
};
const toyInput = (year: 2022 | 2023 = 2023): CatchmentInput => ({
  units: toy.units,
  nearest: Int32Array.from(toy.units, (u) => u.nearest),
  minutes: Float64Array.from(toy.units, (u) => u.minutes ?? Infinity),
  sites: toy.sites,
  omradestypYear: year,
});

describe('catchments (three-kommun toy, test/fixtures/catchments/toy.json)', () => {
  const r = catchments(toyInput());
  const [a, b, c] = r.centres;

  it('sorts centres by children, ties by id, and keeps a site nobody has as nearest last', () => {
    // s-a: u1 10 + u5 40 + u7 6 = 56; s-b: u2 30 + u3 20 + u8 6 = 56 (tie → id order); s-c: 0
    expect(r.centres.map((x) => [x.site_id, x.children_0_6])).toEqual([
      ['s-a', 56],
      ['s-b', 56],
      ['s-c', 0],
    ]);
    expect(r.centres.map((x) => x.site_index)).toEqual([0, 1, 2]);
    expect(b.kind).toBe('planned');
  });

  it('splits each catchment by kommun of residence', () => {
    // s-a: C 40 (u5), A 10 + 6 = 16; s-b: A 30 + 6 = 36, B 20
    expect(a.by_kommun).toEqual([
      { kommun_code: 'C', children_0_6: 40 },
      { kommun_code: 'A', children_0_6: 16 },
    ]);
    expect(b.by_kommun).toEqual([
      { kommun_code: 'A', children_0_6: 36 },
      { kommun_code: 'B', children_0_6: 20 },
    ]);
  });

  it('share in områdestyp 1–2 of the chosen year and child-weighted mean minutes', () => {
    // 2023: s-a u1 (typ 1) 10 + u7 (typ 2) 6 = 16 of 56; s-b u3 20 + u8 6 = 26 of 56
    expect(a.children_ot_1_2).toBe(16);
    expect(a.share_ot_1_2).toBeCloseTo(16 / 56, 12);
    expect(b.share_ot_1_2).toBeCloseTo(26 / 56, 12);
    // s-a (10 × 5 + 40 × 25 + 6 × 7) / 56 = 1 092 / 56 = 19,5; s-b (30 × 15 + 20 × 10 + 6 × 9) / 56 = 704 / 56
    expect(a.mean_minutes).toBeCloseTo(19.5, 12);
    expect(b.mean_minutes).toBeCloseTo(704 / 56, 12);
    expect(c.share_ot_1_2).toBeNull();
    expect(c.mean_minutes).toBeNull();
    // 2022: u1 is typ 3, so s-a has only u7's 6 in types 1–2
    expect(catchments(toyInput(2022)).centres[0].children_ot_1_2).toBe(6);
  });

  it('lists the DeSO each centre serves; a split DeSO goes to the centre with most of its children, ties to the earlier site', () => {
    // D1: s-a 10, s-b 30 → primary s-b; D3: s-a 40, unreachable 5 → s-a (40/45); D4: 6 and 6 → tie → s-a
    expect(a.deso).toEqual([
      { deso_code: 'D3', children_0_6: 40, share_of_deso: 40 / 45, primary: true },
      { deso_code: 'D1', children_0_6: 10, share_of_deso: 0.25, primary: false },
      { deso_code: 'D4', children_0_6: 6, share_of_deso: 0.5, primary: true },
    ]);
    expect(b.deso).toEqual([
      { deso_code: 'D1', children_0_6: 30, share_of_deso: 0.75, primary: true },
      { deso_code: 'D2', children_0_6: 20, share_of_deso: 1, primary: true },
      { deso_code: 'D4', children_0_6: 6, share_of_deso: 0.5, primary: false },
    ]);
    expect([a.primary_deso_count, b.primary_deso_count, c.primary_deso_count]).toEqual([2, 2, 0]);
    expect(Object.fromEntries(r.primaryByDeso)).toEqual({ D1: 1, D2: 1, D3: 0, D4: 0 });
  });

  it('counts the children no centre reaches, and the total', () => {
    expect(r.unreachable).toEqual({
      children_0_6: 5,
      children_ot_1_2: 5,
      by_kommun: [{ kommun_code: 'C', children_0_6: 5 }],
      deso: [{ deso_code: 'D3', children_0_6: 5, share_of_deso: 5 / 45, primary: false }],
    });
    // 56 + 56 + 0 + 5; u4 has no children and is skipped
    expect(r.total_children).toBe(117);
  });

  it('rejects arrays that do not match the units, in Swedish', () => {
    expect(() => catchments({ ...toyInput(), nearest: new Int32Array(3) })).toThrow(/8 efterfrågeenheter men 3 närmaste-platser/);
    expect(() => catchments({ ...toyInput(), nearest: Int32Array.from(toy.units, () => 7) })).toThrow(/pekar på plats 7, men det finns 3 platser/);
  });
});

describe('cross-border flows', () => {
  const r = catchments(toyInput());
  const f = crossBorderFlows(r, toy.kommuner);
  const row = (code: string) => f.kommuner.find((k) => k.kommun_code === code)!;

  it('builds the kommun × centre matrix with an unreachable column', () => {
    expect(f.siteIds).toEqual(['s-a', 's-b', 's-c']);
    // rows A B C D; columns s-a s-b s-c unreachable
    expect([...f.matrix]).toEqual([16, 36, 0, 0, 0, 20, 0, 0, 40, 0, 0, 5, 0, 0, 0, 0]);
  });

  it('a kommun whose children mostly go to a neighbour relies on it, named', () => {
    const A = row('A');
    // total 16 + 36 = 52; across = s-b 36 → 36/52 = 0,692 > 0,5
    expect([A.children_0_6, A.own_children, A.across_children]).toEqual([52, 16, 36]);
    expect(A.across_share).toBeCloseTo(36 / 52, 12);
    expect(A.flag).toBe('relies_on_neighbour');
    expect(A.reasons).toEqual(['most_across']);
    expect(A.relied_on.map((x) => x.name)).toEqual(['B-centralen']);
    expect(A.neighbours).toEqual([
      { kommun_code: 'B', kommun_name: 'Bby', children_0_6: 36, share_of_kommun: 36 / 52, centres: [A.relied_on[0]] },
    ]);
    expect(A.own.map((x) => [x.site_id, x.children_0_6])).toEqual([['s-a', 16]]);
  });

  it('own when nothing crosses; a kommun with its own (empty) candidate still relies when most go across', () => {
    expect(row('B').flag).toBe('own');
    expect(row('B').across_share).toBe(0);
    const C = row('C');
    // 40 to s-a of 45 (5 unreachable): 0,889; C has s-c, so not no_own_centre
    expect(C.own_centres).toBe(1);
    expect(C.across_share).toBeCloseTo(40 / 45, 12);
    expect(C.unreachable_children).toBe(5);
    expect([C.flag, C.reasons]).toEqual(['relies_on_neighbour', ['most_across']]);
  });

  it('a kommun without a site in the set relies on its neighbours by definition', () => {
    const D = row('D');
    expect([D.children_0_6, D.across_share, D.own_centres, D.flag, D.reasons]).toEqual([0, null, 0, 'relies_on_neighbour', ['no_own_centre']]);
  });

  it('thresholds are parameters: partly between partlyShare and reliesOnShare', () => {
    expect(DEFAULT_CROSS_BORDER).toEqual({ reliesOnShare: 0.5, partlyShare: 0.1, reliedOnMinShare: 0.05 });
    const g = crossBorderFlows(r, toy.kommuner, { reliesOnShare: 0.9 });
    // A 0,692 and C 0,889 are ≤ 0,9 and ≥ 0,1
    expect(g.kommuner.map((k) => k.flag)).toEqual(['partly', 'own', 'partly', 'relies_on_neighbour']);
    expect(g.kommuner[0].reasons).toEqual(['share_across']);
    // A: 0,692 < 0,7 → own
    expect(crossBorderFlows(r, toy.kommuner, { reliesOnShare: 0.9, partlyShare: 0.7 }).kommuner[0].flag).toBe('own');
    // boundaries: "relies" needs more than reliesOnShare, "partly" at least partlyShare (A is exactly 36/52)
    expect(crossBorderFlows(r, toy.kommuner, { reliesOnShare: 36 / 52 }).kommuner[0].flag).toBe('partly');
    expect(crossBorderFlows(r, toy.kommuner, { reliesOnShare: 0.9, partlyShare: 36 / 52 }).kommuner[0].flag).toBe('partly');
    expect(crossBorderFlows(r, toy.kommuner, { reliedOnMinShare: 36 / 52 }).kommuner[0].relied_on).toHaveLength(1);
    // relied_on needs the neighbour to serve ≥ 0,7 of A's children: 0,692 is not enough
    expect(crossBorderFlows(r, toy.kommuner, { reliedOnMinShare: 0.7 }).kommuner[0].relied_on).toEqual([]);
  });

  it('children nearest to a site without kommun are neither own nor across; kommuner missing from the list are added', () => {
    const sites = toy.sites.map((s) => (s.id === 's-b' ? { ...s, kommun_code: '' } : s));
    const g = crossBorderFlows(catchments({ ...toyInput(), sites }), toy.kommuner.slice(0, 2));
    // A: 16 own, 36 to s-b of unknown kommun → across 0
    expect([g.kommuner[0].own_children, g.kommuner[0].across_children, g.kommuner[0].unknown_kommun_children]).toEqual([16, 0, 36]);
    expect(g.kommuner.map((k) => [k.kommun_code, k.kommun_name])).toEqual([
      ['A', 'Aby'],
      ['B', 'Bby'],
      ['C', ''],
    ]);
    // B has no site any more (s-b lost its kommun)
    expect(g.kommuner[1].reasons).toContain('no_own_centre');
  });
});

describe('flow diagram', () => {
  const r = catchments(toyInput());
  const f = crossBorderFlows(r, toy.kommuner);

  it('draws every link of at least 5 children, in kommun order then children', () => {
    const d = flowDiagram(f, r.sites);
    expect(d.links.map((l) => [l.kommun_code, l.site_id, l.children_0_6, l.across])).toEqual([
      ['A', 's-b', 36, true],
      ['A', 's-a', 16, false],
      ['B', 's-b', 20, false],
      ['C', 's-a', 40, true],
    ]);
    expect(d.links[3].share_of_kommun).toBeCloseTo(40 / 45, 12);
    expect(d.kommunNodes).toEqual([
      { kommun_code: 'A', kommun_name: 'Aby', children_0_6: 52 },
      { kommun_code: 'B', kommun_name: 'Bby', children_0_6: 20 },
      { kommun_code: 'C', kommun_name: 'Cby', children_0_6: 40 },
    ]);
    // s-a 16 + 40, s-b 36 + 20; s-c has no link
    expect(d.centreNodes.map((n) => [n.site_id, n.children_0_6])).toEqual([
      ['s-a', 56],
      ['s-b', 56],
    ]);
    expect(d.omitted).toEqual({ links: 0, children_0_6: 0 });
  });

  it('says what it leaves out, and can draw cross-border links only', () => {
    const d = flowDiagram(f, r.sites, { minChildren: 20 });
    // A → s-a (16) is below 20
    expect(d.omitted).toEqual({ links: 1, children_0_6: 16 });
    expect(d.links).toHaveLength(3);
    const across = flowDiagram(f, r.sites, { acrossOnly: true });
    expect(across.links.map((l) => `${l.kommun_code}→${l.site_id}`)).toEqual(['A→s-b', 'C→s-a']);
    expect(across.kommunNodes.map((k) => k.kommun_code)).toEqual(['A', 'C']);
  });
});

describe('catchment colour slots', () => {
  const cell = (n: number, e: number) => `CRS3035RES1000mN${n}E${e}`;
  // 2 × 2 cells: SW → 0, SE → 1, NW → 0, NE → 2; a far cell → 3 in the same DeSO as a site-0 cell
  const units = [
    { id: cell(1000, 1000), deso_code: 'X' },
    { id: cell(1000, 2000), deso_code: 'Y' },
    { id: cell(2000, 1000), deso_code: 'Y' },
    { id: cell(2000, 2000), deso_code: 'Y' },
    { id: cell(9000, 9000), deso_code: 'X' },
    { id: 'deso-point', deso_code: 'Z' },
  ];
  const nearest = Int32Array.of(0, 1, 0, 2, 3, -1);
  // Y holds sites 1, 0 and 2 as well, which adds nothing new: 0–1, 0–2, 1–2 touch by edge
  const adj = catchmentAdjacency(units, nearest, 4);

  it('sites touch across a shared cell edge or a shared DeSO', () => {
    const pairs: string[] = [];
    for (let i = 0; i < 4; i++) for (let j = i + 1; j < 4; j++) if (adj[i * 4 + j]) pairs.push(`${i}-${j}`);
    expect(pairs).toEqual(['0-1', '0-2', '0-3', '1-2']);
    expect(adj[0]).toBe(0);
  });

  it('hands out the lowest free slot by weight order, and reuses the least-used slot when the palette is short', () => {
    // order by weight: 0 (10), 2 (7), 1 (5), 3 (1); 0 → 0, 2 → 1, 1 → 2, 3 (touches 0) → 1
    expect([...colourSlots(adj, [10, 5, 7, 1], 3)]).toEqual([0, 2, 1, 1]);
    // two colours: 1 touches 0 (slot 0) and 2 (slot 1), both used once → lowest, 0
    expect([...colourSlots(adj, [10, 5, 7, 1], 2)]).toEqual([0, 0, 1, 1]);
    expect(() => colourSlots(adj, [1, 2], 3)).toThrow(/grannmatrisen har 16 värden, väntade 2 × 2/);
  });

  it('gives every site a colour of its own while the palette has room, touching or not', () => {
    // no site touches another: the old "lowest free slot" rule gave all four slot 0
    expect([...colourSlots(new Uint8Array(16), [10, 5, 7, 1], 12)]).toEqual([0, 2, 1, 3]);
    // three colours, four separate sites: the fourth (lightest) reuses the slot of the heaviest
    expect([...colourSlots(new Uint8Array(16), [10, 5, 7, 1], 3)]).toEqual([0, 2, 1, 0]);
  });
});

describe('catchment site kinds', () => {
  it('names adopted suggestions apart from other candidates and keeps the order', () => {
    const sites = catchmentSites(
      [
        { id: 'fc-1', name: 'F', status: 'family_unit', lon: 0, lat: 0, kommun_code: '2034' },
        { id: 'c-1', name: 'C1', status: 'candidate', lon: 0, lat: 0 },
        { id: 'c-2', name: 'C2', status: 'candidate', lon: 0, lat: 0, kommun_code: '2080' },
      ],
      new Set(['c-2']),
    );
    expect(sites.map((s) => [s.id, s.kind, s.kommun_code])).toEqual([
      ['fc-1', 'family_unit', '2034'],
      ['c-1', 'candidate', ''],
      ['c-2', 'suggestion', '2080'],
    ]);
  });
});

describe('catchments stay linear on a large synthetic grid', () => {
  it('20 000 units and 40 sites: children add up per centre and over kommuner', () => {
    const n = 20_000;
    const nS = 40;
    const units: CatchmentUnit[] = Array.from({ length: n }, (_, i) => ({
      kommun_code: `K${i % 15}`,
      deso_code: `D${i % 175}`,
      omradestyp_2022: ((i % 5) + 1) as Omradestyp,
      omradestyp_2023: ((i % 5) + 1) as Omradestyp,
      children_0_6: 1,
    }));
    const nearest = Int32Array.from({ length: n }, (_, i) => (i % 41 === 40 ? -1 : i % 41));
    const minutes = Float64Array.from(nearest, (j) => (j < 0 ? Infinity : j));
    const sites: CatchmentSite[] = Array.from({ length: nS }, (_, j) => ({ id: `s${String(j).padStart(2, '0')}`, name: `S${j}`, kommun_code: `K${j % 15}`, kind: 'existing' }));
    const r = catchments({ units, nearest, minutes, sites, omradestypYear: 2023 });
    // 20 000 = 41 × 487 + 33: indices 0–32 get 488 units, 33–40 get 487; index 40 is unreachable
    expect(r.centres.find((x) => x.site_id === 's00')!.children_0_6).toBe(488);
    expect(r.centres.find((x) => x.site_id === 's39')!.children_0_6).toBe(487);
    expect(r.unreachable.children_0_6).toBe(487);
    expect(r.total_children).toBe(n);
    // every unit of site j has minutes j
    expect(r.centres.find((x) => x.site_id === 's07')!.mean_minutes).toBe(7);
    const f = crossBorderFlows(r, []);
    expect(f.kommuner.reduce((s, k) => s + k.children_0_6, 0)).toBe(n);
  });
});
