import { classifySite, formRank, weakerForm, type FormRange, type SiteForm } from './classify';
import { DOCUMENTED_SITES, type DocumentedSite } from './documented';
import type { DocRef } from './docRef';
import { SERVICE_KEYS, UNKNOWN_SERVICES, type SiteServices } from './types';

/**
 * Which sites the kommun gap flags count as a family centre. 002 (avsnitt 1 Inledning and
 * avsnitt 3.1 Bakgrund) states the regional ambition as familjecentraler or
 * familjecentralsliknande verksamheter in every kommun, so the switch offers both readings:
 * - `familjecentral_only`: only familjecentraler count;
 * - `both`: familjecentraler and familjecentralsliknande verksamheter count.
 */
export type GapFormMode = 'familjecentral_only' | 'both';

/** The switch's positions, in the order a control lists them. */
export const GAP_FORM_MODES: readonly GapFormMode[] = ['familjecentral_only', 'both'];

/**
 * What decided a site's form:
 * - `services`: the recorded service levels alone;
 * - `document`: a document's count or bound, together with the levels (see `resolveSiteForm`);
 * - `intended`: the form the planner proposes the site as (a candidate), the levels leaving it open;
 * - `open`: nothing decides it; `proven`…`best` is the range.
 */
export type FormBasis = 'services' | 'document' | 'intended' | 'open';

/** A site's form with what decided it. */
export interface ResolvedForm extends FormRange {
  basis: FormBasis;
  /** The document behind a `document` basis, else null. */
  source: DocRef | null;
}

/**
 * The documented levels overlaid with the planner's: a level the planner recorded (not
 * `unknown`) wins, and so does an hour value that is not null.
 */
export function mergeServices(documented: SiteServices, planner: SiteServices | undefined): SiteServices {
  if (!planner) return { ...documented };
  const out: SiteServices = { ...documented };
  for (const k of SERVICE_KEYS) if (planner[k] !== 'unknown') out[k] = planner[k];
  if (planner.openPreschoolHoursPerWeek !== null) out.openPreschoolHoursPerWeek = planner.openPreschoolHoursPerWeek;
  if (planner.socialServicesHoursPerWeek !== null) out.socialServicesHoursPerWeek = planner.socialServicesHoursPerWeek;
  return out;
}

/**
 * A site's form for the gap flags, in this order:
 * 1. classify the levels (`classifySite`; the documented ones overlaid with the planner's);
 * 2. a documented bound (`maxForm`, e.g. Orsa's activities at different places) lowers `best`,
 *    unless the recorded levels already prove more (then the planner's levels win);
 * 3. a site the document counts as a familjeenhet (`not_counted`) is not a familjecentral by that
 *    count: `best` at most familjecentralsliknande, unless the levels prove more;
 * 4. when the levels still leave it open, a document that counts the site as a familjecentral
 *    without saying it falls short of the definition (`not_stated`, 002's nine) decides
 *    familjecentral — if the levels allow it. The 2019 count (`not_all_met`: only five of eight
 *    fully co-located) decides nothing;
 * 5. else `intendedForm` (a candidate's proposed form), if the levels allow it;
 * 6. else the range stays open.
 *
 * @param planner the planner's levels for the site (undefined = none recorded)
 * @param doc the documented facts (undefined for a candidate or an unknown id)
 * @param intendedForm the form the planner proposes the site as (candidates), or undefined
 */
