import { describe, expect, it } from 'vitest';
import { VARDVAL_ISSUE_CODES, type VardvalIssue } from '../../src/domain/budget/issues';
import { DEFAULT_VARDVAL_PARAMS } from '../../src/domain/budget/params';
import { validateVardvalParams } from '../../src/io/vardvalParams';
import { VARDVAL_ISSUE_TEXT, vardvalIssueText } from '../../src/io/vardvalWords';

const codes = (issues: readonly VardvalIssue[]) => issues.map((i) => `${i.severity}:${i.code}:${i.params.field ?? ''}`);

describe('validateVardvalParams', () => {
  it('no object (a file from before the budget) gives the 002 defaults, as a copy, without issues', () => {
    const r = validateVardvalParams(undefined);
    expect(r).toEqual({ value: DEFAULT_VARDVAL_PARAMS, issues: [] });
    r.value.potKrByYear[2026] = 1;
    expect(DEFAULT_VARDVAL_PARAMS.potKrByYear[2026]).toBe(2_300_000);
    expect(validateVardvalParams(null).issues).toEqual([]);
  });

  it('reads back its own JSON unchanged, with cross visits', () => {
    const p = { ...DEFAULT_VARDVAL_PARAMS, year: 2025, potRule: 'shared', crossVisits: [{ payerHealthCentreId: null, hostHealthCentreId: 'hc-a', visits: 12 }] };
    const r = validateVardvalParams(JSON.parse(JSON.stringify(p)));
    expect(r.issues).toEqual([]);
    expect(r.value).toEqual(p);
  });

  it('every amount is editable', () => {
    const r = validateVardvalParams({ ...DEFAULT_VARDVAL_PARAMS, krPerListedChild: 100, krPerListedWoman: 60, krPerCrossVisit: 650, potKrByYear: { 2027: 2_500_000 }, year: 2027, regionalPlan: { krPerYear: 4e6, years: [2027] } });
    expect(r.issues).toEqual([]);
    expect(r.value).toMatchObject({ krPerListedChild: 100, krPerListedWoman: 60, krPerCrossVisit: 650, potKrByYear: { 2027: 2_500_000 }, year: 2027, regionalPlan: { krPerYear: 4e6, years: [2027] } });
  });

  it('bad values get the default (or are dropped) with an error naming the field', () => {
    const r = validateVardvalParams({
      year: 2026.5,
      krPerListedChild: '90',
      krPerListedWoman: -5,
      potKrByYear: { 2026: 2e6, '20x': 5, 2027: -1 },
      potRule: 'even',
      krPerCrossVisit: Infinity,
      crossVisits: [{ hostHealthCentreId: 'hc-a', visits: -1 }, { hostHealthCentreId: '', visits: 1 }, { payerHealthCentreId: 'hc-a', hostHealthCentreId: 'hc-a', visits: 2 }, 'x'],
      regionalPlan: { krPerYear: 5e6, years: [2026, 2026, 1800] },
    });
    expect(codes(r.issues)).toEqual([
      'error:vardval_bad_year:year',
      'error:vardval_not_number:krPerListedChild',
      'error:vardval_negative:krPerListedWoman',
      'error:vardval_not_number:krPerCrossVisit',
      'error:vardval_negative:potKrByYear.2027', // year keys come first in an object
      'error:vardval_bad_year:potKrByYear.20x',
      'error:vardval_bad_rule:potRule',
      'error:vardval_duplicate_year:regionalPlan.years',
      'error:vardval_bad_year:regionalPlan.years[3]',
      'error:vardval_bad_flow:crossVisits[1].visits',
      'error:vardval_bad_flow:crossVisits[2].hostHealthCentreId',
      'warning:vardval_self_visit:crossVisits[3]',
      'error:vardval_bad_flow:crossVisits[4]',
    ]);
    expect(r.value).toEqual({
      year: 2026,
      krPerListedChild: 90,
      krPerListedWoman: 55,
      potKrByYear: { 2026: 2e6 },
      potRule: 'capped',
      krPerCrossVisit: 600,
      crossVisits: [{ payerHealthCentreId: 'hc-a', hostHealthCentreId: 'hc-a', visits: 2 }],
      regionalPlan: { krPerYear: 5e6, years: [2026] },
    });
  });

  it('missing fields get their default with a warning; a year without pot is named', () => {
    const r = validateVardvalParams({ year: 2029 });
    expect(codes(r.issues)).toEqual([
      'warning:vardval_missing_field:krPerListedChild',
      'warning:vardval_missing_field:krPerListedWoman',
      'warning:vardval_missing_field:krPerCrossVisit',
      'warning:vardval_missing_field:potKrByYear',
      'warning:vardval_missing_field:potRule',
      'warning:vardval_missing_field:regionalPlan',
      'warning:vardval_no_pot_for_year:year',
    ]);
    expect(r.value).toEqual({ ...DEFAULT_VARDVAL_PARAMS, year: 2029 });
    expect(codes(validateVardvalParams([1]).issues)).toEqual(['error:vardval_not_object:']);
    expect(codes(validateVardvalParams({ ...DEFAULT_VARDVAL_PARAMS, crossVisits: new Array(10_001).fill(null) }).issues)).toEqual(['error:vardval_too_many_flows:crossVisits']);
  });
});

describe('vårdval issue words', () => {
  it('says what, where and what was expected, in Swedish', () => {
    const r = validateVardvalParams({ ...DEFAULT_VARDVAL_PARAMS, krPerListedWoman: -5, potKrByYear: { 2026: 'två' } });
    expect(r.issues.map((i) => vardvalIssueText(i))).toEqual([
      'Vårdvalsparametrar: kr per listad kvinna 16–54 år får inte vara negativt, men är -5. Standardvärdet 55 används.',
      'Vårdvalsparametrar: potten år 2026 (kr) ska vara ett tal (kr), men är två.',
      'Vårdvalsparametrar: det finns ingen pott angiven för år 2026; utbetalningarna kan inte beräknas förrän en pott anges.',
    ]);
    expect(vardvalIssueText(r.issues[0], 'en')).toBe('Vårdval parameters: kr per listed woman aged 16–54 must not be negative, but is -5. The default 55 is used.');
  });

  it('every code has a sentence in both languages that fills in its params', () => {
    const params = { field: 'crossVisits[2].visits', value: 'x', expected: 'capped, shared', min: 2000, max: 2100, index: 2, default: 1 };
    for (const lang of ['sv', 'en'] as const) {
      for (const code of VARDVAL_ISSUE_CODES) {
        const text = VARDVAL_ISSUE_TEXT[lang][code](params);
        expect(text, `${lang} ${code}`).not.toMatch(/undefined|NaN|\$\{/);
        expect(text.length).toBeGreaterThan(20);
      }
    }
    expect(VARDVAL_ISSUE_TEXT.sv.vardval_bad_flow(params)).toContain('besöksflöde 2, antal besök per år');
  });
});
