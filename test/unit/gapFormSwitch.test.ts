import { describe, expect, it } from 'vitest';
import { kommunGaps } from '../../src/domain/gaps';
import { formCounting, siteForm } from '../../src/domain/services/siteCounting';
import { UNKNOWN_SERVICES, type SiteServices } from '../../src/domain/services/types';
import type { Site } from '../../src/domain/types';

/**
 * The gap switch of issue 11: which sites count as a family centre for the kommun flags, from the
 * documents (002's nine count as familjecentraler, family units are counted apart) and the
 * planner's recorded services, under "familjecentraler only" or "with familjecentralsliknande".
 */
const kommuner = [
  { kommun_code: '2029', kommun_name: 'Leksand' },
  { kommun_code: '2034', kommun_name: 'Orsa' },
  { kommun_code: '2082', kommun_name: 'Säter' },
];
const site = (id: string, status: Site['status'], kommun_code: string): Site => ({ id, name: id, status, kommun_code, lon: 15, lat: 61 });
const sites = [site('fc-leksand', 'existing', '2029'), site('fc-orsa-familjens-hus', 'family_unit', '2034'), site('k1', 'candidate', '2082')];
const flags = (mode: 'familjecentral_only' | 'both', planner: Record<string, SiteServices> = {}) =>
  Object.fromEntries(kommunGaps(kommuner, [], sites, new Map(), 0.5, formCounting(mode, planner)).map((g) => [g.kommun_name, g.flags]));

describe('the gap switch', () => {
  it('with nothing recorded and familjecentraler only, keeps the rule before service forms', () => {
    // Leksand's centre is one of 002's nine; Orsa's family unit does not count; a candidate counts as proposed.
    expect(flags('familjecentral_only')).toEqual({ Leksand: [], Orsa: ['no_centre'], Säter: [] });
  });

  it('with familjecentralsliknande counted, a family unit with unknown services is uncertain, not absent', () => {
    expect(siteForm(sites[1], {})).toMatchObject({ proven: 'annan', best: 'familjecentralsliknande' });
    expect(flags('both').Orsa).toEqual(['form_uncertain']);
  });

  it("counts Orsa's family unit once BVC and the open preschool are recorded as co-located", () => {
    const orsa: SiteServices = { ...UNKNOWN_SERVICES, bhv: 'full', openPreschool: 'full' };
    expect(siteForm(sites[1], { 'fc-orsa-familjens-hus': orsa })).toMatchObject({ proven: 'familjecentralsliknande', certain: true });
    expect(flags('both', { 'fc-orsa-familjens-hus': orsa }).Orsa).toEqual([]);
    // … but not as a full familjecentral
    expect(flags('familjecentral_only', { 'fc-orsa-familjens-hus': orsa }).Orsa).toEqual(['no_centre']);
  });

  it('a recorded part-week service takes a centre out of "familjecentraler only"', () => {
    // Maternity care only part of the week: at most familjecentralsliknande (002: co-location means the whole activity).
    const leksand: SiteServices = { ...UNKNOWN_SERVICES, mhv: 'part' };
    expect(flags('familjecentral_only', { 'fc-leksand': leksand }).Leksand).toEqual(['no_centre']);
    expect(flags('both', { 'fc-leksand': leksand }).Leksand).toEqual(['form_uncertain']);
    expect(flags('both', { 'fc-leksand': { ...leksand, bhv: 'full', socialServices: 'full' } }).Leksand).toEqual([]);
  });
});
