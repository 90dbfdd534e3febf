import type { BudgetChange, HostChange } from '../domain/budget/change';
import type { VardvalBudget } from '../domain/budget/claims';
import type { CrossVisitCompensation } from '../domain/budget/crossVisits';
import type { VardvalParams } from '../domain/budget/params';
import { COUNTY_LISTED_CHILDREN_2025 } from '../domain/need/listedChildren';
import { formatNumber, type Lang } from '../i18n/format';
import { writeCsv, type CsvColumn, type CsvDialect } from './csvWrite';
import { ASSUMED_LABEL, CLAIM_REASON_TEXT, MODELLED_LABEL, PAYOUT_BLOCK_TEXT, POT_RULE_TEXT } from './vardvalWords';

/** One row of the vårdval CSV: a host vårdcentral (or the total, `healthCentreId` = ''). */
export interface VardvalCsvRow extends Omit<HostChange, 'healthCentreId'> {
  healthCentreId: string;
  name: string;
  /** Why the proposal's claim is unknown, in words; '' when known. */
  reason: string;
  /** "modellerat", "importerad listning", or '' when the host has no listing. */
  basis: string;
}

/** Columns of the vårdval budget CSV (kr per year; shares in per cent). */
export function vardvalColumns(lang: Lang = 'sv'): CsvColumn<VardvalCsvRow>[] {
  const yes = lang === 'sv' ? 'ja' : 'yes';
  const no = lang === 'sv' ? 'nej' : 'no';
  return [
    { key: 'health_centre_id', get: (r) => r.healthCentreId },
    { key: 'health_centre', get: (r) => r.name },
    { key: 'new_host', get: (r) => (r.healthCentreId ? (r.newHost ? yes : no) : null) },
    { key: 'claim_today_kr', decimals: 0, get: (r) => r.claimBeforeKr },
    { key: 'claim_proposal_kr', decimals: 0, get: (r) => r.claimAfterKr },
    { key: 'claim_change_kr', decimals: 0, get: (r) => r.claimChangeKr },
    { key: 'payout_today_kr', decimals: 0, get: (r) => r.payoutBeforeKr },
    { key: 'payout_proposal_kr', decimals: 0, get: (r) => r.payoutAfterKr },
    { key: 'payout_change_kr', decimals: 0, get: (r) => r.payoutChangeKr },
    { key: 'pot_share_proposal_pct', decimals: 1, get: (r) => (r.potShareAfter === null ? null : r.potShareAfter * 100) },
    { key: 'figure_basis', get: (r) => r.basis },
    { key: 'unknown_because', get: (r) => r.reason },
  ];
}

/** Rows: one per host (today's order, then the proposal's new hosts), then the total. */
export function vardvalRows(change: BudgetChange, today: VardvalBudget, proposal: VardvalBudget, names: ReadonlyMap<string, string>, lang: Lang = 'sv'): VardvalCsvRow[] {
  const after = new Map(proposal.hosts.map((h) => [h.healthCentreId, h]));
  const before = new Map(today.hosts.map((h) => [h.healthCentreId, h]));
  const imported = lang === 'sv' ? 'importerad listning' : 'imported listing';
  const rows: VardvalCsvRow[] = change.hosts.map((h) => {
    const host = after.get(h.healthCentreId) ?? before.get(h.healthCentreId);
    const reason = host?.reason ?? null;
    const basis = h.modelled ? MODELLED_LABEL[lang] : host?.listingSource === 'imported' ? imported : '';
    return { ...h, name: names.get(h.healthCentreId) ?? h.healthCentreId, reason: reason ? CLAIM_REASON_TEXT[lang][reason] : '', basis };
  });
  const diff = (a: number | null, b: number | null) => (a === null || b === null ? null : b - a);
  rows.push({
    healthCentreId: '',
    name: lang === 'sv' ? 'Totalt' : 'Total',
    newHost: false,
    droppedHost: false,
    claimBeforeKr: change.totalClaimsBeforeKr,
    claimAfterKr: change.totalClaimsAfterKr,
    claimChangeKr: change.claimsChangeKr,
    payoutBeforeKr: change.totalPayoutBeforeKr,
    payoutAfterKr: change.totalPayoutAfterKr,
    payoutChangeKr: diff(change.totalPayoutBeforeKr, change.totalPayoutAfterKr),
    potShareAfter: change.totalPayoutAfterKr !== null && change.potKr ? change.totalPayoutAfterKr / change.potKr : null,
    modelled: change.modelled,
    reason: proposal.payoutBlockedBy ? PAYOUT_BLOCK_TEXT[lang][proposal.payoutBlockedBy] : '',
    basis: change.modelled ? MODELLED_LABEL[lang] : rows.some((r) => r.basis === imported) ? imported : '',
  });
  return rows;
}

/**
 * The stated lines of the vårdval CSV: the parameters with their source, the pot, the rule, the
 * centres without known claim, the regional-plan comparison, and the modelled label.
 */
