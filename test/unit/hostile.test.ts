import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, type CliIO } from '../../src/cli/main';
import { issueText } from '../../src/i18n/messages';
import { parseCandidatesFile } from '../../src/io/candidates';
import { writeCsv } from '../../src/io/csvWrite';
import { hasErrors } from '../../src/io/issues';
import { SCORE_COLUMNS } from '../../src/io/rankingExport';
import { parseScenario } from '../../src/io/scenarioFile';
import type { CandidateScore } from '../../src/domain/scoring';

/** The hostile corpus (test/fixtures/hostile) through the parsers and the CLI. */

const DIR = 'test/fixtures/hostile';
const bytes = (f: string) => new Uint8Array(readFileSync(join(DIR, f)));
const text = (f: string) => readFileSync(join(DIR, f), 'utf8');

function cli(args: string[]) {
  let out = '';
  let err = '';
  const io: CliIO = { out: (s) => (out += s), err: (s) => (err += s), readFile: (p) => new Uint8Array(readFileSync(p)) };
  return { code: runCli(args, io), out, err };
}

describe('candidate files', () => {
  it('names with script, HTML, formulas, 5 000 characters, RTL and zero-width are kept as text', () => {
    const r = parseCandidatesFile(bytes('candidates-hostile-names.csv'));
    expect(hasErrors(r.issues)).toBe(false);
    const names = r.value.sites.map((s) => s.name);
    expect(names).toContain('<script>window.__pwned=1</script>');
    expect(names).toContain('=HYPERLINK("http://evil","klick")');
    expect(names.find((n) => n.length === 5000)).toBe('Ö'.repeat(5000));
    expect(names).toContain('Höger\u202etill vänster');
  });
  it('the ranking CSV neutralises every formula prefix in the names', () => {
    const sites = parseCandidatesFile(bytes('candidates-hostile-names.csv')).value.sites;
    const scores = sites.map((s, i) => ({ ...s, rank: i + 1, composite: 0, reach_children: 0, new_reach_children: 0, new_reach_share_ot12: null, deprivation_weighted_new_reach: 0, mean_minutes_reduction: null, served_children: 0, served_mean_minutes: null, transit: null, economics: null, criteria: { reach: 0, newReach: 0, deprivation: 0, travel: 0, transit: 0 }, breakdown: { reach: 0, newReach: 0, deprivation: 0, travel: 0, transit: 0 } })) as unknown as CandidateScore[];
    for (const dialect of ['std', 'sv'] as const) {
      const csv = writeCsv(scores, SCORE_COLUMNS, dialect, ['Scenario: =2+5']);
      const nameCells = csv.split(/\r?\n/).slice(1).map((l) => l.split(dialect === 'sv' ? ';' : ',')[2] ?? '');
      expect(nameCells.filter((c) => /^"?[=+\-@\t\r]/.test(c)), dialect).toEqual([]);
    }
  });
  it('a CR at a cell start is neutralised too', () => {
    // The reader trims cells, so the CR is gone on import; a CR from elsewhere is neutralised on export.
    expect(parseCandidatesFile(bytes('candidates-cr.csv')).value.sites[0].name).toBe('vagn');
    // (quoted because of the CR; the apostrophe makes it text)
    expect(writeCsv([{ n: '\rvagn' }], [{ key: 'n', get: (x) => x.n }], 'std')).toBe('n\n"\'\rvagn"\n');
  });
  it('NaN, Infinity and 1e308 coordinates are refused row by row with the column named', () => {
    const r = parseCandidatesFile(bytes('candidates-bad-numbers.csv'));
    expect(r.value.sites).toEqual([]);
    const rows = new Set(r.issues.filter((i) => i.severity === 'error').map((i) => i.row));
    expect([...rows].sort()).toEqual([2, 3, 4, 5]);
    expect(r.issues.filter((i) => i.row === 2).map((i) => issueText(i)).join(' ')).toMatch(/Rad 2, kolumn lat/);
  });
  it('UTF-16 is decoded; a mixed encoding must be confirmed; empty, header-only and binary files are refused in Swedish', () => {
    expect(parseCandidatesFile(bytes('candidates-utf16.csv')).value.sites.map((s) => s.name)).toEqual(['Älvdalen']);
    expect(parseCandidatesFile(bytes('candidates-mixed-encoding.csv')).issues.some((i) => i.code === 'mixed_encoding')).toBe(true);
    for (const [f, code] of [['empty.csv', 'empty'], ['header-only.csv', 'no_rows'], ['binary.csv', 'not_text']] as const) {
      const r = parseCandidatesFile(bytes(f));
      expect(r.issues.map((i) => i.code), f).toContain(code);
      expect(issueText(r.issues.find((i) => i.code === code)!)).toMatch(/[åäö]|Filen/);
    }
  });
});

describe('scenario files', () => {
  it('__proto__ and constructor keys pollute nothing', () => {
    const r = parseScenario(text('scenario-proto.json'));
    expect(r.value).not.toBeNull();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(r.value, 'constructor')).toBe(false);
    expect(Object.getPrototypeOf(r.value)).toBe(Object.prototype);
  });
  it('truncated, future-version and huge-number files give Swedish messages', () => {
    expect(parseScenario(text('scenario-truncated.json')).issues[0].code).toBe('scenario_invalid_json');
    expect(issueText(parseScenario(text('scenario-future.json')).issues[0])).toContain('version 99 stöds inte');
    expect(parseScenario(text('scenario-huge-numbers.json')).value).toBeNull();
  });
  it('a scenario named with markup and a formula is read as text', () => {
    expect(parseScenario(text('scenario-hostile-names.json')).value!.name).toBe('<img src=x onerror="window.__pwned=1">=1+1');
  });
});

describe('the CLI on every file of the corpus', () => {
  const files = readdirSync(DIR).filter((f) => f !== 'README.md');
  it.each(files)('%s: an exit code and a message, never a stack trace', (f) => {
    const kind = f.startsWith('listing') ? 'listing' : f.startsWith('matrix') ? 'matrix' : 'candidates';
    const v = cli(['validate', '--kind', kind, join(DIR, f)]);
    expect([0, 1]).toContain(v.code);
    expect(JSON.parse(v.out).file).toBe(join(DIR, f));
    if (kind === 'candidates') {
      const c = cli(['coverage', '--candidates', join(DIR, f), '--demand', 'deso', '--travel', 'straight']);
      expect([0, 2]).toContain(c.code);
      expect(c.err).not.toMatch(/\n\s+at /);
    }
  });
});
