import { describe, expect, it } from 'vitest';
import { MAX_PERIODS_PER_SITE, readStatusPeriods, writeStatusPeriods } from '../../src/io/statusPeriodsJson';
import { STATUS_PERIODS_ISSUE_CODES, STATUS_PERIODS_ISSUE_TEXT, statusPeriodsIssueText } from '../../src/io/statusPeriodsIssues';

describe('readStatusPeriods: good input', () => {
  it('reads periods in file order; missing bounds are null; a number year is read as text', () => {
    const r = readStatusPeriods(
      {
        'fc-smedjebacken': [
          { status: 'intent', from: '2019-12', to: '2025-10' },
          { status: 'planned', from: '2025-11' },
        ],
        'h2019-hedemora': [{ status: 'open', from: null, to: 2019 }],
      },
      { knownSiteIds: new Set(['fc-smedjebacken', 'h2019-hedemora']) },
    );
    expect(r.issues).toEqual([]);
    expect(r.value).toEqual({
      'fc-smedjebacken': [
        { status: 'intent', from: '2019-12', to: '2025-10' },
        { status: 'planned', from: '2025-11', to: null },
      ],
      'h2019-hedemora': [{ status: 'open', from: null, to: '2019' }],
    });
  });

  it('undefined or null gives {} and no issue', () => {
    expect(readStatusPeriods(undefined)).toEqual({ value: {}, issues: [] });
    expect(readStatusPeriods(null)).toEqual({ value: {}, issues: [] });
  });

  it('writing sorts ids and periods by start and drops empty lists; reading it back gives the same', () => {
    const written = writeStatusPeriods({
      b: [
        { status: 'open', from: '2023-05', to: null },
        { status: 'intent', from: null, to: '2021' },
      ],
      a: [],
    });
    expect(written).toEqual({ b: [{ status: 'intent', from: null, to: '2021' }, { status: 'open', from: '2023-05', to: null }] });
    expect(readStatusPeriods(JSON.parse(JSON.stringify(written)))).toEqual({ value: written, issues: [] });
  });
});

describe('readStatusPeriods: bad input keeps every valid period', () => {
  it('a bad status or date skips that period only', () => {
    const r = readStatusPeriods({
      x: [
        { status: 'öppen', from: '2019' },
        { status: 'open', from: '2019-13' },
        { status: 'open', from: '2020', to: '2021' },
      ],
    });
    expect(r.value).toEqual({ x: [{ status: 'open', from: '2020', to: '2021' }] });
    expect(r.issues.map((i) => [i.code, i.params.index])).toEqual([
      ['status_period_bad_status', 1],
      ['status_period_bad_date', 2],
    ]);
    expect(statusPeriodsIssueText(r.issues[0])).toBe(
      'Statusperioder för platsen "x", period 1: status ska vara intent (avsiktsförklaring), planned (planerad), open (öppen) eller closed_or_paused (stängd eller vilande), men är "öppen"; perioden hoppades över.',
    );
    expect(statusPeriodsIssueText(r.issues[1])).toBe(
      'Statusperioder för platsen "x", period 2: "från" ska vara ett år (2019) eller år och månad (2019-10), eller null om uppgift saknas, men är "2019-13"; perioden hoppades över.',
    );
  });

  it('from after to is skipped; a year and one of its months are not reversed', () => {
    const r = readStatusPeriods({ x: [{ status: 'open', from: '2020', to: '2019-05' }, { status: 'open', from: '2019-05', to: '2019' }] });
    expect(r.value.x).toEqual([{ status: 'open', from: '2019-05', to: '2019' }]);
    expect(r.issues).toEqual([{ severity: 'error', code: 'status_period_reversed', params: { site: 'x', index: 1, from: '2020', to: '2019-05' } }]);
  });

  it('a full date is kept as its month, with a warning', () => {
    const r = readStatusPeriods({ 'fc-orsa-familjens-hus': [{ status: 'open', from: '2023-10-23' }] });
    expect(r.value['fc-orsa-familjens-hus']).toEqual([{ status: 'open', from: '2023-10', to: null }]);
    expect(r.issues).toEqual([
      { severity: 'warning', code: 'status_period_day_dropped', params: { site: 'fc-orsa-familjens-hus', index: 1, field: 'from', value: '2023-10-23', kept: '2023-10' } },
    ]);
    expect(statusPeriodsIssueText(r.issues[0])).toBe('Statusperioder för platsen "fc-orsa-familjens-hus", period 1: "från" är ett datum (2023-10-23); perioder anges per månad, så 2023-10 används.');
  });

  it('overlapping periods are kept with a warning naming both (file numbers)', () => {
    const r = readStatusPeriods({ x: [{ status: 'intent', from: '2019', to: '2022' }, 'nej', { status: 'planned', from: '2022-06' }] });
    expect(r.value.x).toHaveLength(2);
    expect(r.issues.map((i) => [i.code, i.params.index, i.params.other ?? null])).toEqual([
      ['status_period_not_object', 2, null],
      ['status_periods_overlap', 1, 3],
    ]);
  });

  it('not an object, not a list, unknown site and field, too many periods', () => {
    expect(readStatusPeriods('x').issues[0].code).toBe('status_periods_not_object');
    const r = readStatusPeriods({ a: { status: 'open' }, b: [{ status: 'open', when: '2020' }] }, { knownSiteIds: new Set(['a']) });
    expect(r.value).toEqual({ b: [{ status: 'open', from: null, to: null }] });
    expect(r.issues.map((i) => i.code)).toEqual(['status_periods_not_list', 'status_periods_unknown_site', 'status_period_unknown_field']);
    const many = readStatusPeriods({ m: Array.from({ length: MAX_PERIODS_PER_SITE + 1 }, (_, i) => ({ status: 'open', from: String(1950 + i), to: String(1950 + i) })) });
    expect(many.value.m).toHaveLength(MAX_PERIODS_PER_SITE);
    expect(many.issues.map((i) => i.code)).toEqual(['status_periods_too_many']);
  });

  it('every issue code has a Swedish and an English sentence', () => {
    for (const lang of ['sv', 'en'] as const) for (const c of STATUS_PERIODS_ISSUE_CODES) expect(typeof STATUS_PERIODS_ISSUE_TEXT[lang][c]).toBe('function');
  });
});
