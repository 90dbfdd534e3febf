import { describe, expect, it } from 'vitest';
import type { TravelMatrix } from '../../src/domain/types';
import { issueText } from '../../src/i18n/messages';
import type { InputIssue } from '../../src/io/issues';
import { runCli } from '../../src/cli/main';
import {
  MAX_ISSUES_PER_CODE,
  limitIssues,
  matrixCoverageIssues,
  matrixLookup,
  parseMatrixCsv,
  parseMatrixFile,
  parseMatrixJson,
} from '../../src/io/matrix';

const codes = (issues: { code: string }[]) => issues.map((i) => i.code);
const arr = (a: Float64Array | null) => (a ? Array.from(a) : null);

describe('parseMatrixCsv', () => {
  it('reads a long CSV, keeps first-appearance order and leaves a missing pair as NaN', () => {
    const r = parseMatrixCsv('origin_id,destination_id,minutes,km\na,x,10,8.5\na,y,20,15\nb,x,12,9\n');
    expect(r.issues).toEqual([]);
    const m = r.value!;
    expect(m.origins).toEqual(['a', 'b']);
    expect(m.destinations).toEqual(['x', 'y']);
    // row-major [a→x, a→y, b→x, b→y]
    expect(arr(m.minutes)).toEqual([10, 20, 12, NaN]);
    expect(arr(m.km)).toEqual([8.5, 15, 9, NaN]);

    const lookup = matrixLookup(m);
    expect(lookup('a', 'y')).toEqual({ minutes: 20, km: 15 });
    expect(lookup('b', 'y')).toBeNull();
    expect(lookup('c', 'x')).toBeNull();

    const cov = matrixCoverageIssues(m, ['a', 'b'], ['x', 'y']);
    expect(cov).toHaveLength(1);
    expect(cov[0]).toMatchObject({ severity: 'error', code: 'missing_pairs' });
    expect(issueText(cov[0])).toContain('1 av 4 par');
    expect(issueText(cov[0])).toContain('b → y');
    // A scenario needing only covered pairs has no problem.
    expect(matrixCoverageIssues(m, ['a', 'b'], ['x'])).toEqual([]);
  });

  it('reads the Swedish Excel dialect: BOM, semicolon, decimal comma, no km column', () => {
    const r = parseMatrixCsv('\ufefforigin_id;destination_id;minutes\r\ng1;fc-falun;12,5\r\ng1;fc-mora;1 034,0\r\n');
    expect(r.issues).toEqual([]);
    expect(r.value!.km).toBeNull();
    expect(arr(r.value!.minutes)).toEqual([12.5, 1034]);
    expect(matrixLookup(r.value!)('g1', 'fc-mora')).toEqual({ minutes: 1034, km: null });
  });

  it('treats an empty km cell as a missing distance, not as zero', () => {
    const r = parseMatrixCsv('origin_id,destination_id,minutes,km\na,x,10,\n');
    expect(r.issues).toEqual([]);
    expect(arr(r.value!.km)).toEqual([NaN]);
    expect(matrixLookup(r.value!)('a', 'x')).toEqual({ minutes: 10, km: null });
  });

  it('reports bad rows with row number (after blank lines) and column, and leaves them out', () => {
    const csv = [
      'origin_id;destination_id;minutes;km', // 1
      'a;x;10;8', // 2 ok
      '', // 3 blank
      'a;y;tio;8', // 4 non-numeric minutes
      'b;x;-3;8', // 5 negative minutes
      'b;y;7;-1', // 6 negative km
      'a;x;11;8', // 7 duplicate of row 2
      ';y;5;1', // 8 empty origin
      'c;x;;2', // 9 empty minutes
      'c;y;4;fyra', // 10 non-numeric km
    ].join('\n');
    const r = parseMatrixCsv(csv);
    expect(r.issues.map((i) => [i.row, i.code, i.column])).toEqual([
      [4, 'not_numeric', 'minutes'],
      [5, 'negative', 'minutes'],
      [6, 'negative', 'km'],
      [7, 'duplicate_pair', undefined],
      [8, 'matrix_empty_origin', 'origin_id'],
      [9, 'missing_value', 'minutes'],
      [10, 'not_numeric', 'km'],
    ]);
    expect(issueText(r.issues[0])).toBe('Rad 4, kolumn minutes: "tio" är inget tal. Förväntat: restid i minuter ≥ 0.');
    expect(issueText(r.issues[3])).toContain('paret a → x finns redan på rad 2');
    expect(issueText(r.issues[5])).toContain('värdet saknas');
    const m = r.value!;
    expect(m.origins).toEqual(['a', 'b', 'c']);
    expect(m.destinations).toEqual(['x', 'y']);
    // Only row 2 is usable; the first value of a duplicated pair is kept.
    expect(arr(m.minutes)).toEqual([10, NaN, NaN, NaN, NaN, NaN]);
  });

  it('names missing columns and the ones found', () => {
    const r = parseMatrixCsv('from_node,to_node,seconds\na,x,600\n');
    expect(r.value).toBeNull();
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ row: 1, code: 'matrix_missing_column' });
    expect(issueText(r.issues[0])).toContain('origin_id (start); destination_id (mål); minutes');
    expect(issueText(r.issues[0])).toContain('Hittade kolumner: from_node, to_node, seconds.');
  });

  it('reports an empty file, a header without rows and a file without usable rows', () => {
    expect(parseMatrixCsv('  \n').issues.map((i) => i.code)).toEqual(['empty']);
    const header = parseMatrixCsv('origin_id,destination_id,minutes\n');
    expect(header.value).toBeNull();
    expect(codes(header.issues)).toEqual(['no_rows']);
    const bad = parseMatrixCsv('origin_id,destination_id,minutes\na,x,?\n');
    expect(bad.value).toBeNull();
    expect(codes(bad.issues)).toEqual(['not_numeric', 'no_valid_rows']);
  });

  it('caps a flood of row issues and summarises the rest', () => {
    const lines = ['origin_id,destination_id,minutes', 'a,x,1'];
    for (let i = 0; i < 60; i++) lines.push(`a,y${i},x`);
    const r = parseMatrixCsv(lines.join('\n'));
    expect(r.issues).toHaveLength(MAX_ISSUES_PER_CODE + 1);
    expect(issueText(r.issues[MAX_ISSUES_PER_CODE])).toContain('10 till av samma slag (not_numeric)');
  });
});

