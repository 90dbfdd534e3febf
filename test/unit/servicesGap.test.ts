import { dataDir } from '../../src/cli/rawInputs';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FormRange, SiteForm } from '../../src/domain/services/classify';
import { DOCUMENTED_SITES, INVENTORY_2019 } from '../../src/domain/services/documented';
import { familyCentreCounting, gapCount, mergeServices, resolveForms, resolveSiteForm, type GapFormMode } from '../../src/domain/services/gapForm';
import { UNKNOWN_SERVICES, type SiteServices } from '../../src/domain/services/types';

// The background documents sit beside the shared data (../shared/seeds, or next to $FCP_DATA_DIR).
const SEEDS = resolve(dataDir(), '..', 'seeds');
const seed = (n: string) => readFileSync(resolve(SEEDS, `${n}_${{ '000': '73645d83e91d4c02', '001': 'f9e0c0b75e7e9f81', '002': 'd1efa921fd6db66c' }[n]}.txt`), 'utf8');
const svc = (p: Partial<SiteServices>): SiteServices => ({ ...UNKNOWN_SERVICES, ...p });
const range = (proven: SiteForm, best: SiteForm): FormRange => ({ proven, best, certain: proven === best });

describe('gapCount: the gap switch', () => {
  const rows: [SiteForm, SiteForm, GapFormMode, string][] = [
    ['familjecentral', 'familjecentral', 'familjecentral_only', 'counts'],
    ['familjecentral', 'familjecentral', 'both', 'counts'],
    ['familjecentralsliknande', 'familjecentralsliknande', 'familjecentral_only', 'does_not_count'],
    ['familjecentralsliknande', 'familjecentralsliknande', 'both', 'counts'],
    ['familjecentralsliknande', 'familjecentral', 'familjecentral_only', 'uncertain'],
    ['familjecentralsliknande', 'familjecentral', 'both', 'counts'],
    ['annan', 'familjecentral', 'familjecentral_only', 'uncertain'],
    ['annan', 'familjecentral', 'both', 'uncertain'],
    ['annan', 'familjecentralsliknande', 'familjecentral_only', 'does_not_count'],
    ['annan', 'familjecentralsliknande', 'both', 'uncertain'],
    ['annan', 'annan', 'familjecentral_only', 'does_not_count'],
    ['annan', 'annan', 'both', 'does_not_count'],
  ];
  it.each(rows)('%s … %s under %s → %s', (proven, best, mode, expected) => {
    expect(gapCount(range(proven, best), mode)).toBe(expected);
  });
});

describe('resolveSiteForm: documented facts overlaid with the planner', () => {
  const doc = (id: string) => DOCUMENTED_SITES.get(id)!;

  it("002's nine count as familjecentraler while no recorded level contradicts it", () => {
    const r = resolveSiteForm(undefined, doc('fc-leksand'));
    expect(r).toMatchObject({ proven: 'familjecentral', best: 'familjecentral', certain: true, basis: 'document' });
    expect(r.source).toEqual({ docs: ['002'], place: 'avsnitt 3.1 Bakgrund' });
  });

  it("a planner's level that rules out full co-location overrides the document's count", () => {
    // MHV part of the week: never familjecentral; BHV and kommun services unknown → annan … sliknande.
    const r = resolveSiteForm(svc({ mhv: 'part' }), doc('fc-leksand'));
    expect(r).toEqual({ proven: 'annan', best: 'familjecentralsliknande', certain: false, basis: 'open', source: null });
    expect(gapCount(r, 'familjecentral_only')).toBe('does_not_count');
    expect(gapCount(r, 'both')).toBe('uncertain');
  });

  it('all four recorded as full is decided by the services', () => {
    expect(resolveSiteForm(svc({ mhv: 'full', bhv: 'full', openPreschool: 'full', socialServices: 'full' }), doc('fc-leksand'))).toMatchObject({
      proven: 'familjecentral',
      basis: 'services',
    });
  });

  it("Orsa's Familjens hus: activities at different places caps it at sliknande (002, avsnitt 3.1)", () => {
    const r = resolveSiteForm(undefined, doc('fc-orsa-familjens-hus'));
    expect(r).toMatchObject({ proven: 'annan', best: 'familjecentralsliknande', certain: false, basis: 'open' });
    expect(r.source?.docs).toEqual(['002']);
    expect(gapCount(r, 'familjecentral_only')).toBe('does_not_count');
    expect(gapCount(r, 'both')).toBe('uncertain');
    // BHV + öppen förskola recorded as full: sliknande proven, the bound makes it certain.
    expect(resolveSiteForm(svc({ bhv: 'full', openPreschool: 'full' }), doc('fc-orsa-familjens-hus'))).toMatchObject({
      proven: 'familjecentralsliknande',
      best: 'familjecentralsliknande',
      certain: true,
      basis: 'document',
    });
    // The planner records all four as full (newer knowledge): the levels win over the bound.
    expect(resolveSiteForm(svc({ mhv: 'full', bhv: 'full', openPreschool: 'full', socialServices: 'full' }), doc('fc-orsa-familjens-hus')).proven).toBe('familjecentral');
  });

  it('a familjeenhet is not counted as a familjecentral by 002; its sliknande status is unknown', () => {
    expect(resolveSiteForm(undefined, doc('fc-alvdalen-family-unit'))).toMatchObject({ proven: 'annan', best: 'familjecentralsliknande', basis: 'open' });
  });

  it('a 2019 centre stays open: the slides say only five of eight were fully co-located', () => {
    const r = resolveSiteForm(undefined, doc('h2019-hedemora'));
    expect(r).toEqual({ proven: 'annan', best: 'familjecentral', certain: false, basis: 'open', source: null });
    expect(gapCount(r, 'familjecentral_only')).toBe('uncertain');
    expect(gapCount(r, 'both')).toBe('uncertain');
  });

  it("a candidate takes its intended form only when the levels allow it", () => {
    expect(resolveSiteForm(undefined, undefined, 'familjecentral')).toMatchObject({ proven: 'familjecentral', basis: 'intended' });
    expect(resolveSiteForm(svc({ mhv: 'absent' }), undefined, 'familjecentral')).toEqual({
      proven: 'annan',
      best: 'familjecentralsliknande',
      certain: false,
      basis: 'open',
      source: null,
    });
    expect(resolveSiteForm(undefined, undefined)).toMatchObject({ proven: 'annan', best: 'familjecentral', basis: 'open' });
  });

  it('mergeServices: recorded levels and hours win, unknowns fall back', () => {
    const d = svc({ bhv: 'full', openPreschoolHoursPerWeek: 10 });
    expect(mergeServices(d, svc({ mhv: 'part', socialServicesHoursPerWeek: 3 }))).toEqual(svc({ mhv: 'part', bhv: 'full', openPreschoolHoursPerWeek: 10, socialServicesHoursPerWeek: 3 }));
    expect(mergeServices(d, undefined)).toEqual(d);
  });
});

