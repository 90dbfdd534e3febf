import type { ClaimReason, PayoutBlock, VardvalIssue, VardvalIssueCode } from '../domain/budget/issues';
import type { HostSource } from '../domain/budget/hosts';
import type { PotRule } from '../domain/budget/params';
import { formatNumber, type Lang } from '../i18n/format';

/**
 * The words of the vårdval budget, Swedish (default) and English: the validator's issue
 * sentences, claim reasons, payout blocks, host sources, pot rules and the "modellerat" label.
 * Kept here until they are merged into src/i18n (sv.ts, en.ts, messages.ts).
 */

type P = Readonly<Record<string, string | number>>;

/** Field paths of VardvalParams in words ("potKrByYear.2026" → "potten år 2026"). */
function fieldText(field: string | number | undefined, lang: Lang): string {
  const f = String(field ?? '');
  const pot = /^potKrByYear\.(.+)$/.exec(f);
  if (pot) return lang === 'sv' ? `potten år ${pot[1]} (kr)` : `the pot for ${pot[1]} (kr)`;
  const flow = /^crossVisits\[(\d+)\]\.?(.*)$/.exec(f);
  if (flow) {
    const part = FIELD[lang][flow[2]] ?? flow[2];
    return lang === 'sv' ? `besöksflöde ${flow[1]}${part ? `, ${part}` : ''}` : `visit flow ${flow[1]}${part ? `, ${part}` : ''}`;
  }
  const year = /^regionalPlan\.years\[(\d+)\]$/.exec(f);
  if (year) return lang === 'sv' ? `regionplanens år nr ${year[1]}` : `regional plan year no. ${year[1]}`;
  return FIELD[lang][f] ?? f;
}

const FIELD: Record<Lang, Record<string, string>> = {
  sv: {
    year: 'budgetår',
    krPerListedChild: 'kr per listat barn 0–6 år',
    krPerListedWoman: 'kr per listad kvinna 16–54 år',
    potKrByYear: 'potten per år (kr)',
    potRule: 'fördelningsregel för potten',
    krPerCrossVisit: 'kr per besök på en annan vårdcentrals familjecentral',
    crossVisits: 'antagna besök på andra vårdcentralers familjecentraler',
    regionalPlan: 'regionplanens satsning',
    'regionalPlan.krPerYear': 'regionplanens satsning (kr per år)',
    'regionalPlan.years': 'regionplanens år',
    hostHealthCentreId: 'värdvårdcentral',
    payerHealthCentreId: 'betalande vårdcentral',
    visits: 'antal besök per år',
    '': '',
  },
  en: {
    year: 'budget year',
    krPerListedChild: 'kr per listed child aged 0–6',
    krPerListedWoman: 'kr per listed woman aged 16–54',
    potKrByYear: 'the pot per year (kr)',
    potRule: 'pot rule',
    krPerCrossVisit: "kr per visit at another health centre's family centre",
    crossVisits: "assumed visits at other health centres' family centres",
    regionalPlan: "the regional plan's funding",
    'regionalPlan.krPerYear': "the regional plan's funding (kr per year)",
    'regionalPlan.years': "the regional plan's years",
    hostHealthCentreId: 'host health centre',
    payerHealthCentreId: 'paying health centre',
    visits: 'visits per year',
    '': '',
  },
};

const dflt = (p: P, lang: Lang) =>
  p.default === undefined ? '' : lang === 'sv' ? ` Standardvärdet ${formatNumber(Number(p.default), 0, 'sv')} används.` : ` The default ${formatNumber(Number(p.default), 0, 'en')} is used.`;

