import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCliAsync, type CliIO } from '../../src/cli/main';
import { parseSolveJson } from '../../src/io/solveJson';

async function run(args: string[], files: Record<string, string>) {
  let out = '';
  let err = '';
  const io: CliIO = { out: (s) => (out += s), err: (s) => (err += s), readFile: (p) => {
    if (!(p in files)) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT', path: p });
    return new TextEncoder().encode(files[p]);
  } };
  const code = await runCliAsync(args, io);
  return { code, out, err };
}

const problem = {
  model: 'pmedian',
  p: 2,
  demand: [{ id: 'd1', weight: 10 }, { id: 'd2', weight: 20 }, { id: 'd3', weight: 30 }, { id: 'd4', weight: 40 }],
  sites: [{ id: 'A' }, { id: 'B' }, { id: 'C' }],
  cost: [[5, 30, 25], [10, 20, 8], [40, 3, 35], [50, 30, 9]],
};

describe('cli solve', () => {
  it('solves the JSON format exactly and prints every result field', async () => {
    const r = await run(['solve', 'p.json'], { 'p.json': JSON.stringify(problem) });
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    // B + C: 10·25 + 20·8 + 30·3 + 40·9 = 860
    expect(j).toMatchObject({ status: 'optimal', objective: 860, selected: ['B', 'C'], covered_weight: 100, covered_share: 1, covered_count: 4, mean_cost: 8.6, max_cost: 25, gap: 0 });
  });
  it('--heuristic forces the heuristic', async () => {
    const j = JSON.parse((await run(['solve', 'p.json', '--heuristic'], { 'p.json': JSON.stringify(problem) })).out);
    expect(j.method).toBe('heuristic');
    expect(j.objective).toBe(860);
  });
  it('an infeasible request still exits 0 with status infeasible and a message', async () => {
    const r = await run(['solve', 'p.json'], { 'p.json': JSON.stringify({ ...problem, p: 5 }) });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ status: 'infeasible', selected: [] });
    expect(JSON.parse(r.out).message).toContain('p = 5');
  });
  it('malformed input exits 2 and says what is wrong', async () => {
    const cases: [string, RegExp][] = [
      ['{ not json', /Ogiltig JSON/],
      [JSON.stringify({ ...problem, model: 'kmeans' }), /Fältet model: ska vara "mclp"/],
      [JSON.stringify({ ...problem, cost: problem.cost.slice(0, 3) }), /cost har 3 rader men demand har 4/],
      [JSON.stringify({ ...problem, cost: [[1, 2], ...problem.cost.slice(1)] }), /cost\[0\] har 2 värden men sites har 3/],
      [JSON.stringify({ ...problem, cost: [[-1, 2, 3], ...problem.cost.slice(1)] }), /cost\[0\]\[0\] = -1/],
      [JSON.stringify({ ...problem, p: undefined }), /kräver "p"/],
      [JSON.stringify({ ...problem, model: 'mclp' }), /kräver "radius"/],
      [JSON.stringify({ ...problem, sites: [{ id: 'A' }, { id: 'A' }, { id: 'C' }] }), /id "A" mer än en gång/],
      [JSON.stringify({ ...problem, demand: undefined }), /Fältet demand saknas/],
      [JSON.stringify({ ...problem, p: 1.5 }), /Fältet p: ska vara ett heltal/],
    ];
    for (const [text, msg] of cases) {
      const r = await run(['solve', 'p.json'], { 'p.json': text });
      expect(r.code, text).toBe(2);
      expect(r.err, text).toMatch(msg);
    }
    expect((await run(['solve'], {})).code).toBe(2);
    expect((await run(['solve', 'finns-inte.json'], {})).code).toBe(2);
  });
  it('null costs are unreachable pairs', () => {
    const r = parseSolveJson(JSON.stringify({ ...problem, cost: [[null, 1, 2], ...problem.cost.slice(1)] }));
    expect(r.issues).toEqual([]);
    expect(r.value!.cost[0][0]).toBeNull();
  });
});

describe('cli solve, robust across years', () => {
  // test/fixtures/solve-robust.json: the hand-solved instance of robust.test.ts. 2025 alone picks A,
  // 2035 alone picks B; the worse year is best with C (0.4 in both years).
  const robust = readFileSync(new URL('../fixtures/solve-robust.json', import.meta.url), 'utf8');
  it('solves the robust JSON and prints each year', async () => {
    for (const args of [['solve', 'r.json'], ['solve', 'r.json', '--heuristic']]) {
      const r = await run(args, { 'r.json': robust });
      expect(r.code).toBe(0);
      const j = JSON.parse(r.out);
      expect(j.selected).toEqual(['C']);
      expect(j.objective).toBeCloseTo(0.4, 12);
      expect(j.by_year).toEqual([
        { label: '2025', covered_weight: 40, covered_share: 0.4 },
        { label: '2035', covered_weight: 20, covered_share: 0.4 },
      ]);
    }
    const weighted = JSON.parse(robust);
    weighted.robust = { ...weighted.robust, mode: 'weighted', alpha: 0.8 };
    expect(JSON.parse((await run(['solve', 'r.json'], { 'r.json': JSON.stringify(weighted) })).out)).toMatchObject({ status: 'optimal', selected: ['A'] });
  });
  it('a bad robust field exits 2 and names it', async () => {
    const base = JSON.parse(robust);
    const withRobust = (over: object) => JSON.stringify({ ...base, robust: { ...base.robust, ...over } });
    const cases: [string, RegExp][] = [
      [withRobust({ mode: 'minmax' }), /Fältet robust\.mode: ska vara "maxmin" eller "weighted"/],
      [withRobust({ alpha: 1.5 }), /Fältet robust\.alpha: ska ligga mellan 0 och 1/],
      [withRobust({ years: [] }), /Fältet robust\.years: ska vara en icke-tom lista/],
      [withRobust({ years: [{ label: '2025', weights: [1, 2, 3] }] }), /robust\.years\.0\.weights har 3 värden men demand har 4 punkter/],
      [withRobust({ years: [base.robust.years[0], { label: '2035', weights: [1, 2, -3, 4] }] }), /Fältet robust\.years\.1\.weights\.2: får inte vara negativ/],
      [withRobust({ years: [base.robust.years[0], { label: '2035', weights: [0, 0, 0, 0] }] }), /robust\.years\.1\.weights summerar till 0/],
      [JSON.stringify({ ...base, model: 'pmedian' }), /"robust" gäller bara mclp, inte pmedian/],
    ];
    for (const [text, msg] of cases) {
      const r = await run(['solve', 'r.json'], { 'r.json': text });
      expect(r.code, text).toBe(2);
      expect(r.err, text).toMatch(msg);
    }
  });
});
