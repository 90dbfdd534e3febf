/**
 * Codes the vårdval budget reports: why a claim is unknown, why payouts cannot be computed, and
 * what the parameter validator (src/io/vardvalParams.ts) found. They carry no text; the words
 * are in src/io/vardvalWords.ts until they join the central tables.
 */

/** Why a family centre or host vårdcentral has no claim. */
export const CLAIM_REASONS = [
  /** The centre has no host vårdcentral (none in the data, none set by the planner). */
  'no_host',
  /** The host vårdcentral has no listing (modelled or imported). */
  'listing_missing',
  /** The listing has no women 16–54, so the claim is not fully known (the children's part is). */
  'women_missing',
] as const;
export type ClaimReason = (typeof CLAIM_REASONS)[number];

/** Why payouts cannot be computed. */
export const PAYOUT_BLOCKS = [
  /** The parameters give no pot for the budget year. */
  'no_pot',
  /** At least one centre's claim is unknown, so the pot's split is unknown. */
  'claims_unknown',
] as const;
export type PayoutBlock = (typeof PAYOUT_BLOCKS)[number];

/** Problems in vårdval parameters (a scenario file's `vardval` object or the CLI's flags). */
export const VARDVAL_ISSUE_CODES = [
  'vardval_not_object',
  'vardval_missing_field',
  'vardval_not_number',
  'vardval_negative',
  'vardval_bad_year',
  'vardval_duplicate_year',
  'vardval_bad_rule',
  'vardval_no_pot_for_year',
  'vardval_bad_flow',
  'vardval_self_visit',
  'vardval_too_many_flows',
] as const;
export type VardvalIssueCode = (typeof VARDVAL_ISSUE_CODES)[number];

/** A problem in vårdval parameters: no text, a code and the values its sentence needs. */
export interface VardvalIssue {
  severity: 'error' | 'warning';
  code: VardvalIssueCode;
  /** field: dotted path (e.g. `potKrByYear.2026`); value: what was found; expected; index (1-based). */
  params: Record<string, string | number>;
}
