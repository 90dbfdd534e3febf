import { KOMMUN_SERVICES, type ServiceLevel, type SiteServices } from './types';

/**
 * The form of a site by report 002's definitions (002, avsnitt 1 Inledning: Region Dalarna's
 * definition of a familjecentral, Socialstyrelsen's description of familjecentralsliknande
 * verksamhet and the meaning of samlokalisering given there):
 * - `familjecentral`: all four basic services fully co-located;
 * - `familjecentralsliknande`: barnhälsovård fully co-located with at least one of the kommun's
 *   services (öppen förskola and/or förebyggande socialtjänst), with or without mödrahälsovård;
 * - `annan`: anything else.
 * Ordered: annan < familjecentralsliknande < familjecentral.
 */
export type SiteForm = 'annan' | 'familjecentralsliknande' | 'familjecentral';

/** The forms from weakest to strongest. */
export const SITE_FORMS: readonly SiteForm[] = ['annan', 'familjecentralsliknande', 'familjecentral'];

/** Rank of a form in `SITE_FORMS` (0 = annan … 2 = familjecentral). */
export const formRank = (f: SiteForm): number => SITE_FORMS.indexOf(f);

/** The weaker of two forms. */
export const weakerForm = (a: SiteForm, b: SiteForm): SiteForm => (formRank(a) <= formRank(b) ? a : b);

/**
 * A site's form given what is known: `proven` holds whatever the unknown services turn out to be;
 * `best` is the strongest form the unknowns still allow. `certain` when the two agree.
 */
export interface FormRange {
  proven: SiteForm;
  best: SiteForm;
  certain: boolean;
}

/** The form when every service's co-location is decided (true = fully co-located). */
function formOf(colocated: (level: ServiceLevel) => boolean, s: SiteServices): SiteForm {
  const bhv = colocated(s.bhv);
  const kommun = KOMMUN_SERVICES.some((k) => colocated(s[k]));
  if (bhv && colocated(s.mhv) && colocated(s.openPreschool) && colocated(s.socialServices)) return 'familjecentral';
  if (bhv && kommun) return 'familjecentralsliknande';
  return 'annan';
}

/**
 * Classifies a site by 002's definitions (avsnitt 1 Inledning). Only `full` counts as
 * co-located: `part` (present part of the week) does not, since samlokalisering in 002 means the
 * whole ordinary activity is at the site. Unknown levels give a range: `proven` treats them as not
 * co-located, `best` as fully co-located (both conditions only grow with more `full`, so every
 * resolution of the unknowns lies between the two).
 *
 * @example classifySite({ ...UNKNOWN_SERVICES, bhv: 'full', openPreschool: 'full' })
 *   // → { proven: 'familjecentralsliknande', best: 'familjecentral', certain: false }
 */
export function classifySite(services: SiteServices): FormRange {
  const proven = formOf((l) => l === 'full', services);
  const best = formOf((l) => l === 'full' || l === 'unknown', services);
  return { proven, best, certain: proven === best };
}
