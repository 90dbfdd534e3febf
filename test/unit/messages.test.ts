import { describe, expect, it } from 'vitest';
import { runCli, type CliIO } from '../../src/cli/main';
import { SOLVE_MESSAGE_CODES } from '../../src/domain/optimise/problem';
import { ISSUE_TEXT, issueText, SOLVE_TEXT, solveMessageText } from '../../src/i18n/messages';
import { parseCandidatesCsv } from '../../src/io/candidates';
import { ISSUE_CODES, type InputIssue, type IssueParams } from '../../src/io/issues';
import { matrixCoverageIssues, parseMatrixCsv } from '../../src/io/matrix';
import { parseScenario } from '../../src/io/scenarioFile';

/** A value for every param name any template reads, so a misspelt name shows as "undefined". */
const EVERY_PARAM: IssueParams = {
  row: 7, column: 'lat', value: 'x', expected: 'minutes', fields: 5, headerFields: 4, missing: 'id;name', found: 'a, b',
  yColumn: 'lat', xColumn: 'lon', latColumn: 'lat', lonColumn: 'lon', nColumn: 'N', eColumn: 'E', id: 'k1', firstRow: 2,
  crs: 'wgs84', y: '15,6', x: '60,6', hint: 'metres', name: 'Tisken', ids: 'hc-a, hc-b', example: 'k1 → k1-2', cells: 3600000000, sample: 'Ã¥', mb: 160.2, maxMb: 150, centre: 'Vårdcentral Tisken', year: 2025,
  origin: 'a', destination: 'x', more: 3, shown: 50, code: 'not_numeric', error: 'Unexpected token', field: 'minutes', index: 1,
  first: 0, origins: 2, rows: 1, values: 1, destinations: 2, i: 0, j: 1, needed: 8, examples: 'c1, c2', format: 'f', from: 1,
  to: 2, version: '9', oldest: 1, current: 2, path: 'params.thresholdMinutes', demand: 4, sites: 3, model: 'mclp',
  p: 4, free: 3, count: 2, radius: 10, target: 0.95, max: 0.7, unreached: 1,
};