export function resolveSiteForm(planner: SiteServices | undefined, doc: DocumentedSite | undefined, intendedForm?: SiteForm): ResolvedForm {
  const services = mergeServices(doc?.services ?? UNKNOWN_SERVICES, planner);
  const levels = classifySite(services);
  if (levels.certain) return { ...levels, basis: 'services', source: null };
  let { proven, best } = levels;
  let source: DocRef | null = null;
  const cap = (to: SiteForm, why: DocRef) => {
    if (formRank(proven) <= formRank(to) && formRank(best) > formRank(to)) {
      best = weakerForm(best, to);
      source = why;
    }
  };
  if (doc?.maxForm && doc.maxFormSource) cap(doc.maxForm, doc.maxFormSource);
  if (doc?.definition === 'not_counted') cap('familjecentralsliknande', doc.countSource);
  if (proven === best) return { proven, best, certain: true, basis: 'document', source };
  if (doc?.countedAs === 'familjecentral' && doc.definition === 'not_stated' && best === 'familjecentral') {
    return { proven: 'familjecentral', best: 'familjecentral', certain: true, basis: 'document', source: doc.countSource };
  }
  if (intendedForm && formRank(proven) <= formRank(intendedForm) && formRank(intendedForm) <= formRank(best)) {
    return { proven: intendedForm, best: intendedForm, certain: true, basis: 'intended', source: null };
  }
  return { proven, best, certain: false, basis: 'open', source };
}

/** How a site stands under the gap switch: it counts, it might (unknowns decide), or it does not. */
export type GapCount = 'counts' | 'uncertain' | 'does_not_count';

/** The weakest form that counts under a mode. */
const THRESHOLD: Record<GapFormMode, SiteForm> = { familjecentral_only: 'familjecentral', both: 'familjecentralsliknande' };

/**
 * Whether a site counts as a family centre for the gap flags.
 *
 * @example gapCount({ proven: 'familjecentralsliknande', best: 'familjecentral', certain: false, basis: 'open', source: null }, 'both') // → 'counts'
 */
export function gapCount(form: FormRange, mode: GapFormMode): GapCount {
  const t = formRank(THRESHOLD[mode]);
  if (formRank(form.proven) >= t) return 'counts';
  if (formRank(form.best) >= t) return 'uncertain';
  return 'does_not_count';
}

/** A kommun's sites sorted by how they stand under the switch (ids in input order). */
export interface KommunCounting {
  counts: string[];
  uncertain: string[];
  does_not_count: string[];
}

/**
 * Which sites count as a family centre in each kommun under a mode. A site without a kommun code
 * is left out (it cannot be given to a kommun).
 *
 * @param sites the set's sites (today or the proposal, or a snapshot's)
 * @param formOf the resolved form of a site id (see `resolveSiteForm`, `resolveForms`)
 */
export function familyCentreCounting(sites: readonly { id: string; kommun_code?: string }[], formOf: (id: string) => FormRange, mode: GapFormMode): Map<string, KommunCounting> {
  const out = new Map<string, KommunCounting>();
  for (const s of sites) {
    if (!s.kommun_code) continue;
    const k = out.get(s.kommun_code) ?? { counts: [], uncertain: [], does_not_count: [] };
    k[gapCount(formOf(s.id), mode)].push(s.id);
    out.set(s.kommun_code, k);
  }
  return out;
}

/**
 * The resolved forms of sites: the bundled documented facts (`DOCUMENTED_SITES`) overlaid with the
 * planner's levels (a scenario's `siteServices`). Candidates get `candidateForm` as intended form.
 *
 * @param sites the sites, with the app's status (`candidate` marks a candidate)
 * @param planner the planner's levels by site id
 * @param candidateForm what a candidate is proposed as (e.g. 'familjecentral'); undefined = nothing assumed
 */
export function resolveForms(
  sites: readonly { id: string; status: string }[],
  planner: Readonly<Record<string, SiteServices>>,
  candidateForm?: SiteForm,
  documented: ReadonlyMap<string, DocumentedSite> = DOCUMENTED_SITES,
): Map<string, ResolvedForm> {
  const out = new Map<string, ResolvedForm>();
  for (const s of sites) {
    const own = Object.hasOwn(planner, s.id) ? planner[s.id] : undefined;
    out.set(s.id, resolveSiteForm(own, documented.get(s.id), s.status === 'candidate' ? candidateForm : undefined));
  }
  return out;
}
