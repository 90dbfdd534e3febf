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
