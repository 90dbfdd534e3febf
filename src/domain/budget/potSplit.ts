import type { PayoutBlock } from './issues';
import type { PotRule } from './params';

/** Payouts from the shared pot (kr per year), in the order of the claims. */
export interface PotSplit {
  /** Per claim, kr; all null when `blockedBy` is set. */
  payoutsKr: (number | null)[];
  /** Payout ÷ claim, the same for every claim (1 when `capped` and the claims fit); null when blocked or no claims. */
  factor: number | null;
  /** Σ payouts, kr; null when blocked. */
  totalPayoutKr: number | null;
  /** Pot − Σ payouts, kr (≥ 0); null when blocked. */
  unusedPotKr: number | null;
  /** Σ claims − Σ payouts, kr (≥ 0; > 0 only when the claims exceed the pot under `capped`, or the pot is 0); null when blocked. */
  unpaidClaimsKr: number | null;
  blockedBy: PayoutBlock | null;
}

/**
 * Splits the pot in proportion to the claims (kr per year). Payouts need every claim: one
 * unknown claim (null) makes the split unknown (`claims_unknown`); no pot gives `no_pot`.
 * - `capped`: factor = min(1, pot ÷ Σ claims);
 * - `shared`: factor = pot ÷ Σ claims (the whole pot is paid out).
 * With no claims (Σ = 0) every payout is 0 and the factor null.
 */
export function splitPot(claimsKr: readonly (number | null)[], potKr: number | null, rule: PotRule): PotSplit {
  const blocked = (blockedBy: PayoutBlock): PotSplit => ({
    payoutsKr: claimsKr.map(() => null),
    factor: null,
    totalPayoutKr: null,
    unusedPotKr: null,
    unpaidClaimsKr: null,
    blockedBy,
  });
  if (potKr === null) return blocked('no_pot');
  if (claimsKr.some((c) => c === null)) return blocked('claims_unknown');
  const claims = claimsKr as readonly number[];
  const total = claims.reduce((a, b) => a + b, 0);
  if (total <= 0) {
    return { payoutsKr: claims.map(() => 0), factor: null, totalPayoutKr: 0, unusedPotKr: potKr, unpaidClaimsKr: 0, blockedBy: null };
  }
  const factor = rule === 'capped' ? Math.min(1, potKr / total) : potKr / total;
  const payoutsKr = claims.map((c) => c * factor);
  const totalPayoutKr = rule === 'capped' && factor === 1 ? total : potKr;
  return {
    payoutsKr,
    factor,
    totalPayoutKr,
    unusedPotKr: Math.max(0, potKr - totalPayoutKr),
    unpaidClaimsKr: Math.max(0, total - totalPayoutKr),
    blockedBy: null,
  };
}
