import { siteSetInfo, siteSetSites, type SiteSetInfo, type SiteSetKey } from '../domain/siteSets';
import type { FamilyCentre, Site } from '../domain/types';
import type { ScenarioParams } from '../domain/scenario';
import { assumptionLines } from '../i18n/describe';
import { DATA_YEARS } from '../io/coverageExport';

/**
 * The sites of the named sets without a travel analysis, for what does not depend on travel
 * (organisational belonging, the vårdval budget): the same lists as `analyseSiteSets()` counts
 * (siteSets.ts, sorted by id), and the stated lines that name them.
 */

export interface PlainSet {
  info: SiteSetInfo;
  sites: Site[];
  params: ScenarioParams;
}

/** The sets `keys`, in that order. */
export function plainSets(keys: readonly SiteSetKey[], familyCentres: readonly FamilyCentre[], params: ScenarioParams, candidates: readonly Site[]): PlainSet[] {
  return keys.map((key) => {
    const sites = siteSetSites(key, familyCentres, params.include, candidates);
    return { info: siteSetInfo(key, params.include, sites.filter((s) => s.status === 'candidate').length), sites, params };
  });
}

/** "Platser som räknas: …" per set, then the data years: the first and last of the coverage export's stated lines. */
export function plainSetLines(sets: readonly PlainSet[]): string[] {
  const lines = sets.map((s) => assumptionLines(s.params, s.info, DATA_YEARS));
  return [...lines.map((l) => l[0]), lines[0][lines[0].length - 1]];
}
