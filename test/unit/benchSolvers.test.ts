import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  agreement,
  dalarnaCases,
  fmtNum,
  formatTable,
  LARGE,
  medianRun,
  parseAnswer,
  parseOptions,
  problemJson,
  projectCommand,
  ratioSummary,
  ratioText,
  REFERENCE,
  selectCases,
  statusText,
  syntheticCases,
  syntheticData,
  syntheticProblem,
  type Row,
  type RunOutcome,
} from '../../scripts/bench-solvers';
import { parseSolveJson } from '../../src/io/solveJson';

// The TypeScript side of the solver benchmark (scripts/bench-solvers.ts): problem builders and the
// result table, from hand-made outcomes. No solver is run and no time is asserted.

const answer = (seconds: number, status: string, objective: number | null, gap: number | null = status === 'optimal' ? 0 : null): RunOutcome => ({ seconds, kind: 'answer', status, objective, gap });

describe('synthetic problems', () => {
  const small = { seed: 7, demand: 12, sites: 4, sideKm: 10, speedKmh: 30 };

  it('are deterministic: the same spec gives the same JSON, another seed another', () => {
    const a = problemJson(syntheticProblem(syntheticData(small), 'pmedian', { p: 2, timeLimitS: 5 }));
    const b = problemJson(syntheticProblem(syntheticData({ ...small }), 'pmedian', { p: 2, timeLimitS: 5 }));
    expect(a).toBe(b);
    expect(JSON.stringify(syntheticData({ ...small, seed: 8 }))).not.toBe(JSON.stringify(syntheticData(small)));
  });

  it('draws integer weights 1–100 and costs = euclidean km / speed in minutes, rounded to 0.01', () => {
    const d = syntheticData(small);
    expect(d.demand).toHaveLength(12);
    expect(d.sites).toHaveLength(4);
    for (const u of d.demand) expect(Number.isInteger(u.weight) && u.weight >= 1 && u.weight <= 100).toBe(true);
    const maxMinutes = Math.SQRT2 * small.sideKm * (60 / small.speedKmh);
    for (const row of d.cost) {
      expect(row).toHaveLength(4);
      for (const c of row) {
        expect(c).toBeGreaterThanOrEqual(0);
        expect(c).toBeLessThanOrEqual(maxMinutes + 0.01);
        expect(Math.round(c * 100) / 100).toBe(c);
      }
    }
  });

  it('are valid solve JSON for the CLI', () => {
    for (const model of ['mclp', 'pmedian', 'lscp', 'pcenter'] as const) {
      const pr = syntheticProblem(syntheticData(small), model, { p: model === 'lscp' ? undefined : 2, radius: model === 'mclp' || model === 'lscp' ? 30 : undefined, timeLimitS: 10 });
      const parsed = parseSolveJson(problemJson(pr));
      expect(parsed.issues).toEqual([]);
      expect(parsed.value).toEqual(pr);
    }
  });

  it('has the cases of the brief: the reference size, and 6 000 × 1 000 unless --quick', () => {
    const all = syntheticCases(300, false);
    expect(new Set(all.map((c) => c.name)).size).toBe(all.length);
    const ref = all.filter((c) => c.group === 'reference');
    expect(ref.map((c) => c.model).sort()).toEqual(['lscp', 'mclp', 'pcenter', 'pmedian']);
    expect(ref.every((c) => c.size === `${REFERENCE.demand}×${REFERENCE.sites}` && c.size === '205×16')).toBe(true);
    const large = all.filter((c) => c.group === 'synthetic');
    expect(large.map((c) => `${c.model} ${c.label}`)).toEqual(['mclp p=5', 'mclp p=10', 'mclp p=20', 'pmedian p=10', 'pcenter p=10']);
    expect(LARGE.demand * LARGE.sites).toBe(6_000_000);
    expect(syntheticCases(300, true).every((c) => c.group === 'reference')).toBe(true);
    const pr = ref[0].problem();
    expect(pr.demand).toHaveLength(205);
    expect(pr.sites).toHaveLength(16);
    expect(pr.time_limit_s).toBe(300);
  });
});

describe('Dalarna problems', () => {
  it('are built as the app builds them: 175 DeSO × (9 fixed + 137 candidates), p = 1…5 for each model, LSCP', async () => {
    const notes: string[] = [];
    const cases = await dalarnaCases(60, (t) => notes.push(t));
    const byModel = (m: string) => cases.filter((c) => c.model === m).map((c) => c.label);
    for (const m of ['mclp', 'pmedian', 'pcenter']) expect(byModel(m)).toEqual(['p=1', 'p=2', 'p=3', 'p=4', 'p=5']);
    expect(byModel('lscp')).toContain('90 %');
    // LSCP for every unit only when every DeSO with children has a site within T; else a note says why not.
    expect(byModel('lscp').includes('all') !== notes.some((t) => t.includes('LSCP for every unit is left out'))).toBe(true);
    const pr = cases.find((c) => c.name === 'dalarna-pmedian-p3')!.problem();
    expect(pr).toMatchObject({ model: 'pmedian', p: 3, radius: 20, time_limit_s: 60 });
    expect(pr.demand).toHaveLength(175);
    expect(pr.sites).toHaveLength(146);
    expect(pr.sites.filter((s) => s.fixed)).toHaveLength(9);
    expect(pr.cost.every((row) => row.length === 146)).toBe(true);
    expect(parseSolveJson(problemJson(pr)).issues).toEqual([]);
  });
});

