import * as v from 'valibot';
import type { SolveProblem } from '../domain/optimise/problem';
import type { InputIssue, Parsed } from './issues';

const Schema = v.object({
  model: v.picklist(['mclp', 'pmedian', 'lscp', 'pcenter'], 'ska vara "mclp", "pmedian", "lscp" eller "pcenter"'),
  p: v.optional(v.pipe(v.number('ska vara ett heltal'), v.integer('ska vara ett heltal'), v.minValue(0, 'får inte vara negativt'))),
  radius: v.optional(v.pipe(v.number('ska vara ett tal'), v.minValue(0, 'får inte vara negativ'))),
  target_share: v.optional(v.pipe(v.number('ska vara ett tal'), v.minValue(0, 'ska ligga mellan 0 och 1'), v.maxValue(1, 'ska ligga mellan 0 och 1'))),
  demand: v.array(
    v.object({
      id: v.string('ska vara en sträng'),
      weight: v.pipe(v.number('ska vara ett tal'), v.finite('ska vara ett ändligt tal'), v.minValue(0, 'får inte vara negativ')),
    }),
    'ska vara en lista av { "id", "weight" }',
  ),
  sites: v.array(v.object({ id: v.string('ska vara en sträng'), fixed: v.optional(v.boolean('ska vara true eller false')) }), 'ska vara en lista av { "id", "fixed"? }'),
  cost: v.array(v.array(v.nullable(v.number('ska vara ett tal eller null')), 'ska vara en rad (lista)'), 'ska vara en lista av rader'),
  time_limit_s: v.optional(v.pipe(v.number('ska vara ett tal'), v.minValue(0.01, 'ska vara minst 0,01 sekunder'))),
});

/**
 * Reads and checks a solve problem given as JSON (the CLI's `solve` format). Every problem found
 * names its place (field, row, column); the value is null when the problem cannot be solved as given.
 */
export function parseSolveJson(text: string): Parsed<SolveProblem | null> {
  const issues: InputIssue[] = [];
  const err = (code: string, message: string) => issues.push({ severity: 'error', code, message });
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    err('invalid_json', `Ogiltig JSON: ${(e as Error).message}`);
    return { value: null, issues };
  }
  const r = v.safeParse(Schema, raw);
  if (!r.success) {
    for (const i of r.issues.slice(0, 20)) {
      const path = (i.path ?? []).map((p) => String(p.key)).join('.') || '(roten)';
      err('invalid_field', i.input === undefined ? `Fältet ${path} saknas.` : `Fältet ${path}: ${i.message}`);
    }
    return { value: null, issues };
  }
  const pr = r.output as SolveProblem;
  const n = pr.demand.length;
  const m = pr.sites.length;
  if (n === 0) err('empty', 'demand är tom: minst en efterfrågepunkt behövs.');
  if (m === 0) err('empty', 'sites är tom: minst en plats behövs.');
  if (pr.cost.length !== n) err('shape', `cost har ${pr.cost.length} rader men demand har ${n} punkter (en rad per punkt, i samma ordning).`);
  pr.cost.forEach((row, i) => {
    if (row.length !== m) err('shape', `cost[${i}] har ${row.length} värden men sites har ${m} platser.`);
    row.forEach((c, j) => {
      if (c !== null && (!Number.isFinite(c) || c < 0)) err('bad_cost', `cost[${i}][${j}] = ${c}: kostnader ska vara tal ≥ 0 eller null (ej nåbar).`);
    });
  });
  const dup = (ids: string[], what: string) => {
    const seen = new Set<string>();
    for (const id of ids) {
      if (seen.has(id)) err('duplicate', `${what} har id "${id}" mer än en gång.`);
      seen.add(id);
    }
  };
  dup(pr.demand.map((d) => d.id), 'demand');
  dup(pr.sites.map((s) => s.id), 'sites');
  if ((pr.model === 'mclp' || pr.model === 'pmedian' || pr.model === 'pcenter') && pr.p === undefined) err('missing', `Modellen ${pr.model} kräver "p" (antal nya platser).`);
  if ((pr.model === 'mclp' || pr.model === 'lscp') && pr.radius === undefined) err('missing', `Modellen ${pr.model} kräver "radius".`);
  if (pr.model !== 'lscp' && pr.target_share !== undefined) err('unexpected', '"target_share" gäller bara lscp.');
  return { value: issues.length ? null : pr, issues };
}