describe('parseMatrixJson', () => {
  it('reads a dense matrix; null is a missing pair (NaN)', () => {
    const json = JSON.stringify({
      origins: ['g1', 'g2'],
      destinations: ['fc1', 'fc2', 'fc3'],
      minutes: [
        [5, 12.5, null],
        [0, null, 30],
      ],
      km: [
        [3, 10, null],
        [0, null, null],
      ],
    });
    const r = parseMatrixJson(json);
    expect(r.issues).toEqual([]);
    const m = r.value!;
    expect(arr(m.minutes)).toEqual([5, 12.5, NaN, 0, NaN, 30]);
    expect(arr(m.km)).toEqual([3, 10, NaN, 0, NaN, NaN]);
    const lookup = matrixLookup(m);
    expect(lookup('g1', 'fc2')).toEqual({ minutes: 12.5, km: 10 });
    expect(lookup('g2', 'fc3')).toEqual({ minutes: 30, km: null });
    expect(lookup('g1', 'fc3')).toBeNull();
    const cov = matrixCoverageIssues(m, ['g1', 'g2'], ['fc1', 'fc2', 'fc3']);
    expect(codes(cov)).toEqual(['missing_pairs']);
    expect(issueText(cov[0])).toContain('2 av 6 par');
    expect(issueText(cov[0])).toContain('g1 → fc3, g2 → fc2');
  });

  it('km is null without a km field', () => {
    const r = parseMatrixJson('{"origins":["a"],"destinations":["x"],"minutes":[[4]]}');
    expect(r.value!.km).toBeNull();
  });

  it('reports invalid JSON with the parser message', () => {
    const text = '{"origins": ["a",]}';
    let parserMessage = '';
    try {
      JSON.parse(text);
    } catch (e) {
      parserMessage = (e as Error).message;
    }
    expect(parserMessage).not.toBe('');
    const r = parseMatrixJson(text);
    expect(r.value).toBeNull();
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0].code).toBe('matrix_invalid_json');
    expect(issueText(r.issues[0])).toContain(parserMessage);
  });

  it('reports a wrong shape, naming the row', () => {
    const rows = parseMatrixJson('{"origins":["a","b"],"destinations":["x"],"minutes":[[1]]}');
    expect(rows.value).toBeNull();
    expect(rows.issues[0]).toMatchObject({ code: 'matrix_grid_rows', column: 'minutes' });
    expect(issueText(rows.issues[0])).toContain('minutes har 1 rader men origins har 2 id');

    const cols = parseMatrixJson('{"origins":["a","b"],"destinations":["x","y"],"minutes":[[1,2],[3]]}');
    expect(cols.value).toBeNull();
    expect(issueText(cols.issues[0])).toContain('minutes[1] (origin "b") har 1 värden men destinations har 2 id');

    const kmCols = parseMatrixJson('{"origins":["a"],"destinations":["x","y"],"minutes":[[1,2]],"km":[[1,2,3]]}');
    expect(kmCols.value).toBeNull();
    expect(kmCols.issues[0]).toMatchObject({ code: 'matrix_grid_row_length', column: 'km' });

    expect(codes(parseMatrixJson('[1,2]').issues)).toEqual(['matrix_not_object']);
    expect(codes(parseMatrixJson('{"destinations":["x"],"minutes":[[1]]}').issues)).toEqual(['matrix_ids_not_list']);
    expect(codes(parseMatrixJson('{"origins":["a"],"destinations":["x"]}').issues)).toEqual(['matrix_grid_not_list']);
  });

  it('reports non-numeric and negative entries with origin and destination, leaving them missing', () => {
    const r = parseMatrixJson('{"origins":["a","b"],"destinations":["x","y"],"minutes":[[1,"12"],[-3,4]]}');
    expect(r.issues.map((i) => [i.code, i.column])).toEqual([
      ['matrix_cell_not_numeric', 'minutes'],
      ['matrix_cell_negative', 'minutes'],
    ]);
    expect(issueText(r.issues[0])).toContain('minutes[0][1] (origin "a", destination "y"): "12" är inget tal');
    expect(issueText(r.issues[1])).toContain('minutes[1][0] (origin "b", destination "x"): -3 är negativt');
    expect(arr(r.value!.minutes)).toEqual([1, NaN, NaN, 4]);
  });

  it('reports duplicate ids', () => {
    const r = parseMatrixJson('{"origins":["a","b","a"],"destinations":["x"],"minutes":[[1],[2],[3]]}');
    expect(r.value).toBeNull();
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ code: 'matrix_duplicate_id', column: 'origins' });
    expect(issueText(r.issues[0])).toContain('origins[2]: id "a" finns redan på plats 0');
  });
});