export function vardvalLines(change: BudgetChange, today: VardvalBudget, proposal: VardvalBudget, params: VardvalParams, cross: CrossVisitCompensation | null, lang: Lang = 'sv'): string[] {
  const kr = (x: number | null) => (x === null ? (lang === 'sv' ? 'uppgift saknas' : 'not known') : `${formatNumber(x, 0, lang)} kr`);
  const pct = (x: number | null) => (x === null ? (lang === 'sv' ? 'uppgift saknas' : 'not known') : `${formatNumber(x * 100, 1, lang)} %`);
  const unhosted = proposal.centres.filter((c) => c.hostHealthCentreId === null).map((c) => c.name);
  const sv = lang === 'sv';
  const lines = [
    sv
      ? `Vårdvalets tilläggsuppdrag familjecentral år ${params.year}: ${formatNumber(params.krPerListedChild, 0, lang)} kr per listat barn 0–6 år och ${formatNumber(params.krPerListedWoman, 0, lang)} kr per listad kvinna 16–54 år (standardvärden enligt HSN 2026/4486, avsnitt 3.2)`
      : `Vårdval family-centre add-on ${params.year}: ${formatNumber(params.krPerListedChild, 0, lang)} kr per listed child 0–6 and ${formatNumber(params.krPerListedWoman, 0, lang)} kr per listed woman 16–54 (defaults per HSN 2026/4486, section 3.2)`,
    sv ? `Gemensam pott: ${kr(change.potKr)}; fördelning: ${POT_RULE_TEXT.sv[params.potRule]}` : `Shared pot: ${kr(change.potKr)}; split: ${POT_RULE_TEXT.en[params.potRule]}`,
    sv
      ? `En vårdcentral med flera familjecentraler gör ett anspråk (per listad person). I dag: ${today.hosts.length} värdvårdcentraler, förslaget: ${proposal.hosts.length}`
      : `A health centre hosting several family centres claims once (per listed person). Today: ${today.hosts.length} host health centres, proposal: ${proposal.hosts.length}`,
  ];
  if (unhosted.length) {
    lines.push(sv ? `Familjecentraler utan känd värdvårdcentral (anspråk okänt): ${unhosted.join(', ')}` : `Family centres without a known host health centre (claim unknown): ${unhosted.join(', ')}`);
  }
  lines.push(
    sv
      ? `Nya värdvårdcentraler i förslaget lägger till ${kr(change.newHostsClaimKr)}; anspråk över potten i förslaget: ${kr(change.claimsOverPotAfterKr)}`
      : `New host health centres in the proposal add ${kr(change.newHostsClaimKr)}; claims above the pot in the proposal: ${kr(change.claimsOverPotAfterKr)}`,
    change.regionalPlan.planKr === null
      ? sv
        ? `Regionplanens satsning på familjecentraler gäller inte år ${params.year}`
        : `The regional plan's family-centre funding does not cover ${params.year}`
      : sv
        ? `Regionplanens satsning ${kr(change.regionalPlan.planKr)} år ${params.year} (HSN 2026/4486, avsnitt 3.1; inte angiven som medel till potten): ändrade anspråk motsvarar ${pct(change.regionalPlan.claimsChangeShareOfPlan)} av den`
        : `The regional plan's funding ${kr(change.regionalPlan.planKr)} in ${params.year} (HSN 2026/4486, section 3.1; not stated to fund the pot): the change in claims is ${pct(change.regionalPlan.claimsChangeShareOfPlan)} of it`,
  );
  if (cross) {
    lines.push(
      sv
        ? `Besök på andra vårdcentralers familjecentraler (${ASSUMED_LABEL.sv}): ${formatNumber(cross.totalVisits, 0, lang)} besök × ${formatNumber(params.krPerCrossVisit, 0, lang)} kr = ${kr(cross.totalKr)}`
        : `Visits at other health centres' family centres (${ASSUMED_LABEL.en}): ${formatNumber(cross.totalVisits, 0, lang)} visits × ${formatNumber(params.krPerCrossVisit, 0, lang)} kr = ${kr(cross.totalKr)}`,
    );
  }
  if (today.listingModelled || proposal.listingModelled) {
    const county = formatNumber(COUNTY_LISTED_CHILDREN_2025, 0, lang);
    lines.push(
      sv
        ? `Belopp markerade ${MODELLED_LABEL.sv} bygger på modellerad listning (barnen till närmaste vårdcentral, skalat till länets ${county} listade barn 0–6 år 2025) tills verklig listning importeras`
        : `Amounts marked ${MODELLED_LABEL.en} rest on modelled listing (children to the nearest health centre, scaled to the county's ${county} listed children 0–6 in 2025) until real listing is imported`,
    );
  }
  if (today.hostsAssumed || proposal.hostsAssumed) {
    lines.push(sv ? `Belopp markerade ${MODELLED_LABEL.sv} har också antagen värdvårdcentral` : `Amounts marked ${MODELLED_LABEL.en} also have an assumed host health centre`);
  }
  return lines;
}

/** The vårdval budget as CSV (kr per year), with its stated lines as `#` comments after the data. */
export function vardvalCsv(
  change: BudgetChange,
  today: VardvalBudget,
  proposal: VardvalBudget,
  params: VardvalParams,
  cross: CrossVisitCompensation | null,
  names: ReadonlyMap<string, string>,
  dialect: CsvDialect,
  lang: Lang = 'sv',
  headLines: readonly string[] = [],
): string {
  return writeCsv(vardvalRows(change, today, proposal, names, lang), vardvalColumns(lang), dialect, [...headLines, ...vardvalLines(change, today, proposal, params, cross, lang)]);
}
