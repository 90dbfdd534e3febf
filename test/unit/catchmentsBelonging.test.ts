import { describe, expect, it } from 'vitest';
import { organisationalBelonging, type BelongingInput, type BelongingListing } from '../../src/domain/catchments/belonging';
import { belongingCentres, branchAliases } from '../../src/domain/catchments/hosts';

/**
 * Toy: kommun K1 has VC A and the merged VC B-C (branch site "site-c"); K2 has VC D and VC E;
 * K3 has no VC. Listing 300 / 200 + 100 (branch) / 250 (imported) / 150, and 40 at an unknown id.
 */
const healthCentres = [
  { id: 'hc-a', name: 'VC A', kommun_code: 'K1' },
  { id: 'hc-b-c', name: 'VC B-C', kommun_code: 'K1' },
  { id: 'hc-d', name: 'VC D', kommun_code: 'K2' },
  { id: 'hc-e', name: 'VC E', kommun_code: 'K2' },
];
const kommuner = [
  { kommun_code: 'K1', kommun_name: 'Ett' },
  { kommun_code: 'K2', kommun_name: 'Två' },
  { kommun_code: 'K3', kommun_name: 'Tre' },
];
const m = (children_0_6: number): BelongingListing => ({ children_0_6, source: 'modelled' });
const listing = new Map<string, BelongingListing>([
  ['hc-a', m(300)],
  ['hc-b-c', m(200)],
  ['site-c', m(100)],
  ['hc-d', { children_0_6: 250, source: 'imported' }],
  ['hc-e', m(150)],
  ['hc-x', m(40)],
]);
const aliases = branchAliases([
  { id: 'site-c', related_health_centre_id: 'hc-b-c' },
  { id: 'site-unknown-role', related_health_centre_id: '' },
]);
// fc-1 hosted by A (data); fc-2 none in data, override → branch site-c; fc-3 names "hc-c" (a part of
// the merged id, not a VC); fc-4 hosted by D in the data but overridden to none; hc-e a candidate at VC E.
const centres = [
  { id: 'fc-1', name: 'F1', host_health_centre_id: 'hc-a' },
  { id: 'fc-2', name: 'F2', host_health_centre_id: '' },
  { id: 'fc-3', name: 'F3', host_health_centre_id: 'hc-c' },
  { id: 'fc-4', name: 'F4', host_health_centre_id: 'hc-d' },
  { id: 'hc-e', name: 'Kandidat vid VC E', host_health_centre_id: '' },
];
const overrides = new Map<string, string | null>([
  ['fc-2', 'site-c'],
  ['fc-4', null],
  ['fc-not-in-set', 'hc-d'],
]);
const input: BelongingInput = { centres, overrides, healthCentres, listing, aliases, kommuner };