describe('parseMatrixFile', () => {
  const enc = (s: string) => new TextEncoder().encode(s);

  it('chooses JSON by file name or by a leading "{", else CSV', () => {
    const json = '{"origins":["a"],"destinations":["x"],"minutes":[[7]]}';
    expect(arr(parseMatrixFile(enc(json), 'restider.JSON').value!.minutes)).toEqual([7]);
    expect(arr(parseMatrixFile(enc(`  ${json}`), 'export.txt').value!.minutes)).toEqual([7]);
    expect(arr(parseMatrixFile(enc('origin_id,destination_id,minutes\na,x,7\n'), 'restider.csv').value!.minutes)).toEqual([7]);
    // A CSV named .json is parsed as JSON and reported as such.
    expect(codes(parseMatrixFile(enc('origin_id,destination_id,minutes\n'), 'fel.json').issues)).toEqual(['matrix_invalid_json']);
  });

  it('reads a Windows-1252 CSV and refuses a binary file', () => {
    const bytes = Uint8Array.from('origin_id;destination_id;minutes\nÄlvdalen;Särna;55,5\n', (c) => c.charCodeAt(0));
    const r = parseMatrixFile(bytes, 'restider.csv');
    expect(codes(r.issues)).toEqual(['encoding']);
    expect(r.value!.origins).toEqual(['Älvdalen']);
    expect(matrixLookup(r.value!)('Älvdalen', 'Särna')).toEqual({ minutes: 55.5, km: null });

    const bin = parseMatrixFile(new Uint8Array([1, 0, 2]), 'x.csv');
    expect(bin.value).toBeNull();
    expect(codes(bin.issues)).toEqual(['not_text']);
  });
});

