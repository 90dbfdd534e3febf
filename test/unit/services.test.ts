import { describe, expect, it } from 'vitest';
import { classifySite, formRank, SITE_FORMS, type SiteForm } from '../../src/domain/services/classify';
import { isAllUnknown, SERVICE_KEYS, UNKNOWN_SERVICES, unknownServices, type ServiceLevel, type SiteServices } from '../../src/domain/services/types';

/** Services from levels in the order mhv, bhv, openPreschool, socialServices. */
const s = (mhv: ServiceLevel, bhv: ServiceLevel, openPreschool: ServiceLevel, socialServices: ServiceLevel): SiteServices => ({
  ...UNKNOWN_SERVICES,
  mhv,
  bhv,
  openPreschool,
  socialServices,
});

describe('classifySite: the truth table by 002, avsnitt 1 (hand-checked rows)', () => {
  // [mhv, bhv, ÖF, soc] → proven, best
  const rows: [ServiceLevel, ServiceLevel, ServiceLevel, ServiceLevel, SiteForm, SiteForm, string][] = [
    ['full', 'full', 'full', 'full', 'familjecentral', 'familjecentral', 'all four fully co-located'],
    ['absent', 'full', 'full', 'absent', 'familjecentralsliknande', 'familjecentralsliknande', 'BHV + öppen förskola'],
    ['absent', 'full', 'absent', 'full', 'familjecentralsliknande', 'familjecentralsliknande', 'BHV + förebyggande socialtjänst'],
    ['full', 'full', 'absent', 'full', 'familjecentralsliknande', 'familjecentralsliknande', 'MHV + BHV + one kommun service'],
    ['full', 'full', 'full', 'part', 'familjecentralsliknande', 'familjecentralsliknande', 'socialtjänst part of the week is not co-located'],
    ['full', 'part', 'full', 'full', 'annan', 'annan', 'BHV part of the week: no BHV co-location'],
    ['full', 'absent', 'full', 'full', 'annan', 'annan', 'no BHV'],
    ['full', 'full', 'part', 'part', 'annan', 'annan', 'BHV with neither kommun service fully'],
    ['full', 'full', 'absent', 'absent', 'annan', 'annan', 'MHV + BHV only (no kommun service)'],
    // The brief's case: BVC full + a kommun service full + MHV unknown, the other kommun service full.
    ['unknown', 'full', 'full', 'full', 'familjecentralsliknande', 'familjecentral', 'at least sliknande, possibly familjecentral'],
    // …but with the other kommun service absent it cannot become a familjecentral.
    ['unknown', 'full', 'full', 'absent', 'familjecentralsliknande', 'familjecentralsliknande', 'certain although MHV unknown'],
    ['unknown', 'unknown', 'unknown', 'unknown', 'annan', 'familjecentral', 'nothing known'],
    ['full', 'unknown', 'full', 'full', 'annan', 'familjecentral', 'BHV unknown decides everything'],
    ['full', 'unknown', 'absent', 'absent', 'annan', 'annan', 'no kommun service: annan whatever BHV is'],
    ['full', 'full', 'unknown', 'absent', 'annan', 'familjecentralsliknande', 'one kommun service unknown, the other absent'],
    ['absent', 'full', 'unknown', 'unknown', 'annan', 'familjecentralsliknande', 'MHV absent caps at sliknande'],
  ];
  it.each(rows)('%s %s %s %s → %s … %s (%s)', (mhv, bhv, of, soc, proven, best) => {
    expect(classifySite(s(mhv, bhv, of, soc))).toEqual({ proven, best, certain: proven === best });
  });
});

describe('classifySite over every combination', () => {
  const LEVELS: ServiceLevel[] = ['full', 'part', 'absent', 'unknown'];
  const all: SiteServices[] = [];
  for (const a of LEVELS) for (const b of LEVELS) for (const c of LEVELS) for (const d of LEVELS) all.push(s(a, b, c, d));

  it('with known levels only (3^4 = 81): 1 familjecentral, 14 sliknande, 66 annan, all certain', () => {
    // familjecentral: all four full → 1.
    // sliknande: BHV full (1) × MHV any of 3 × (ÖF, soc) with at least one full (3² − 2² = 5) = 15, minus the all-full one = 14.
    // annan: 81 − 1 − 14 = 66.
    const known = all.filter((x) => unknownServices(x).length === 0);
    expect(known).toHaveLength(81);
    const count = (f: SiteForm) => known.filter((x) => classifySite(x).proven === f).length;
    expect([count('familjecentral'), count('familjecentralsliknande'), count('annan')]).toEqual([1, 14, 66]);
    expect(known.every((x) => classifySite(x).certain)).toBe(true);
  });

  it('with unknowns (4^4 = 256): proven and best counts by hand', () => {
    const proven = (min: SiteForm) => all.filter((x) => formRank(classifySite(x).proven) >= formRank(min)).length;
    const best = (min: SiteForm) => all.filter((x) => formRank(classifySite(x).best) >= formRank(min)).length;
    // proven familjecentral: all four full → 1.
    expect(proven('familjecentral')).toBe(1);
    // proven ≥ sliknande: BHV full (1) × MHV any of 4 × (ÖF, soc) with at least one full (4² − 3² = 7) = 28.
    expect(proven('familjecentralsliknande')).toBe(28);
    // best familjecentral: every level full or unknown → 2^4 = 16.
    expect(best('familjecentral')).toBe(16);
    // best ≥ sliknande: BHV full/unknown (2) × MHV any of 4 × (ÖF, soc) with at least one full/unknown (4² − 2² = 12) = 96.
    expect(best('familjecentralsliknande')).toBe(96);
  });

  it('proven and best are the weakest and strongest form over every way the unknowns can turn out', () => {
    const KNOWN: ServiceLevel[] = ['full', 'part', 'absent'];
    for (const x of all) {
      let resolutions: SiteServices[] = [x];
      for (const k of SERVICE_KEYS) {
        if (x[k] !== 'unknown') continue;
        resolutions = resolutions.flatMap((r) => KNOWN.map((l) => ({ ...r, [k]: l })));
      }
      const ranks = resolutions.map((r) => formRank(classifySite(r).proven));
      const c = classifySite(x);
      expect(SITE_FORMS[Math.min(...ranks)]).toBe(c.proven);
      expect(SITE_FORMS[Math.max(...ranks)]).toBe(c.best);
      expect(c.certain).toBe(c.proven === c.best);
    }
  });
});

describe('service helpers', () => {
  it('lists unknown services and tells an empty record', () => {
    expect(unknownServices(s('full', 'unknown', 'absent', 'unknown'))).toEqual(['bhv', 'socialServices']);
    expect(isAllUnknown(UNKNOWN_SERVICES)).toBe(true);
    expect(isAllUnknown({ ...UNKNOWN_SERVICES, openPreschoolHoursPerWeek: 12 })).toBe(false);
    expect(isAllUnknown(s('unknown', 'unknown', 'unknown', 'part'))).toBe(false);
  });
});