describe('comparing the answers', () => {
  it('agreement: proven equal, proven different, unproven, infeasible, missing', () => {
    expect(agreement('pmedian', answer(1, 'optimal', 860), answer(2, 'optimal', 860 + 1e-7))).toBe('yes');
    expect(agreement('pmedian', answer(1, 'optimal', 860), answer(2, 'optimal', 861))).toBe('NO (Δ -1)');
    expect(agreement('pmedian', answer(1, 'feasible', 850, 0.1), answer(2, 'optimal', 860))).toBe('project better');
    expect(agreement('mclp', answer(1, 'feasible', 850, 0.1), answer(2, 'optimal', 860))).toBe('CBC better');
    expect(agreement('mclp', answer(1, 'optimal', 860), answer(2, 'feasible', 860, null))).toBe('equal');
    expect(agreement('lscp', answer(1, 'infeasible', null), answer(2, 'infeasible', null))).toBe('both infeasible');
    expect(agreement('lscp', answer(1, 'infeasible', null), answer(2, 'optimal', 3))).toBe('NO (feasibility)');
    expect(agreement('pcenter', answer(1, 'optimal', 5), { seconds: 360, kind: 'timeout', limitS: 360 })).toBe('–');
    expect(agreement('pcenter', answer(1, 'optimal', 5), null)).toBe('–');
  });

  it('ratio is CBC / project, a lower bound when CBC gave no answer', () => {
    expect(ratioText(answer(2, 'optimal', 1), answer(5, 'optimal', 1))).toBe('2.50');
    expect(ratioText(answer(2, 'optimal', 1), { seconds: 360, kind: 'timeout', limitS: 360 })).toBe('>180.0');
    expect(ratioText(answer(2, 'optimal', 1), null)).toBe('–');
    expect(ratioText({ seconds: 3, kind: 'error', error: 'x' }, answer(5, 'optimal', 1))).toBe('–');
    expect(ratioText(answer(2, 'optimal', 1), answer(300, 'feasible', 1, 0.01))).toBe('>150.0');
    expect(ratioText(answer(300, 'feasible', 1, 0.01), answer(30, 'optimal', 1))).toBe('<0.10');
    expect(ratioText(answer(300, 'feasible', 1, 0.01), answer(303, 'feasible', 1, 0.01))).toBe('both at limit');
    expect(ratioText(answer(2, 'optimal', 1), { seconds: 9, kind: 'error', error: 'out of memory' })).toBe('–');
  });

  it('status words', () => {
    expect(statusText(answer(1, 'optimal', 1))).toBe('optimal');
    expect(statusText(answer(1, 'feasible', 1, 0.0123))).toBe('feasible, gap 1.23 %');
    expect(statusText({ seconds: 360, kind: 'timeout', limitS: 360 })).toBe('no answer in 360 s');
    expect(statusText(null)).toBe('not installed');
  });

  it('reads a solver answer, or the error from stderr', () => {
    const ok = parseAnswer('{"status":"optimal","objective":12.5,"selected":["a"],"gap":0,"elapsed_ms":250}\n', '', 0, 1.5);
    expect(ok).toMatchObject({ kind: 'answer', status: 'optimal', objective: 12.5, gap: 0, innerS: 0.25, seconds: 1.5 });
    expect(parseAnswer('{"status":"feasible","objective":3,"gap":0.5,"elapsed_ms":900,"cbc_ms":400}', '', 0, 1).innerS).toBe(0.4);
    const crash = parseAnswer('', 'var x=1;function f(){}\nRuntimeError: Aborted(). Build with -sASSERTIONS\n    at abort (highs.mjs:1:1)\n\nNode.js v20', 1, 3);
    expect(crash).toMatchObject({ kind: 'error', error: 'exit 1: RuntimeError: Aborted()' });
    expect(parseAnswer('{"status":"error","error":"out of memory"}', '', 1, 2)).toMatchObject({ kind: 'error', error: 'out of memory' });
  });

  it('reports the median run', () => {
    expect(medianRun([answer(3, 'optimal', 1), answer(1, 'optimal', 1), answer(2, 'optimal', 1)]).seconds).toBe(2);
    expect(medianRun([answer(4, 'optimal', 1), answer(1, 'optimal', 1)]).seconds).toBe(1);
  });

  it('formats numbers compactly', () => {
    expect(fmtNum(293123.0431)).toBe('293123');
    expect(fmtNum(14333.4012)).toBe('14333.4');
    expect(fmtNum(154.78712)).toBe('154.7871');
    expect(fmtNum(4)).toBe('4');
    expect(fmtNum(null)).toBe('–');
  });
});