describe('familyCentreCounting per kommun', () => {
  const sites = [
    { id: 'fc-leksand', status: 'existing', kommun_code: '2029' },
    { id: 'fc-orsa-familjens-hus', status: 'family_unit', kommun_code: '2034' },
    { id: 'c1', status: 'candidate', kommun_code: '2034' },
    { id: 'c-nowhere', status: 'candidate' },
  ];
  // c1: BHV + öppen förskola full, MHV and socialtjänst absent → sliknande, certain.
  const forms = resolveForms(sites, { c1: svc({ mhv: 'absent', bhv: 'full', openPreschool: 'full', socialServices: 'absent' }) }, 'familjecentral');

  it('familjecentral_only: Leksand counts; in Orsa neither the unit nor a sliknande candidate counts', () => {
    const m = familyCentreCounting(sites, (id) => forms.get(id)!, 'familjecentral_only');
    expect(m.get('2029')).toEqual({ counts: ['fc-leksand'], uncertain: [], does_not_count: [] });
    expect(m.get('2034')).toEqual({ counts: [], uncertain: [], does_not_count: ['fc-orsa-familjens-hus', 'c1'] });
    expect(m.size).toBe(2); // the site without a kommun is left out
  });

  it('both: the sliknande candidate counts, the unit is uncertain', () => {
    const m = familyCentreCounting(sites, (id) => forms.get(id)!, 'both');
    expect(m.get('2034')).toEqual({ counts: ['c1'], uncertain: ['fc-orsa-familjens-hus'], does_not_count: [] });
  });

  it("reads only the planner's own entries (no prototype keys)", () => {
    const f = resolveForms([{ id: 'constructor', status: 'candidate' }], {});
    expect(f.get('constructor')).toMatchObject({ basis: 'open' });
  });
});

describe('the documented-services table', () => {
  it('holds the 8 + 15 bundled sites, every level unknown (no document gives one site its levels)', () => {
    expect(DOCUMENTED_SITES.size).toBe(23);
    for (const d of DOCUMENTED_SITES.values()) expect(d.services).toEqual(UNKNOWN_SERVICES);
    const by = (k: string) => [...DOCUMENTED_SITES.values()].filter((d) => d.definition === k).length;
    // 2019: 8 not_all_met; 2026: 9 existing + 1 planned + 3 intent = 13 not_stated; 2 familjeenheter not_counted.
    expect([by('not_all_met'), by('not_stated'), by('not_counted')]).toEqual([8, 13, 2]);
    expect([...DOCUMENTED_SITES.values()].filter((d) => d.maxForm).map((d) => d.id)).toEqual(['fc-orsa-familjens-hus']);
  });

  it('the 2019 inventory figures are the slides\' (000 and 001, "Dalarnas familjecentraler hösten 2019")', () => {
    for (const n of ['000', '001']) {
      const t = seed(n).replace(/\s+/g, ' ');
      expect(t).toContain(`mellan ${INVENTORY_2019.openPreschoolHoursPerWeek.min} och ${INVENTORY_2019.openPreschoolHoursPerWeek.max} timmar/vecka`);
      expect(t).toMatch(new RegExp(`mellan ${INVENTORY_2019.socialServices.minHoursPerWeek} h/v till ${INVENTORY_2019.socialServices.maxFullTimeStaff} personer på heltid`));
      expect(t).toContain(`${INVENTORY_2019.fullyColocated} familjecentraler fullt ut samlokaliserade`);
      expect(t).toContain(`${INVENTORY_2019.centres} familjecentraler i 7 kommuner`);
    }
  });

  it("002's section 1 holds the definitions the classification cites", () => {
    const t = seed('002').replace(/\s+/g, ' ');
    expect(t).toContain('1 Inledning');
    expect(t).toContain('fullt ut samlokaliserad verksamhet inkluderande mödrahälsovård, barnhälsovård, kommunal öppen förskola och socialtjänstens förebyggande verksamhet');
    expect(t).toContain('barnhälsovård som är samlokaliserad med minst en kommunal verksamhet');
    expect(t).toContain('Med samlokalisering menas att hela den ordinarie verksamheten');
  });
});
