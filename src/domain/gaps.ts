import type { CoverageStats } from './coverage';
import type { FamilyCentre, FamilyCentreStatus } from './types';

export type GapFlag = 'no_existing' | 'only_planned_or_intent' | 'low_coverage';

export interface KommunGap {
  kommun_code: string;
  kommun_name: string;
  flags: GapFlag[];
  /** Reasons in Swedish, one per flag, in the same order. */
  reasons: string[];
  centres: Record<FamilyCentreStatus, number>;
  coverage_share: number | null;
}

const pct = (x: number) => `${(x * 100).toFixed(1).replace('.', ',')} %`;

/**
 * Flags kommuner that still lack family-centre coverage, each flag with its reason in words:
 * - `no_existing`: no existing family centre (a family unit, if any, is named in the reason);
 * - `only_planned_or_intent`: no existing centre, but one planned or with a letter of intent;
 * - `low_coverage`: the scenario covers less than `lowCoverageShare` of the kommun's children.
 *
 * @param coverageByKommun coverage of the scenario per kommun code
 * @param lowCoverageShare 0–1, default 0.5
 */
export function kommunGaps(
  kommuner: readonly { kommun_code: string; kommun_name: string }[],
  familyCentres: readonly FamilyCentre[],
  coverageByKommun: ReadonlyMap<string, CoverageStats>,
  lowCoverageShare = 0.5,
): KommunGap[] {
  return kommuner.map((k) => {
    const here = familyCentres.filter((f) => f.kommun_code === k.kommun_code);
    const centres: Record<FamilyCentreStatus, number> = { existing: 0, planned: 0, intent: 0, family_unit: 0 };
    for (const f of here) centres[f.status]++;
    const flags: GapFlag[] = [];
    const reasons: string[] = [];
    if (centres.existing === 0) {
      flags.push('no_existing');
      reasons.push(
        'Ingen befintlig familjecentral' + (centres.family_unit ? ` (har ${centres.family_unit === 1 ? 'en familjeenhet' : `${centres.family_unit} familjeenheter`})` : ''),
      );
      if (centres.planned + centres.intent > 0) {
        flags.push('only_planned_or_intent');
        const parts = [
          centres.planned ? `${centres.planned} planerad${centres.planned > 1 ? 'e' : ''}` : '',
          centres.intent ? `${centres.intent} med avsiktsförklaring` : '',
        ].filter(Boolean);
        reasons.push(`Endast ${parts.join(' och ')}`);
      }
    }
    const cov = coverageByKommun.get(k.kommun_code);
    if (cov && cov.children_0_6 > 0 && cov.coverage_share < lowCoverageShare) {
      flags.push('low_coverage');
      reasons.push(`Täckning ${pct(cov.coverage_share)} av barnen 0–6 år, under ${pct(lowCoverageShare)}`);
    }
    return {
      kommun_code: k.kommun_code,
      kommun_name: k.kommun_name,
      flags,
      reasons,
      centres,
      coverage_share: cov && cov.children_0_6 > 0 ? cov.coverage_share : null,
    };
  });
}