describe('the table', () => {
  const rows: Row[] = [
    { name: 'dalarna-mclp-p1', group: 'dalarna', size: '175×146', model: 'mclp', label: 'p=1', project: { ...answer(0.5, 'optimal', 13975.97), innerS: 0.1 }, pulp: { ...answer(0.25, 'optimal', 13975.97), innerS: 0.05 } },
    { name: 'synthetic-pcenter-p10', group: 'synthetic', size: '6000×1000', model: 'pcenter', label: 'p=10', project: answer(301.9, 'feasible', 27.72, 0.7276), pulp: { seconds: 360, kind: 'timeout', limitS: 360 } },
    { name: 'synthetic-pmedian-p10', group: 'synthetic', size: '6000×1000', model: 'pmedian', label: 'p=10', project: answer(20, 'optimal', 1000), pulp: answer(40, 'optimal', 1000) },
  ];

  it('has one line per problem with both sides, the ratio and the agreement', () => {
    const text = formatTable(rows);
    const lines = text.split('\n');
    expect(lines).toHaveLength(2 + rows.length);
    expect(lines[0]).toMatch(/^case\s+size\s+model\s+p\s+project s\s+PuLP\+CBC s\s+ratio\s+in-process s \(project \/ CBC\)\s+objective project\s+objective CBC\s+status project\s+status CBC\s+agree$/);
    expect(lines[2]).toMatch(/^dalarna\s+175×146\s+mclp\s+p=1\s+0\.50\s+0\.25\s+0\.50\s+0\.10 \/ 0\.05\s+13975\.97\s+13975\.97\s+optimal\s+optimal\s+yes$/);
    expect(lines[3]).toContain('>360');
    expect(lines[3]).toContain('feasible, gap 72.76 %');
    expect(lines[3]).toContain('no answer in 360 s');
    expect(lines[3]).toContain('both at limit');
    // Right-aligned number columns end at the same place on every line.
    const end = lines[0].indexOf('project s') + 'project s'.length;
    for (const l of lines.slice(2)) expect(l[end - 1]).toMatch(/\d/);
  });

  it('without PuLP: the project side only', () => {
    const text = formatTable([{ ...rows[0], pulp: null }]);
    expect(text.split('\n')[2]).toMatch(/not installed\s+–$/);
  });

  it('summarises the ratios per group (geometric mean over rows where both answered)', () => {
    const s = ratioSummary(rows);
    expect(s).toHaveLength(2);
    expect(s[0]).toMatchObject({ group: 'dalarna', n: 1, min: 0.5, max: 0.5 });
    expect(s[0].geomean).toBeCloseTo(0.5, 12);
    expect(s[1]).toMatchObject({ group: 'synthetic', n: 1 });
    expect(s[1].geomean).toBeCloseTo(2, 12);
  });
});

describe('options and commands', () => {
  it('parses the options', () => {
    expect(parseOptions([])).toEqual({ quick: false, only: null, timeLimitS: 300, out: null, repeat: 3, keep: false, asBuilt: false });
    expect(parseOptions(['--quick', '--only', 'dalarna-mclp', '--time-limit', '60', '--repeat', '1', '--keep', '--as-built', '--out', 'r.json'])).toEqual({ quick: true, only: 'dalarna-mclp', timeLimitS: 60, out: 'r.json', repeat: 1, keep: true, asBuilt: true });
    expect(() => parseOptions(['--fast'])).toThrow(/unknown option/);
    expect(() => parseOptions(['--time-limit', 'x'])).toThrow(/time-limit/);
  });

  it('--only picks cases by name or group', () => {
    const cases = syntheticCases(300, false);
    expect(selectCases(cases, 'reference-mclp').map((c) => c.name)).toEqual(['reference-mclp-p4']);
    expect(selectCases(cases, 'synthetic')).toHaveLength(5);
    expect(selectCases(cases, null)).toHaveLength(cases.length);
  });

  it('uses the bundled CLI when it exists, else tsx on scripts/cli.ts', () => {
    const root = mkdtempSync(join(tmpdir(), 'fcp-bench-cmd-'));
    try {
      expect(projectCommand(root).label).toMatch(/tsx scripts\/cli\.ts solve FILE/);
      mkdirSync(join(root, 'dist-cli'));
      writeFileSync(join(root, 'dist-cli', 'cli.mjs'), '');
      const c = projectCommand(root);
      expect(c.label).toBe('node dist-cli/cli.mjs solve FILE');
      expect(c.args).toEqual([join(root, 'dist-cli', 'cli.mjs'), 'solve']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
