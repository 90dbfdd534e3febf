import type { ServiceKey } from '../domain/services/types';
import { formatNumber, type Lang } from '../i18n/format';

/**
 * Problems the site-services reader (siteServicesJson.ts) reports in a scenario file's
 * `siteServices` object, with one sentence template per code and language. Kept here until the
 * lead merges them into src/io/issues.ts and src/i18n/messages.ts.
 */
export const SITE_SERVICES_ISSUE_CODES = [
  'site_services_not_object',
  'site_services_too_many',
  'site_services_bad_id',
  'site_services_unknown_site',
  'site_services_entry_not_object',
  'site_services_bad_level',
  'site_services_bad_hours',
  'site_services_hours_but_absent',
  'site_services_unknown_field',
] as const;
/** A site-services issue code. */
export type SiteServicesIssueCode = (typeof SITE_SERVICES_ISSUE_CODES)[number];

/**
 * A problem in `siteServices`: a code and the values its sentence needs — `site` (the site id as
 * in the file), `field`, `value` (what was found, shortened), `expected`, `min`/`max`, `count`.
 */
export interface SiteServicesIssue {
  severity: 'error' | 'warning';
  code: SiteServicesIssueCode;
  params: Record<string, string | number>;
}

/** A value as a short text for a message (at most 40 characters). */
export function shown(v: unknown): string {
  let s: string;
  try {
    s = typeof v === 'string' ? `"${v}"` : v === undefined ? 'undefined' : (JSON.stringify(v) ?? String(v));
  } catch {
    s = String(v);
  }
  return s.length > 40 ? `${s.slice(0, 39)}…` : s;
}

type P = Readonly<Record<string, string | number>>;

/** The fields of one site's services in words. */
export const SERVICE_FIELD_TEXT: Record<Lang, Record<ServiceKey | 'openPreschoolHoursPerWeek' | 'socialServicesHoursPerWeek', string>> = {
  sv: {
    mhv: 'mödrahälsovård',
    bhv: 'barnhälsovård',
    openPreschool: 'öppen förskola',
    socialServices: 'förebyggande socialtjänst',
    openPreschoolHoursPerWeek: 'öppna förskolans öppettid (timmar per vecka)',
    socialServicesHoursPerWeek: 'socialtjänstens närvaro (timmar per vecka)',
  },
  en: {
    mhv: 'maternal health care',
    bhv: 'child health care',
    openPreschool: 'open preschool',
    socialServices: 'preventive social services',
    openPreschoolHoursPerWeek: "the open preschool's opening hours (hours per week)",
    socialServicesHoursPerWeek: "social services' presence (hours per week)",
  },
};

const field = (f: string | number | undefined, lang: Lang) => (SERVICE_FIELD_TEXT[lang] as Record<string, string>)[String(f)] ?? String(f ?? '');

/** One sentence template per issue code and language. */
export const SITE_SERVICES_ISSUE_TEXT: Record<Lang, Record<SiteServicesIssueCode, (p: P) => string>> = {
  sv: {
    site_services_not_object: (p) => `Verksamheter per plats (siteServices) ska vara ett objekt med plats-id som nycklar, men är ${p.value}; inga verksamhetsuppgifter lästes.`,
    site_services_too_many: (p) => `Verksamheter per plats: filen har uppgifter för ${formatNumber(Number(p.count), 0, 'sv')} platser; högst ${formatNumber(Number(p.max), 0, 'sv')} läses. De första ${formatNumber(Number(p.max), 0, 'sv')} lästes, resten hoppades över.`,
    site_services_bad_id: (p) => `Verksamheter per plats: plats-id ${p.site} kan inte användas (tomt eller längre än ${p.max} tecken); uppgifterna för den hoppades över.`,
    site_services_unknown_site: (p) => `Verksamheter per plats: platsen "${p.site}" finns inte bland familjecentralerna eller scenariots kandidater; uppgifterna behålls men används inte.`,
    site_services_entry_not_object: (p) => `Verksamheter för platsen "${p.site}" ska vara ett objekt med de fyra verksamheterna, men är ${p.value}; uppgifterna för platsen hoppades över.`,
    site_services_bad_level: (p) =>
      `Verksamheter för platsen "${p.site}": ${field(p.field, 'sv')} ska vara full (fullt samlokaliserad), part (del av veckan), absent (finns inte) eller unknown (uppgift saknas), men är ${p.value}; värdet räknas som uppgift saknas.`,
    site_services_bad_hours: (p) =>
      `Verksamheter för platsen "${p.site}": ${field(p.field, 'sv')} ska vara ett tal från ${p.min} till ${p.max} timmar (eller null = uppgift saknas), men är ${p.value}; värdet räknas som uppgift saknas.`,
    site_services_hours_but_absent: (p) =>
      `Verksamheter för platsen "${p.site}": ${field(p.service, 'sv')} är angiven som absent (finns inte), men ${field(p.field, 'sv')} är ${p.value}. Båda värdena behålls; kontrollera vilket som stämmer.`,
    site_services_unknown_field: (p) =>
      `Verksamheter för platsen "${p.site}": fältet "${p.field}" är okänt och hoppades över. Förväntade fält: mhv, bhv, openPreschool, socialServices, openPreschoolHoursPerWeek, socialServicesHoursPerWeek.`,
  },
  en: {
    site_services_not_object: (p) => `Services per site (siteServices) must be an object keyed by site id, but is ${p.value}; no service data was read.`,
    site_services_too_many: (p) => `Services per site: the file has data for ${formatNumber(Number(p.count), 0, 'en')} sites; at most ${formatNumber(Number(p.max), 0, 'en')} are read. The first ${formatNumber(Number(p.max), 0, 'en')} were read, the rest skipped.`,
    site_services_bad_id: (p) => `Services per site: site id ${p.site} cannot be used (empty or longer than ${p.max} characters); its data was skipped.`,
    site_services_unknown_site: (p) => `Services per site: the site "${p.site}" is neither a family centre nor a candidate of the scenario; its data is kept but not used.`,
    site_services_entry_not_object: (p) => `Services of the site "${p.site}" must be an object with the four services, but is ${p.value}; the site's data was skipped.`,
    site_services_bad_level: (p) =>
      `Services of the site "${p.site}": ${field(p.field, 'en')} must be full (fully co-located), part (part of the week), absent or unknown, but is ${p.value}; the value counts as unknown.`,
    site_services_bad_hours: (p) =>
      `Services of the site "${p.site}": ${field(p.field, 'en')} must be a number from ${p.min} to ${p.max} hours (or null = unknown), but is ${p.value}; the value counts as unknown.`,
    site_services_hours_but_absent: (p) =>
      `Services of the site "${p.site}": ${field(p.service, 'en')} is given as absent, but ${field(p.field, 'en')} is ${p.value}. Both values are kept; check which is right.`,
    site_services_unknown_field: (p) =>
      `Services of the site "${p.site}": the field "${p.field}" is unknown and was skipped. Expected fields: mhv, bhv, openPreschool, socialServices, openPreschoolHoursPerWeek, socialServicesHoursPerWeek.`,
  },
};

/** The sentence of a site-services issue. */
export function siteServicesIssueText(issue: SiteServicesIssue, lang: Lang = 'sv'): string {
  return SITE_SERVICES_ISSUE_TEXT[lang][issue.code](issue.params);
}