describe('matrixCoverageIssues', () => {
  const m: TravelMatrix = {
    origins: ['a', 'b'],
    destinations: ['x'],
    minutes: Float64Array.from([1, NaN]),
    km: null,
  };

  it('lists origins and destinations missing from the matrix, up to 5 examples', () => {
    const issues = matrixCoverageIssues(m, ['a', 'c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c1'], ['x', 'z']);
    expect(codes(issues)).toEqual(['missing_origins', 'missing_destinations']);
    expect(issueText(issues[0])).toBe('6 av 7 startpunkter saknas i matrisen: c1, c2, c3, c4, c5 med flera.');
    expect(issueText(issues[1])).toBe('1 av 2 mål saknas i matrisen: z.');
    expect(issues.every((i) => i.severity === 'error')).toBe(true);
  });

  it('counts missing pairs only among needed ids', () => {
    expect(matrixCoverageIssues(m, ['a'], ['x'])).toEqual([]);
    const issues = matrixCoverageIssues(m, ['b'], ['x']);
    expect(codes(issues)).toEqual(['missing_pairs']);
    expect(issueText(issues[0])).toContain('1 av 1 par');
  });
});

describe('limitIssues', () => {
  it('keeps the first issues of each code and summarises the rest', () => {
    const many: InputIssue[] = Array.from({ length: 4 }, (_, i) => ({ severity: 'error', row: i + 2, code: 'not_numeric', params: { row: i + 2, value: `a${i}`, expected: 'minutes' } }));
    const out = limitIssues([...many, { severity: 'error', row: 9, code: 'negative', params: { row: 9, value: '-1', expected: 'minutes' } }], 2);
    expect(out.map((i) => i.code)).toEqual(['not_numeric', 'not_numeric', 'negative', 'more_of_same']);
    expect(out.map((i) => issueText(i))).toEqual([
      'Rad 2: "a0" är inget tal. Förväntat: restid i minuter ≥ 0.',
      'Rad 3: "a1" är inget tal. Förväntat: restid i minuter ≥ 0.',
      'Rad 9: "-1" är negativt. Förväntat: restid i minuter ≥ 0.',
      '… och 2 till av samma slag (not_numeric); endast de första 2 visas.',
    ]);
  });
});

describe('a matrix too large for the browser', () => {
  it('60 000 distinct pairs (each id once) are refused with a message, not an allocation crash', () => {
    // About 1 MB of CSV: 60 000 origins × 60 000 destinations would be 3,6 billion cells.
    const lines = ['origin_id,destination_id,minutes'];
    for (let i = 0; i < 60_000; i++) lines.push(`o${i},d${i},${i % 90}`);
    const text = lines.join('\n');
    expect(text.length).toBeGreaterThan(900_000);
    const r = parseMatrixFile(new TextEncoder().encode(text), 'stor.csv');
    expect(r.value).toBeNull();
    expect(r.issues.map((i) => i.code)).toEqual(['matrix_too_large']);
    expect(issueText(r.issues[0])).toBe(
      'Matrisen har 60\u00a0000 start-id och 60\u00a0000 mål-id, alltså 3\u00a0600\u00a0000\u00a0000 par; högst 12\u00a0000\u00a0000 ryms i webbläsaren. Förväntat: start-id = rutor eller DeSO (högst cirka 4 300) och mål-id = familjecentraler och kandidatplatser.',
    );
  });
  it('the CLI says so and exits 2', () => {
    const lines = ['origin_id,destination_id,minutes'];
    for (let i = 0; i < 60_000; i++) lines.push(`o${i},d${i},5`);
    let err = '';
    const code = runCli(['coverage', '--travel', 'matrix:stor.csv'], { out: () => undefined, err: (x) => (err += x), readFile: () => new TextEncoder().encode(lines.join('\n')) });
    expect(code).toBe(2);
    expect(err).toContain('högst 12\u00a0000\u00a0000 ryms');
  });
});
