import type { SiteCounting } from '../gaps';
import type { Site } from '../types';
import { DOCUMENTED_SITES, type DocumentedSite } from './documented';
import { gapCount, resolveSiteForm, type GapFormMode, type ResolvedForm } from './gapForm';
import type { SiteServices } from './types';

/**
 * The form a site is proposed as when its services leave it open: a planned centre, a letter of
 * intent and a candidate are proposed as familjecentraler (what the regional plan asks for); the
 * planner's recorded services override that.
 */
const INTENDED: Partial<Record<Site['status'], 'familjecentral'>> = { planned: 'familjecentral', intent: 'familjecentral', candidate: 'familjecentral' };

/** A site's form: the documented facts, the planner's services, and for planned sites the proposed form. */
export function siteForm(site: Pick<Site, 'id' | 'status'>, planner: Readonly<Record<string, SiteServices>>, documented: ReadonlyMap<string, DocumentedSite> = DOCUMENTED_SITES): ResolvedForm {
  return resolveSiteForm(Object.hasOwn(planner, site.id) ? planner[site.id] : undefined, documented.get(site.id), INTENDED[site.status]);
}

/**
 * The gap flags' counting under the switch: with no services recorded and the default mode
 * (familjecentraler only) it is the rule before service forms — the documents' nine count, planned
 * sites and candidates count as proposed, family units do not (002 counts them apart).
 */
export function formCounting(mode: GapFormMode, planner: Readonly<Record<string, SiteServices>>): SiteCounting {
  const cache = new Map<string, ReturnType<SiteCounting>>();
  return (site) => {
    let c = cache.get(site.id);
    if (!c) cache.set(site.id, (c = gapCount(siteForm(site, planner), mode)));
    return c;
  };
}