describe('organisational belonging', () => {
  const r = organisationalBelonging(input);

  it('county: listed children at hosting VCs ÷ all listed children', () => {
    // listed: A 300 + B-C (200 + 100 via branch) 300 + D 250 + E 150 = 1 000 (hc-x left out)
    // hosts A, B-C, E: 300 + 300 + 150 = 750 → 0,75
    expect(r.county).toEqual({ listed_children: 1000, children_at_hosts: 750, share: 0.75, health_centres: 4, hosts: ['hc-a', 'hc-b-c', 'hc-e'] });
  });

  it('per kommun of the VC, in the kommun list order; a kommun without VC has no share', () => {
    // K1: 600 of 600 = 1; K2: E 150 of 400 = 0,375; K3: no VC
    expect(r.byKommun.map((k) => [k.kommun_code, k.kommun_name, k.listed_children, k.children_at_hosts, k.share, k.health_centres])).toEqual([
      ['K1', 'Ett', 600, 600, 1, 2],
      ['K2', 'Två', 400, 150, 0.375, 2],
      ['K3', 'Tre', 0, 0, null, 0],
    ]);
  });

  it('resolves each centre: override, data, branch of a merged VC, site at a VC; unknown ids are reported, not guessed', () => {
    expect(r.centres.map((c) => [c.centre_id, c.health_centre_id, c.given_id, c.via, c.unknown])).toEqual([
      ['fc-1', 'hc-a', 'hc-a', 'data', false],
      ['fc-2', 'hc-b-c', 'site-c', 'override', false],
      ['fc-3', null, 'hc-c', null, true],
      ['fc-4', null, '', null, false],
      ['hc-e', 'hc-e', 'hc-e', 'site_at_health_centre', false],
    ]);
    expect(r.hosts.map((h) => [h.health_centre_id, h.listed_children, h.source, h.centre_ids])).toEqual([
      ['hc-a', 300, 'modelled', ['fc-1']],
      ['hc-b-c', 300, 'modelled', ['fc-2']],
      ['hc-e', 150, 'modelled', ['hc-e']],
    ]);
  });

  it('reports every issue with its params (the override of a centre outside the set is ignored)', () => {
    expect(r.issues).toEqual([
      { code: 'listing_via_branch', severity: 'info', params: { site_id: 'site-c', health_centre_id: 'hc-b-c', children_0_6: 100 } },
      { code: 'listing_unknown_health_centre', severity: 'warning', params: { health_centre_id: 'hc-x', children_0_6: 40 } },
      { code: 'host_via_branch', severity: 'info', params: { centre_id: 'fc-2', host_id: 'site-c', health_centre_id: 'hc-b-c' } },
      { code: 'host_unknown', severity: 'warning', params: { centre_id: 'fc-3', centre_name: 'F3', host_id: 'hc-c', merged_hint: 'hc-b-c' } },
    ]);
  });

  it('labels the figure modelled when any value used is modelled', () => {
    expect([r.modelled, r.listingSource]).toEqual([true, 'mixed']);
    const imported = new Map([...listing].map(([k, v]) => [k, { ...v, source: 'imported' as const }]));
    const i = organisationalBelonging({ ...input, listing: imported });
    expect([i.modelled, i.listingSource]).toEqual([false, 'imported']);
    const none = organisationalBelonging({ ...input, listing: new Map() });
    expect([none.modelled, none.listingSource, none.county.share]).toEqual([false, 'none', null]);
  });

  it('without the site-at-VC rule the candidate hosts nothing', () => {
    // hosts A and B-C: 600 of 1 000
    const s = organisationalBelonging({ ...input, siteAtHealthCentre: false });
    expect(s.county.share).toBeCloseTo(0.6, 12);
    expect(s.centres[4].health_centre_id).toBeNull();
  });

  it('unknown stays unknown: a VC without listing makes its kommun and the county null', () => {
    const noE = new Map(listing);
    noE.delete('hc-e');
    const u = organisationalBelonging({ ...input, listing: noE });
    expect(u.county).toEqual({ listed_children: null, children_at_hosts: null, share: null, health_centres: 4, hosts: ['hc-a', 'hc-b-c', 'hc-e'] });
    expect(u.byKommun[0].share).toBe(1);
    expect(u.byKommun[1].share).toBeNull();
    expect(u.issues).toContainEqual({ code: 'listing_missing', severity: 'warning', params: { health_centre_id: 'hc-e', name: 'VC E' } });
    // D is not a host: its bad value leaves K2's hosts known (E 150) but its listed total unknown
    const bad = new Map(listing).set('hc-d', { children_0_6: -5, source: 'imported' });
    const b = organisationalBelonging({ ...input, listing: bad });
    expect([b.byKommun[1].listed_children, b.byKommun[1].children_at_hosts, b.byKommun[1].share]).toEqual([null, 150, null]);
    expect(b.issues).toContainEqual({ code: 'listing_not_count', severity: 'warning', params: { health_centre_id: 'hc-d', value: '-5' } });
  });

  it('a kommun of a VC that the kommun list lacks gets its own row after the list', () => {
    const v = organisationalBelonging({ ...input, kommuner: kommuner.slice(1) });
    expect(v.byKommun.map((k) => [k.kommun_code, k.kommun_name])).toEqual([
      ['K2', 'Två'],
      ['K3', 'Tre'],
      ['K1', ''],
    ]);
  });
});

describe('hosts from the data', () => {
  it('attaches the family centres’ host ids to the set’s sites; candidates have none', () => {
    const sites = [
      { id: 'fc-1', name: 'F1' },
      { id: 'cand', name: 'K' },
    ];
    expect(belongingCentres(sites, [{ id: 'fc-1', host_health_centre_id: 'hc-a' }])).toEqual([
      { id: 'fc-1', name: 'F1', host_health_centre_id: 'hc-a' },
      { id: 'cand', name: 'K', host_health_centre_id: '' },
    ]);
  });
  it('branch aliases only from rows that name their unit', () => {
    expect([...aliases]).toEqual([['site-c', 'hc-b-c']]);
  });
});