describe('message templates', () => {
  it('cover exactly the issue codes, in Swedish and in English', () => {
    expect(Object.keys(ISSUE_TEXT.sv).sort()).toEqual([...ISSUE_CODES].sort());
    expect(Object.keys(ISSUE_TEXT.en).sort()).toEqual([...ISSUE_CODES].sort());
  });

  it.each(ISSUE_CODES)('%s has a non-empty Swedish and English sentence that differ', (code) => {
    expect(typeof ISSUE_TEXT.sv[code]).toBe('function');
    expect(typeof ISSUE_TEXT.en[code]).toBe('function');
    const issue: InputIssue = { severity: 'error', code, params: EVERY_PARAM };
    const sv = issueText(issue, 'sv');
    const en = issueText(issue, 'en');
    expect(sv.trim().length).toBeGreaterThan(10);
    expect(en.trim().length).toBeGreaterThan(10);
    expect(sv).not.toBe(en);
    expect(sv).not.toMatch(/undefined|NaN|\[object/);
    expect(en).not.toMatch(/undefined|NaN|\[object/);
    // Swedish is the default language.
    expect(issueText(issue)).toBe(sv);
  });

  it('cover exactly the solver message codes, in Swedish and in English, with different sentences', () => {
    expect(Object.keys(SOLVE_TEXT.sv).sort()).toEqual([...SOLVE_MESSAGE_CODES].sort());
    expect(Object.keys(SOLVE_TEXT.en).sort()).toEqual([...SOLVE_MESSAGE_CODES].sort());
    for (const code of SOLVE_MESSAGE_CODES) {
      const sv = solveMessageText(code, EVERY_PARAM, 'sv');
      const en = solveMessageText(code, EVERY_PARAM, 'en');
      expect(sv.trim().length, code).toBeGreaterThan(10);
      expect(en.trim().length, code).toBeGreaterThan(10);
      expect(sv, code).not.toBe(en);
      expect(`${sv} ${en}`, code).not.toMatch(/undefined|NaN|\[object/);
      expect(solveMessageText(code, EVERY_PARAM), code).toBe(sv);
    }
  });
});

describe('rendered messages', () => {
  it('a row and column error of a candidate file', () => {
    const r = parseCandidatesCsv('id;name;lat;lon\nk1;Text;sextio;15,6\n');
    const issue = r.issues.find((i) => i.severity === 'error')!;
    expect(issue).toMatchObject({ row: 2, column: 'lat', code: 'not_numeric', params: { row: 2, column: 'lat', value: 'sextio', expected: 'wgs84' } });
    expect(issue).not.toHaveProperty('message');
    expect(issueText(issue)).toBe('Rad 2, kolumn lat: "sextio" är inget tal. Förväntat: lat 55–69,1 och lon 10,9–24,2 (WGS84, grader).');
    expect(issueText(issue, 'en')).toBe('Row 2, column lat: "sextio" is not a number. Expected: lat 55–69.1 and lon 10.9–24.2 (WGS84, degrees).');
  });

  it('a coordinate outside Sweden, with the SWEREF ranges in each language', () => {
    const r = parseCandidatesCsv('id,name,N,E\nk3,Grader,60.6,15.6\n');
    const issue = r.issues.find((i) => i.code === 'out_of_range')!;
    expect(issueText(issue)).toBe(
      'Rad 2: N 60.6 och E 15.6 kan inte ligga i Sverige (värdena ser ut som grader; döp i så fall kolumnerna till lat och lon). Förväntat: N 6 100 000–7 700 000 och E 250 000–930 000 (SWEREF 99 TM, meter).',
    );
    expect(issueText(issue, 'en')).toBe(
      'Row 2: N 60.6 and E 15.6 cannot be in Sweden (the values look like degrees; if so, rename the columns lat and lon). Expected: N 6,100,000–7,700,000 and E 250,000–930,000 (SWEREF 99 TM, metres).',
    );
  });

  it('matrix errors: a bad cell and pairs the scenario needs', () => {
    const m = parseMatrixCsv('origin_id;destination_id;minutes\na;x;10\nb;y;-3\n');
    expect(issueText(m.issues[0])).toBe('Rad 3, kolumn minutes: "-3" är negativt. Förväntat: restid i minuter ≥ 0.');
    expect(issueText(m.issues[0], 'en')).toBe('Row 3, column minutes: "-3" is negative. Expected: travel time in minutes ≥ 0.');

    const cov = matrixCoverageIssues(m.value!, ['a', 'b', 'c1', 'c2', 'c3', 'c4', 'c5', 'c6'], ['x']);
    expect(cov.map((i) => i.code)).toEqual(['missing_origins', 'missing_pairs']);
    expect(issueText(cov[0])).toBe('6 av 8 startpunkter saknas i matrisen: c1, c2, c3, c4, c5 med flera.');
    expect(issueText(cov[0], 'en')).toBe('6 of 8 origins are missing from the matrix: c1, c2, c3, c4, c5 and more.');
    expect(issueText(cov[1])).toBe(
      '1 av 2 par som scenariot behöver (där start och mål finns i matrisen) saknar restid: b → x. Saknade par fylls inte i; komplettera matrisen.',
    );
    expect(issueText(cov[1], 'en')).toContain('1 of 2 pairs the scenario needs');
  });

  it('scenario-file errors', () => {
    const version = parseScenario('{"format":"familjecentralsplaneraren/scenario","version":9}').issues[0];
    expect(version).toMatchObject({ code: 'version', params: { version: '9' } });
    expect(issueText(version)).toBe('Scenariofilens version 9 stöds inte. Förväntat version 1 eller 2 (en nyare version av verktyget kan behövas).');
    expect(issueText(version, 'en')).toBe('Scenario file version 9 is not supported. Expected version 1 or 2 (a newer version of the tool may be needed).');

    const missing = parseScenario('{"format":"familjecentralsplaneraren/scenario","version":1}').issues[0];
    expect(missing).toMatchObject({ code: 'scenario_missing_field', params: { path: 'name' } });
    expect(issueText(missing)).toBe('Scenariofilen saknar fältet name.');
    expect(issueText(missing, 'en')).toBe('The scenario file lacks the field name.');
  });

  it('a solver message', () => {
    expect(solveMessageText('too_few_sites', { p: 4, free: 3 })).toBe('p = 4 är större än antalet valbara platser (3).');
    expect(solveMessageText('too_few_sites', { p: 4, free: 3 }, 'en')).toBe('p = 4 is larger than the number of sites that can be chosen (3).');
  });
});

describe('cli validate', () => {
  it('keeps a Swedish message next to code, params, row and column', () => {
    let out = '';
    const io: CliIO = { out: (s) => (out += s), err: () => {}, readFile: () => new TextEncoder().encode('id;name;lat;lon\nk1;A;sextio;15,6\n') };
    expect(runCli(['validate', '--kind', 'candidates', 'k.csv'], io)).toBe(1);
    const error = JSON.parse(out).problems.find((p: { severity: string }) => p.severity === 'error');
    expect(error).toEqual({
      severity: 'error',
      row: 2,
      column: 'lat',
      code: 'not_numeric',
      params: { row: 2, column: 'lat', value: 'sextio', expected: 'wgs84' },
      message: 'Rad 2, kolumn lat: "sextio" är inget tal. Förväntat: lat 55–69,1 och lon 10,9–24,2 (WGS84, grader).',
    });
  });
});
