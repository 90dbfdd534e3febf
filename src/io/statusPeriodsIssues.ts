import { formatNumber, type Lang } from '../i18n/format';

/**
 * Problems the status-period reader (statusPeriodsJson.ts) reports in a scenario file's
 * `statusPeriods` object, with one sentence template per code and language. Kept here until the
 * lead merges them into src/io/issues.ts and src/i18n/messages.ts.
 */
export const STATUS_PERIODS_ISSUE_CODES = [
  'status_periods_not_object',
  'status_periods_too_many_sites',
  'status_periods_bad_id',
  'status_periods_unknown_site',
  'status_periods_not_list',
  'status_periods_too_many',
  'status_period_not_object',
  'status_period_bad_status',
  'status_period_bad_date',
  'status_period_day_dropped',
  'status_period_reversed',
  'status_periods_overlap',
  'status_period_unknown_field',
] as const;
/** A status-period issue code. */
export type StatusPeriodsIssueCode = (typeof STATUS_PERIODS_ISSUE_CODES)[number];

/**
 * A problem in `statusPeriods`: a code and its values — `site` (id as in the file), `index`
 * (1-based period number), `field`, `value`, `expected`, `other` (an overlapping period's number),
 * `count`/`max`, `kept` (the date kept).
 */
export interface StatusPeriodsIssue {
  severity: 'error' | 'warning';
  code: StatusPeriodsIssueCode;
  params: Record<string, string | number>;
}

type P = Readonly<Record<string, string | number>>;

const FIELD: Record<Lang, Record<string, string>> = {
  sv: { from: 'från', to: 'till', status: 'status' },
  en: { from: 'from', to: 'to', status: 'status' },
};
const f = (p: P, lang: Lang) => FIELD[lang][String(p.field)] ?? String(p.field);

/** One sentence template per issue code and language. */
export const STATUS_PERIODS_ISSUE_TEXT: Record<Lang, Record<StatusPeriodsIssueCode, (p: P) => string>> = {
  sv: {
    status_periods_not_object: (p) => `Statusperioder (statusPeriods) ska vara ett objekt med plats-id som nycklar, men är ${p.value}; inga statusperioder lästes.`,
    status_periods_too_many_sites: (p) => `Statusperioder: filen har perioder för ${formatNumber(Number(p.count), 0, 'sv')} platser; högst ${formatNumber(Number(p.max), 0, 'sv')} läses. De första lästes, resten hoppades över.`,
    status_periods_bad_id: (p) => `Statusperioder: plats-id ${p.site} kan inte användas (tomt eller längre än ${p.max} tecken); perioderna för den hoppades över.`,
    status_periods_unknown_site: (p) => `Statusperioder: platsen "${p.site}" finns inte bland familjecentralerna eller scenariots kandidater; perioderna behålls men används inte.`,
    status_periods_not_list: (p) => `Statusperioder för platsen "${p.site}" ska vara en lista med perioder, men är ${p.value}; platsens perioder hoppades över.`,
    status_periods_too_many: (p) => `Statusperioder för platsen "${p.site}": ${formatNumber(Number(p.count), 0, 'sv')} perioder är fler än högst ${p.max}; de första ${p.max} lästes.`,
    status_period_not_object: (p) => `Statusperioder för platsen "${p.site}", period ${p.index}: ska vara ett objekt med status, from och to, men är ${p.value}; perioden hoppades över.`,
    status_period_bad_status: (p) =>
      `Statusperioder för platsen "${p.site}", period ${p.index}: status ska vara intent (avsiktsförklaring), planned (planerad), open (öppen) eller closed_or_paused (stängd eller vilande), men är ${p.value}; perioden hoppades över.`,
    status_period_bad_date: (p) =>
      `Statusperioder för platsen "${p.site}", period ${p.index}: "${f(p, 'sv')}" ska vara ett år (2019) eller år och månad (2019-10), eller null om uppgift saknas, men är ${p.value}; perioden hoppades över.`,
    status_period_day_dropped: (p) => `Statusperioder för platsen "${p.site}", period ${p.index}: "${f(p, 'sv')}" är ett datum (${p.value}); perioder anges per månad, så ${p.kept} används.`,
    status_period_reversed: (p) => `Statusperioder för platsen "${p.site}", period ${p.index}: "från" (${p.from}) ligger efter "till" (${p.to}); perioden hoppades över.`,
    status_periods_overlap: (p) =>
      `Statusperioder för platsen "${p.site}": period ${p.index} och period ${p.other} överlappar i tid. Båda behålls; där de överlappar gäller den som börjar senast.`,
    status_period_unknown_field: (p) => `Statusperioder för platsen "${p.site}", period ${p.index}: fältet "${p.field}" är okänt och hoppades över. Förväntade fält: status, from, to.`,
  },
  en: {
    status_periods_not_object: (p) => `Status periods (statusPeriods) must be an object keyed by site id, but is ${p.value}; no status periods were read.`,
    status_periods_too_many_sites: (p) => `Status periods: the file has periods for ${formatNumber(Number(p.count), 0, 'en')} sites; at most ${formatNumber(Number(p.max), 0, 'en')} are read. The first were read, the rest skipped.`,
    status_periods_bad_id: (p) => `Status periods: site id ${p.site} cannot be used (empty or longer than ${p.max} characters); its periods were skipped.`,
    status_periods_unknown_site: (p) => `Status periods: the site "${p.site}" is neither a family centre nor a candidate of the scenario; its periods are kept but not used.`,
    status_periods_not_list: (p) => `Status periods of the site "${p.site}" must be a list of periods, but is ${p.value}; the site's periods were skipped.`,
    status_periods_too_many: (p) => `Status periods of the site "${p.site}": ${formatNumber(Number(p.count), 0, 'en')} periods exceed the maximum of ${p.max}; the first ${p.max} were read.`,
    status_period_not_object: (p) => `Status periods of the site "${p.site}", period ${p.index}: must be an object with status, from and to, but is ${p.value}; the period was skipped.`,
    status_period_bad_status: (p) =>
      `Status periods of the site "${p.site}", period ${p.index}: status must be intent (letter of intent), planned, open or closed_or_paused, but is ${p.value}; the period was skipped.`,
    status_period_bad_date: (p) =>
      `Status periods of the site "${p.site}", period ${p.index}: "${f(p, 'en')}" must be a year (2019) or a year and month (2019-10), or null when unknown, but is ${p.value}; the period was skipped.`,
    status_period_day_dropped: (p) => `Status periods of the site "${p.site}", period ${p.index}: "${f(p, 'en')}" is a date (${p.value}); periods are kept by month, so ${p.kept} is used.`,
    status_period_reversed: (p) => `Status periods of the site "${p.site}", period ${p.index}: "from" (${p.from}) is after "to" (${p.to}); the period was skipped.`,
    status_periods_overlap: (p) => `Status periods of the site "${p.site}": period ${p.index} and period ${p.other} overlap. Both are kept; where they overlap, the later start applies.`,
    status_period_unknown_field: (p) => `Status periods of the site "${p.site}", period ${p.index}: the field "${p.field}" is unknown and was skipped. Expected fields: status, from, to.`,
  },
};

/** The sentence of a status-period issue. */
export function statusPeriodsIssueText(issue: StatusPeriodsIssue, lang: Lang = 'sv'): string {
  return STATUS_PERIODS_ISSUE_TEXT[lang][issue.code](issue.params);
}
