import type { SiteForm } from '../domain/services/classify';
import type { DocumentKey, DocRef } from '../domain/services/docRef';
import { DOCUMENTS } from '../domain/services/docRef';
import type { FormBasis, GapCount, GapFormMode } from '../domain/services/gapForm';
import type { ServiceLevel } from '../domain/services/types';
import type { Lang } from '../i18n/format';

/**
 * The words of service forms and classification, Swedish (default) and English: levels, forms,
 * the gap switch, what decided a form, and a source reference. Kept here until they are merged
 * into src/i18n (sv.ts, en.ts, describe.ts). The service names are in `SERVICE_FIELD_TEXT`
 * (siteServicesIssues.ts).
 */

/** "uppgift saknas": the one label of every unknown value. */
export const UNKNOWN_TEXT: Record<Lang, string> = { sv: 'uppgift saknas', en: 'no data' };

/** The levels in the form (and in tables). */
export const SERVICE_LEVEL_TEXT: Record<Lang, Record<ServiceLevel, string>> = {
  sv: { full: 'fullt samlokaliserad', part: 'på plats del av veckan', absent: 'finns inte på platsen', unknown: 'uppgift saknas' },
  en: { full: 'fully co-located', part: 'on site part of the week', absent: 'not on site', unknown: 'no data' },
};

/** The forms by 002's definitions. */
export const SITE_FORM_TEXT: Record<Lang, Record<SiteForm, string>> = {
  sv: { familjecentral: 'familjecentral', familjecentralsliknande: 'familjecentralsliknande verksamhet', annan: 'annan verksamhet' },
  en: { familjecentral: 'family centre', familjecentralsliknande: 'family-centre-like service', annan: 'other' },
};

/** The gap switch's two positions. */
export const GAP_FORM_MODE_TEXT: Record<Lang, Record<GapFormMode, string>> = {
  sv: { familjecentral_only: 'Räkna bara familjecentraler', both: 'Räkna familjecentraler och familjecentralsliknande verksamheter (regionens mål, HSN 2026/4486)' },
  en: { familjecentral_only: 'Count family centres only', both: 'Count family centres and family-centre-like services (the regional goal, HSN 2026/4486)' },
};

/** How a site stands under the switch. */
export const GAP_COUNT_TEXT: Record<Lang, Record<GapCount, string>> = {
  sv: { counts: 'räknas', uncertain: 'osäkert – beror på verksamheter där uppgift saknas', does_not_count: 'räknas inte' },
  en: { counts: 'counts', uncertain: 'uncertain – depends on services with no data', does_not_count: 'does not count' },
};

/** What decided a site's form. */
export const FORM_BASIS_TEXT: Record<Lang, Record<FormBasis, string>> = {
  sv: { services: 'enligt angivna verksamheter', document: 'enligt dokumentens uppgifter', intended: 'föreslagen form (antagande)', open: 'uppgift saknas' },
  en: { services: 'from the recorded services', document: "from the documents' account", intended: 'proposed form (assumption)', open: 'no data' },
};

/**
 * A form range in words: "familjecentral" when certain, else "minst familjecentralsliknande
 * verksamhet, möjligen familjecentral".
 */
export function formRangeText(r: { proven: SiteForm; best: SiteForm; certain: boolean }, lang: Lang = 'sv'): string {
  const t = SITE_FORM_TEXT[lang];
  if (r.certain) return t[r.proven];
  if (r.proven === 'annan') return lang === 'sv' ? `uppgift saknas (möjligen ${t[r.best]})` : `no data (possibly ${t[r.best]})`;
  return lang === 'sv' ? `minst ${t[r.proven]}, möjligen ${t[r.best]}` : `at least ${t[r.proven]}, possibly ${t[r.best]}`;
}

/** The short name of a document ("002" → "HSN 2026/4486"). */
const SHORT: Record<DocumentKey, string> = { '000': 'bilderna 2020-08-28', '001': 'bilderna 2020-08-28', '002': 'HSN 2026/4486', 'family-centres.csv': 'family-centres.csv' };

/** A source reference in words: "HSN 2026/4486, avsnitt 3.1 Bakgrund". The documents' full names are in `DOCUMENTS`. */
export function docRefText(ref: DocRef): string {
  const names = [...new Set(ref.docs.map((d) => SHORT[d]))].join(' / ');
  return `${names}, ${ref.place}`;
}

/** The full names of a reference's documents, for a tooltip or footnote. */
export function docRefTitles(ref: DocRef): string[] {
  return [...new Set(ref.docs.map((d) => DOCUMENTS[d]))];
}
