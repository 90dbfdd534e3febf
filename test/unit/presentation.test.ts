import { describe, expect, it } from 'vitest';
import { keyFigureLines, sitesCountedLine, SIZES } from '../../src/components/presentation/exportPresentation';
import type { KeyFigures } from '../../src/domain/keyFigures';
import { STRINGS } from '../../src/i18n';

const none = { planned: false, intent: false, family_unit: false };
const key = (share: number, without: number, ot12: number | null, candidates = 0, year = 2025, children = 18890.3): KeyFigures => ({
  siteSet: { key: candidates ? 'proposal' : 'today', include: none, candidates },
  children_0_6: children, coverage_share: share, thresholdMinutes: 20, kommuner_without_centre: without, kommuner_without_names: [], coverage_share_ot12: ot12, sites: 9 + candidates, year,
});

describe('presentation figures', () => {
  it('print sizes are A4 and A3 landscape at 300 dpi, slides 1920 × 1080', () => {
    // 297 mm / 25.4 × 300 = 3507.9 → 3508; 210 mm → 2480; 420 mm → 4961
    expect(SIZES).toEqual({ slide: { width: 1920, height: 1080 }, a4: { width: 3508, height: 2480 }, a3: { width: 4961, height: 3508 } });
  });
  it('key figures read in Swedish, with "today → proposal" when compared', () => {
    const s = STRINGS.sv;
    expect(keyFigureLines(key(0.763, 7, 0.907), s, 'sv')).toEqual([
      { label: 'Barn 0–6 år (uppskattat)', value: '18\u00a0890' },
      { label: 'Andel barn inom 20 min', value: '76,3\u00a0%' },
      { label: 'Kommuner utan familjecentral', value: '7' },
      { label: 'Täckning för barn i områdestyp 1–2', value: '90,7\u00a0%' },
    ]);
    const both = keyFigureLines(key(0.821, 5, null, 2), s, 'sv', key(0.763, 7, 0.907));
    expect(both[1].value).toBe('76,3\u00a0% → 82,1\u00a0%');
    // 82,1 − 76,3 = 5,8: a change in percentage points, not per cent
    expect(both[2]).toEqual({ label: 'Förändring', value: '+5,8 procentenheter' });
    expect(both[3].value).toBe('7 → 5');
    expect(both[4].value).toBe('90,7\u00a0% → –');
    expect(sitesCountedLine(key(0.821, 5, null, 2), 'sv', key(0.763, 7, 0.907))).toBe('I dag: befintliga familjecentraler → Förslaget: i dag + 2 kandidatplatser');
    expect(keyFigureLines(key(0.7, 7, null), s, 'sv', key(0.763, 7, null))[2].value).toBe('−6,3 procentenheter');
  });
  it('the same sites in 2025 and 2035: children and shares as "2025 → 2035", sites named once', () => {
    const s = STRINGS.sv;
    const lines = keyFigureLines(key(0.727, 7, 0.9, 0, 2035, 18376.7), s, 'sv', key(0.728, 7, 0.9));
    expect(lines[0]).toEqual({ label: 'Barn 0–6 år 2025 → 2035 (2025 skattning, senare år prognos)', value: '18\u00a0890 → 18\u00a0377' });
    expect(lines[2]).toEqual({ label: 'Förändring', value: '−0,1 procentenheter' });
    expect(sitesCountedLine(key(0.727, 7, 0.9, 0, 2035), 'sv', key(0.728, 7, 0.9))).toBe('I dag: befintliga familjecentraler');
  });
});