/** One sentence template per issue code and language. */
export const VARDVAL_ISSUE_TEXT: Record<Lang, Record<VardvalIssueCode, (p: P) => string>> = {
  sv: {
    vardval_not_object: (p) =>
      p.field ? `Vårdvalsparametrar: ${fieldText(p.field, 'sv')} ska vara ett objekt, inte ${p.value}; standardvärdena används.` : `Vårdvalsparametrarna ska vara ett objekt, inte ${p.value}; standardvärdena används.`,
    vardval_missing_field: (p) => `Vårdvalsparametrar: ${fieldText(p.field, 'sv')} saknas; standardvärdet${p.value !== '' ? ` ${p.value}` : ''} (HSN 2026/4486) används.`,
    vardval_not_number: (p) => `Vårdvalsparametrar: ${fieldText(p.field, 'sv')} ska vara ett tal (kr), men är ${p.value}.${dflt(p, 'sv')}`,
    vardval_negative: (p) => `Vårdvalsparametrar: ${fieldText(p.field, 'sv')} får inte vara negativt, men är ${p.value}.${dflt(p, 'sv')}`,
    vardval_bad_year: (p) => `Vårdvalsparametrar: ${fieldText(p.field, 'sv')} ska vara ett årtal ${p.min}–${p.max}, men är ${p.value}.`,
    vardval_duplicate_year: (p) => `Vårdvalsparametrar: året ${p.value} står två gånger i ${fieldText(p.field, 'sv')}.`,
    vardval_bad_rule: (p) => `Vårdvalsparametrar: ${fieldText(p.field, 'sv')} ska vara en av ${p.expected}, men är ${p.value}; "capped" används.`,
    vardval_no_pot_for_year: (p) => `Vårdvalsparametrar: det finns ingen pott angiven för år ${p.value}; utbetalningarna kan inte beräknas förrän en pott anges.`,
    vardval_bad_flow: (p) => `Vårdvalsparametrar: ${fieldText(p.field, 'sv')} kan inte läsas (${p.value}); ett besöksflöde behöver värdvårdcentral, antal besök ≥ 0 och ev. betalande vårdcentral.`,
    vardval_self_visit: (p) => `Vårdvalsparametrar: ${fieldText(p.field, 'sv')} har samma betalande vårdcentral som värd (${p.value}); det är inget besök hos en annan vårdcentral och räknas inte.`,
    vardval_too_many_flows: (p) => `Vårdvalsparametrar: ${formatNumber(Number(p.value), 0, 'sv')} besöksflöden är fler än högst ${formatNumber(Number(p.max), 0, 'sv')}; inga används.`,
  },
  en: {
    vardval_not_object: (p) =>
      p.field ? `Vårdval parameters: ${fieldText(p.field, 'en')} must be an object, not ${p.value}; the defaults are used.` : `The vårdval parameters must be an object, not ${p.value}; the defaults are used.`,
    vardval_missing_field: (p) => `Vårdval parameters: ${fieldText(p.field, 'en')} is missing; the default${p.value !== '' ? ` ${p.value}` : ''} (HSN 2026/4486) is used.`,
    vardval_not_number: (p) => `Vårdval parameters: ${fieldText(p.field, 'en')} must be a number (kr), but is ${p.value}.${dflt(p, 'en')}`,
    vardval_negative: (p) => `Vårdval parameters: ${fieldText(p.field, 'en')} must not be negative, but is ${p.value}.${dflt(p, 'en')}`,
    vardval_bad_year: (p) => `Vårdval parameters: ${fieldText(p.field, 'en')} must be a year ${p.min}–${p.max}, but is ${p.value}.`,
    vardval_duplicate_year: (p) => `Vårdval parameters: the year ${p.value} appears twice in ${fieldText(p.field, 'en')}.`,
    vardval_bad_rule: (p) => `Vårdval parameters: ${fieldText(p.field, 'en')} must be one of ${p.expected}, but is ${p.value}; "capped" is used.`,
    vardval_no_pot_for_year: (p) => `Vårdval parameters: no pot is given for ${p.value}; payouts cannot be computed until one is.`,
    vardval_bad_flow: (p) => `Vårdval parameters: ${fieldText(p.field, 'en')} cannot be read (${p.value}); a visit flow needs a host health centre, visits ≥ 0 and optionally a paying health centre.`,
    vardval_self_visit: (p) => `Vårdval parameters: ${fieldText(p.field, 'en')} has the host itself as payer (${p.value}); that is no visit at another health centre and is not counted.`,
    vardval_too_many_flows: (p) => `Vårdval parameters: ${formatNumber(Number(p.value), 0, 'en')} visit flows exceed the maximum of ${formatNumber(Number(p.max), 0, 'en')}; none are used.`,
  },
};

/** The sentence of a vårdval issue. */
export function vardvalIssueText(issue: VardvalIssue, lang: Lang = 'sv'): string {
  return VARDVAL_ISSUE_TEXT[lang][issue.code](issue.params);
}

/** Why a centre or host has no claim. */
export const CLAIM_REASON_TEXT: Record<Lang, Record<ClaimReason, string>> = {
  sv: {
    no_host: 'ingen värdvårdcentral känd',
    listing_missing: 'värdvårdcentralen saknar listning',
    women_missing: 'listade kvinnor 16–54 år saknas (uppgift saknas)',
  },
  en: {
    no_host: 'no host health centre known',
    listing_missing: 'the host health centre has no listing',
    women_missing: 'listed women aged 16–54 missing (no data)',
  },
};

/** Why payouts cannot be computed. */
export const PAYOUT_BLOCK_TEXT: Record<Lang, Record<PayoutBlock, string>> = {
  sv: {
    no_pot: 'ingen pott angiven för året',
    claims_unknown: 'alla familjecentralers anspråk är inte kända, så pottens fördelning är okänd',
  },
  en: {
    no_pot: 'no pot given for the year',
    claims_unknown: "not every family centre's claim is known, so the split of the pot is unknown",
  },
};

/** Where a host comes from. */
export const HOST_SOURCE_TEXT: Record<Lang, Record<HostSource, string>> = {
  sv: { data: 'enligt data', planner: 'vald av planeraren', at_health_centre: 'antagen: ligger vid vårdcentralen (högst 150 m)', nearest: 'antagen: närmaste vårdcentral' },
  en: { data: 'from the data', planner: 'chosen by the planner', at_health_centre: 'assumed: at the health centre (within 150 m)', nearest: 'assumed: nearest health centre' },
};

/** The pot rules. */
export const POT_RULE_TEXT: Record<Lang, Record<PotRule, string>> = {
  sv: {
    capped: 'fullt anspråk så länge potten räcker, annars skalas alla ned i proportion',
    shared: 'hela potten fördelas alltid i proportion till anspråken',
  },
  en: {
    capped: 'full claim while the pot suffices, otherwise all are scaled down in proportion',
    shared: 'the whole pot is always split in proportion to the claims',
  },
};

/** The label every figure carries while listing is modelled or hosts assumed. */
export const MODELLED_LABEL: Record<Lang, string> = { sv: 'modellerat', en: 'modelled' };
/** The label of cross-visit figures (always the planner's assumption). */
export const ASSUMED_LABEL: Record<Lang, string> = { sv: 'antagande', en: 'assumption' };
