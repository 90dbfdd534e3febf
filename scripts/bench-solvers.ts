/**
 * Solver benchmark (issue 16): the project's solver CLI against PuLP + CBC on the same problems,
 * side by side in one run. Run: `npx tsx scripts/bench-solvers.ts [options]`:
 *   --quick         leave out the 6 000 × 1 000 cases
 *   --only NAME     only cases whose name contains NAME (or the group: reference, dalarna, synthetic)
 *   --time-limit S  solve time limit for both sides (default 300 s)
 *   --repeat N      runs under 10 s are repeated N times, the median reported (default 3)
 *   --as-built      use dist-cli/cli.mjs as it is (default: brought up to date with the sources first)
 *   --keep          keep the problem files;  --out FILE  write every result as JSON
 * PuLP + CBC are Debian's: `apt-get install -y python3-pulp coinor-cbc` (the run says so when
 * they are missing, and then shows the project's times only).
 *
 * Every problem is written as the CLI's solve JSON (src/io/solveJson.ts) to a temporary folder,
 * then solved, one process at a time, by
 * - the project: `node dist-cli/cli.mjs solve FILE` when that bundle exists (a copy made at the
 *   start, see frozenProjectCommand), else `tsx scripts/cli.ts solve FILE` (the project's tsx);
 * - PuLP + CBC: `/usr/bin/python3 scripts/pulp/solve.py FILE`, the formulations of spopt's
 *   `spopt.locate` classes written with PuLP and solved by Debian's CBC (see that file).
 * Both are timed whole-process (spawn to exit, wall clock), so start-up, reading the JSON and
 * building the model count; a line before the table gives each side's start-up on a 1 × 1 problem.
 * Each solve gets the same time limit (`time_limit_s` in the JSON for the project, CBC's `sec`
 * for PuLP); a process still running a minute after it is killed and reported as
 * "no answer in N s". Nothing here is asserted; the unit test (test/unit/benchSolvers.test.ts)
 * checks the problem builders and the table formatting only.
 *
 * Cases:
 * - `reference`: synthetic, the size of spopt's reference problem (205 demand × 16 sites), p = 4;
 * - `dalarna`: the real data as the app builds it (175 DeSO, need-weighted children 0–6, the 9
 *   existing family centres fixed, 29 vårdcentraler + 108 tätorter as candidates, road-network
 *   minutes, T = 20 min), MCLP / p-median / p-center for p = 1…5 and LSCP (90 % of the weight,
 *   and every unit when that is possible);
 * - `synthetic`: 6 000 demand × 1 000 sites (MCLP p = 5, 10, 20; p-median p = 10; p-center
 *   p = 10); skipped by `--quick`.
 *
 * The synthetic generator (below, seeded): points uniform in a square of `sideKm`, integer
 * weights 1–100, cost = euclidean distance / `speedKmh` in minutes, rounded to 0.01 min; every
 * pair is reachable. The same seed gives the same JSON, byte for byte.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { ModelKind, SolveProblem } from '../src/domain/optimise/problem';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const PYTHON = '/usr/bin/python3';
export const PULP_SCRIPT = join(ROOT, 'scripts', 'pulp', 'solve.py');
export const INSTALL_HINT = 'apt-get install -y python3-pulp coinor-cbc';

// ---------------------------------------------------------------------------------------------
// Synthetic problems

/** Seeded uniform numbers in [0, 1) (mulberry32, as scripts/bench.ts). */
export function rng(seed: number): () => number {
  let s = seed | 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticSpec {
  seed: number;
  demand: number;
  sites: number;
  /** Side of the square, km. */
  sideKm: number;
  /** Straight-line speed, km/h. */
  speedKmh: number;
}

export interface SyntheticData {
  demand: { id: string; weight: number }[];
  sites: { id: string }[];
  /** Minutes, rounded to 0.01. */
  cost: number[][];
}

/**
 * Seeded synthetic demand and sites: demand points, then sites, uniform in the square; weights
 * are integers 1–100; cost = euclidean km / speed × 60, rounded to 0.01 minutes.
 */
export function syntheticData(spec: SyntheticSpec): SyntheticData {
  const r = rng(spec.seed);
  const pts = Array.from({ length: spec.demand }, (_, i) => ({ id: `d${i}`, x: r() * spec.sideKm, y: r() * spec.sideKm, weight: 1 + Math.floor(r() * 100) }));
  const sts = Array.from({ length: spec.sites }, (_, j) => ({ id: `s${j}`, x: r() * spec.sideKm, y: r() * spec.sideKm }));
  const perKm = 60 / spec.speedKmh;
  const cost = pts.map((d) => sts.map((s) => Math.round(Math.hypot(d.x - s.x, d.y - s.y) * perKm * 100) / 100));
  return { demand: pts.map((d) => ({ id: d.id, weight: d.weight })), sites: sts.map((s) => ({ id: s.id })), cost };
}

/** A solve problem over synthetic data (shared between the cases of one size). */
export function syntheticProblem(data: SyntheticData, model: ModelKind, opts: { p?: number; radius?: number; targetShare?: number; timeLimitS?: number }): SolveProblem {
  return {
    model,
    ...(opts.p !== undefined ? { p: opts.p } : {}),
    ...(opts.radius !== undefined ? { radius: opts.radius } : {}),
    ...(opts.targetShare !== undefined ? { target_share: opts.targetShare } : {}),
    demand: data.demand,
    sites: data.sites,
    cost: data.cost,
    ...(opts.timeLimitS !== undefined ? { time_limit_s: opts.timeLimitS } : {}),
  };
}

/** The problem as the CLI reads it (compact JSON; the same problem gives the same text). */
export function problemJson(pr: SolveProblem): string {
  return JSON.stringify(pr);
}

// ---------------------------------------------------------------------------------------------
// Cases

export interface BenchCase {
  /** Group: reference, dalarna, synthetic. */
  group: string;
  /** Unique name, e.g. "dalarna-pmedian-p3". */
  name: string;
  /** Size shown in the table, e.g. "175×146". */
  size: string;
  model: ModelKind;
  /** p, or for LSCP the target ("90 %", "all"). */
  label: string;
  problem: () => SolveProblem;
}

export const REFERENCE: SyntheticSpec = { seed: 205, demand: 205, sites: 16, sideKm: 10, speedKmh: 30 };
export const REFERENCE_RADIUS = 5;
export const REFERENCE_LSCP_RADIUS = 10;
export const LARGE: SyntheticSpec = { seed: 6000, demand: 6000, sites: 1000, sideKm: 100, speedKmh: 50 };
export const LARGE_RADIUS = 20;

/** The synthetic cases: spopt's reference size, and (unless `quick`) 6 000 × 1 000. */
export function syntheticCases(timeLimitS: number, quick: boolean): BenchCase[] {
  const out: BenchCase[] = [];
  let ref: SyntheticData | null = null;
  const refData = () => (ref ??= syntheticData(REFERENCE));
  const refSize = `${REFERENCE.demand}×${REFERENCE.sites}`;
  for (const model of ['mclp', 'pmedian', 'pcenter'] as const) {
    out.push({ group: 'reference', name: `reference-${model}-p4`, size: refSize, model, label: 'p=4', problem: () => syntheticProblem(refData(), model, { p: 4, radius: REFERENCE_RADIUS, timeLimitS }) });
  }
  out.push({ group: 'reference', name: 'reference-lscp', size: refSize, model: 'lscp', label: `all ≤${REFERENCE_LSCP_RADIUS}`, problem: () => syntheticProblem(refData(), 'lscp', { radius: REFERENCE_LSCP_RADIUS, timeLimitS }) });
  if (quick) return out;
  let large: SyntheticData | null = null;
  const largeData = () => (large ??= syntheticData(LARGE));
  const largeSize = `${LARGE.demand}×${LARGE.sites}`;
  for (const p of [5, 10, 20]) {
    out.push({ group: 'synthetic', name: `synthetic-mclp-p${p}`, size: largeSize, model: 'mclp', label: `p=${p}`, problem: () => syntheticProblem(largeData(), 'mclp', { p, radius: LARGE_RADIUS, timeLimitS }) });
  }
  out.push({ group: 'synthetic', name: 'synthetic-pmedian-p10', size: largeSize, model: 'pmedian', label: 'p=10', problem: () => syntheticProblem(largeData(), 'pmedian', { p: 10, timeLimitS }) });
  out.push({ group: 'synthetic', name: 'synthetic-pcenter-p10', size: largeSize, model: 'pcenter', label: 'p=10', problem: () => syntheticProblem(largeData(), 'pcenter', { p: 10, timeLimitS }) });
  return out;
}

/**
 * The Dalarna cases, built from the shared data the way the app builds a suggestion request:
 * DeSO demand (children 0–6 × the need weight of the default scenario), today's sites fixed,
 * the 29 vårdcentraler and 108 tätorter as candidates, road-network minutes, T = 20 min.
 */
export async function dalarnaCases(timeLimitS: number, note: (text: string) => void = console.log): Promise<BenchCase[]> {
  const { readRawInputs } = await import('../src/cli/rawInputs');
  const { buildDataset } = await import('../src/domain/dataset');
  const { DEFAULT_PARAMS } = await import('../src/domain/scenario');
  const { todaySites } = await import('../src/domain/siteSets');
  const { healthCentreCandidates, tatortCandidates } = await import('../src/domain/optimise/candidateSets');
  const { siteProblem } = await import('../src/domain/optimise/fromScenario');
  const { needWeightOf } = await import('../src/domain/need/demand');
  const { roadGraph } = await import('../src/domain/network/graph');
  const { NetworkRouter } = await import('../src/domain/network/router');
  const { toInstance, coverableMask } = await import('../src/domain/optimise/problem');

  const ds = buildDataset(readRawInputs());
  const router = new NetworkRouter(roadGraph(ds.roadGraph));
  const params = DEFAULT_PARAMS;
  const fixed = todaySites(ds.familyCentres, params.include);
  const candidates = [
    ...healthCentreCandidates(ds.healthCentres),
    ...tatortCandidates(ds.tatorter.features.map((f) => ({ code: f.properties.tatort_code, name: f.properties.name, kommun_code: f.properties.kommun_code, lon: f.geometry.coordinates[0], lat: f.geometry.coordinates[1] }))),
  ];
  const base = siteProblem({
    model: 'mclp',
    demand: ds.demand.deso,
    fixed,
    candidates,
    travel: params.travel,
    router,
    thresholdMinutes: params.thresholdMinutes,
    deprivationWeights: params.deprivationWeights,
    omradestypYear: params.omradestypYear,
    needWeight: needWeightOf(params, null),
    timeLimitS,
  });
  const size = `${base.demand.length}×${base.sites.length}`;
  const { p: _p, ...rest } = base;
  const out: BenchCase[] = [];
  for (const model of ['mclp', 'pmedian', 'pcenter'] as const) {
    for (let p = 1; p <= 5; p++) {
      out.push({ group: 'dalarna', name: `dalarna-${model}-p${p}`, size, model, label: `p=${p}`, problem: () => ({ ...rest, model, p }) });
    }
  }
  out.push({ group: 'dalarna', name: 'dalarna-lscp-90', size, model: 'lscp', label: '90 %', problem: () => ({ ...rest, model: 'lscp', target_share: 0.9 }) });
  const coverable = coverableMask(toInstance({ ...rest, model: 'lscp' }));
  if (base.demand.every((d, i) => coverable[i] || !(d.weight > 0))) {
    out.push({ group: 'dalarna', name: 'dalarna-lscp-all', size, model: 'lscp', label: 'all', problem: () => ({ ...rest, model: 'lscp' }) });
  } else {
    note(`(Dalarna: LSCP for every unit is left out: ${base.demand.filter((d, i) => !coverable[i] && d.weight > 0).length} DeSO have no candidate or fixed site within ${params.thresholdMinutes} min.)`);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Running a solver process

/** What one solver process gave. */
export interface RunOutcome {
  /** Wall clock, spawn to exit, seconds. */
  seconds: number;
  /** `answer` = parsed JSON, `timeout` = killed at the wall limit, `error` = failed. */
  kind: 'answer' | 'timeout' | 'error';
  status?: string;
  objective?: number | null;
  gap?: number | null;
  /** Error text (stderr's last line, or the reason). */
  error?: string;
  /** Wall limit, seconds (for "no answer in N s"). */
  limitS?: number;
  /** The solver's own time inside the process, seconds (project: elapsed_ms; PuLP: cbc_ms). */
  innerS?: number | null;
  /** Runs the time is the median of. */
  runs?: number;
}

export interface Command {
  label: string;
  cmd: string;
  args: string[];
  env?: Record<string, string>;
}

/** The project's solve command: the bundled CLI when built, else tsx on scripts/cli.ts. */
export function projectCommand(root = ROOT): Command {
  const bundle = join(root, 'dist-cli', 'cli.mjs');
  if (existsSync(bundle)) return { label: 'node dist-cli/cli.mjs solve FILE', cmd: process.execPath, args: [bundle, 'solve'] };
  const tsx = join(root, 'node_modules', '.bin', 'tsx');
  if (existsSync(tsx)) return { label: 'tsx scripts/cli.ts solve FILE (node_modules/.bin/tsx)', cmd: tsx, args: [join(root, 'scripts', 'cli.ts'), 'solve'] };
  return { label: 'npx tsx scripts/cli.ts solve FILE', cmd: 'npx', args: ['tsx', join(root, 'scripts', 'cli.ts'), 'solve'] };
}

/**
 * The project's command for a whole run: when the bundle is used, it is first brought up to date
 * with the sources (`node scripts/cli.mjs --help` rebuilds it when older than them, as `npm run cli`
 * does) and then copied beside the project's node_modules, so that a rebuild during the run (by
 * anyone's `npm run cli`) cannot change the code being measured. `cleanup` removes the copy.
 */
export function frozenProjectCommand(root = ROOT, rebuild = true): { command: Command; note: string; cleanup: () => void } {
  const c = projectCommand(root);
  const bundle = join(root, 'dist-cli', 'cli.mjs');
  if (c.args[0] !== bundle) return { command: c, note: '', cleanup: () => {} };
  let note = '';
  const launcher = join(root, 'scripts', 'cli.mjs');
  if (rebuild && existsSync(launcher)) {
    const before = statSync(bundle).mtimeMs;
    const r = spawnSync(process.execPath, [launcher, '--help'], { cwd: root, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`could not bring dist-cli/cli.mjs up to date: ${r.stderr}`);
    note = statSync(bundle).mtimeMs !== before ? 'rebuilt from the sources now' : 'up to date with the sources';
  } else if (!rebuild) {
    note = `as built ${new Date(statSync(bundle).mtimeMs).toISOString()}`;
  }
  const dir = join(root, 'node_modules', '.cache', 'fcp-bench-solvers');
  mkdirSync(dir, { recursive: true });
  // The bundle is cli.mjs and its chunks (dist-cli/assets): the whole folder is copied.
  const copyDir = join(dir, `cli-${process.pid}`);
  cpSync(dirname(bundle), copyDir, { recursive: true });
  const copy = join(copyDir, 'cli.mjs');
  return { command: { ...c, args: [copy, ...c.args.slice(1)] }, note: `bundle ${note ? note + ', ' : ''}copied for this run`, cleanup: () => rmSync(copyDir, { recursive: true, force: true }) };
}

export function pulpCommand(): Command {
  return { label: `${PYTHON} scripts/pulp/solve.py FILE`, cmd: PYTHON, args: [PULP_SCRIPT] };
}

/** Whether Debian's PuLP and CBC are there (null) or what is missing. */
export function pulpMissing(): string | null {
  if (!existsSync(PYTHON)) return `${PYTHON} is missing`;
  const r = spawnSync(PYTHON, ['-c', 'import pulp'], { encoding: 'utf8' });
  if (r.status !== 0) return 'python3-pulp is missing';
  if (!existsSync('/usr/bin/cbc')) return 'coinor-cbc (/usr/bin/cbc) is missing';
  return null;
}

/** Process groups of the solvers running now (each is spawned detached, so that a kill reaches CBC too). */
const running = new Set<number>();

function killGroup(pid: number): void {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    /* already gone */
  }
}

/** On Ctrl-C or a kill, the running solvers go too (they are in their own process groups). */
function stopSolversOnSignal(): void {
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.on(sig, () => {
      for (const pid of running) killGroup(pid);
      process.exit(130);
    });
  }
}

/** Runs `cmd args… file`, timing the whole process; kills it (and its children) after `wallS`. */
export function runSolver(c: Command, file: string, wallS: number): Promise<RunOutcome> {
  return new Promise((res) => {
    const t0 = performance.now();
    const child = spawn(c.cmd, [...c.args, file], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], detached: true, env: { ...process.env, ...c.env } });
    let out = '';
    let err = '';
    let killed = false;
    if (child.pid) running.add(child.pid);
    child.stdout.on('data', (b) => (out += b));
    child.stderr.on('data', (b) => {
      err += b;
      if (err.length > 100_000) err = err.slice(-50_000);
    });
    const timer = setTimeout(() => {
      killed = true;
      killGroup(child.pid!); // the process group: CBC too
    }, wallS * 1000);
    child.on('error', (e) => {
      clearTimeout(timer);
      res({ seconds: (performance.now() - t0) / 1000, kind: 'error', error: e.message });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (child.pid) running.delete(child.pid);
      const seconds = (performance.now() - t0) / 1000;
      if (killed) return res({ seconds, kind: 'timeout', limitS: wallS });
      res(parseAnswer(out, err, code, seconds));
    });
  });
}

/** Runs shorter than this (seconds) are repeated and the median is reported. */
export const REPEAT_BELOW_S = 10;

/** Runs a solver once, and when it answered in under REPEAT_BELOW_S, `repeat` − 1 more times; the median run. */
export async function runTimed(c: Command, file: string, wallS: number, repeat: number): Promise<RunOutcome> {
  const first = await runSolver(c, file, wallS);
  if (repeat <= 1 || first.kind !== 'answer' || first.seconds >= REPEAT_BELOW_S) return { ...first, runs: 1 };
  const all = [first];
  for (let k = 1; k < repeat; k++) all.push(await runSolver(c, file, wallS));
  return { ...medianRun(all), runs: all.length };
}

/** The run with the median wall time (the lower middle one for an even count). */
export function medianRun(runs: readonly RunOutcome[]): RunOutcome {
  const sorted = [...runs].sort((a, b) => a.seconds - b.seconds);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

/** Reads a solver's stdout JSON into an outcome. */
export function parseAnswer(stdout: string, stderr: string, code: number | null, seconds: number): RunOutcome {
  const lastLine = (s: string) => s.trim().split('\n').filter(Boolean).pop() ?? '';
  const lastError = (s: string) => [...s.matchAll(/([A-Z]\w*(?:Error|Exception)): ([^\n]{0,120})/g)].pop()?.slice(1).join(': ').replace(/\. Build with -sASSERTIONS.*$/, '') ?? null;
  try {
    const j = JSON.parse(stdout) as { status?: string; objective?: number | null; gap?: number | null; error?: string; elapsed_ms?: number; cbc_ms?: number };
    if (typeof j.status !== 'string') throw new Error('no status');
    const inner = typeof j.cbc_ms === 'number' ? j.cbc_ms : typeof j.elapsed_ms === 'number' ? j.elapsed_ms : null;
    return { seconds, kind: j.status === 'error' ? 'error' : 'answer', status: j.status, objective: j.objective ?? null, gap: j.gap ?? null, innerS: inner === null ? null : inner / 1000, ...(j.error ? { error: j.error } : {}) };
  } catch {
    return { seconds, kind: 'error', error: `exit ${code}: ${lastError(stderr) ?? (lastLine(stderr) || lastLine(stdout) || 'no output')}`.slice(0, 200) };
  }
}

// ---------------------------------------------------------------------------------------------
// The table

export interface Row {
  name: string;
  group: string;
  size: string;
  model: ModelKind;
  label: string;
  project: RunOutcome;
  /** null when PuLP + CBC are not installed. */
  pulp: RunOutcome | null;
}

const hasObjective = (o: RunOutcome | null): o is RunOutcome & { objective: number } =>
  !!o && o.kind === 'answer' && typeof o.objective === 'number' && Number.isFinite(o.objective) && (o.status === 'optimal' || o.status === 'feasible');

/** Objectives equal within a relative tolerance of 1e-6 (absolute 1e-6 near 0). */
export function sameObjective(a: number, b: number, rel = 1e-6): boolean {
  return Math.abs(a - b) <= rel * Math.max(1, Math.abs(a), Math.abs(b));
}

/**
 * Whether the two objectives agree: "yes" (equal, both proven optimal), "NO" (both proven but
 * different: one of the solvers is wrong), "equal" (equal, one not proven), "project better" /
 * "CBC better" (one not proven), "both infeasible", or "–" when there is nothing to compare.
 */
export function agreement(model: ModelKind, project: RunOutcome, pulp: RunOutcome | null): string {
  if (!pulp) return '–';
  const inf = (o: RunOutcome) => o.kind === 'answer' && o.status === 'infeasible';
  if (inf(project) && inf(pulp)) return 'both infeasible';
  if (!hasObjective(project) || !hasObjective(pulp)) {
    if (inf(project) !== inf(pulp) && project.kind === 'answer' && pulp.kind === 'answer') return 'NO (feasibility)';
    return '–';
  }
  const a = project.objective;
  const b = pulp.objective;
  const proven = project.status === 'optimal' && pulp.status === 'optimal';
  if (sameObjective(a, b)) return proven ? 'yes' : 'equal';
  if (proven) return `NO (Δ ${fmtNum(a - b)})`;
  const projectBetter = model === 'mclp' ? a > b : a < b;
  return projectBetter ? 'project better' : 'CBC better';
}

/** Proven: optimal or infeasible (the solver finished rather than stopping at its time limit). */
const finished = (o: RunOutcome): boolean => o.kind === 'answer' && (o.status === 'optimal' || o.status === 'infeasible');
/** Stopped at the time limit: an unproven answer, or killed. */
const stopped = (o: RunOutcome): boolean => o.kind === 'timeout' || (o.kind === 'answer' && !finished(o));

/**
 * CBC seconds / project seconds when both finished; ">x" when only the project finished (CBC would
 * have needed longer), "<x" when only CBC finished, "both at limit" when neither did, "–" when one failed.
 */
export function ratioText(project: RunOutcome, pulp: RunOutcome | null): string {
  if (!pulp || !(project.seconds > 0) || project.kind !== 'answer' || pulp.kind === 'error') return '–';
  const r = pulp.seconds / project.seconds;
  if (finished(project) && finished(pulp)) return r.toFixed(2);
  if (finished(project) && stopped(pulp)) return `>${r.toFixed(1)}`;
  if (stopped(project) && finished(pulp)) return `<${r.toFixed(2)}`;
  return 'both at limit';
}

/** The ratio when both finished (used in the summary), else null. */
export function ratioValue(project: RunOutcome, pulp: RunOutcome | null): number | null {
  if (!pulp || !finished(project) || !finished(pulp) || !(project.seconds > 0)) return null;
  return pulp.seconds / project.seconds;
}

/** A number with up to 6 significant digits, no exponent for the sizes seen here. */
export function fmtNum(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '–';
  if (Number.isInteger(x)) return String(x);
  const a = Math.abs(x);
  const d = a >= 1e5 ? 1 : a >= 1e3 ? 2 : a >= 1 ? 4 : 6;
  return String(Number(x.toFixed(d)));
}

export function secondsText(o: RunOutcome | null): string {
  if (!o) return '–';
  if (o.kind === 'timeout') return `>${o.limitS}`;
  return o.seconds.toFixed(2);
}

export function innerText(o: RunOutcome | null): string {
  return o && o.kind === 'answer' && typeof o.innerS === 'number' ? o.innerS.toFixed(2) : '–';
}

/** "optimal", "feasible, gap 1.2 %", "infeasible", "no answer in N s", "error: …". */
export function statusText(o: RunOutcome | null): string {
  if (!o) return 'not installed';
  if (o.kind === 'timeout') return `no answer in ${o.limitS} s`;
  if (o.kind === 'error') return `error: ${o.error ?? ''}`.slice(0, 60);
  if (o.status === 'feasible') return `feasible, gap ${o.gap === null || o.gap === undefined ? '?' : (o.gap * 100).toFixed(2) + ' %'}`;
  return o.status ?? '?';
}

const COLUMNS = ['case', 'size', 'model', 'p', 'project s', 'PuLP+CBC s', 'ratio', 'in-process s (project / CBC)', 'objective project', 'objective CBC', 'status project', 'status CBC', 'agree'] as const;

export function tableRows(rows: readonly Row[]): string[][] {
  return rows.map((r) => [r.group, r.size, r.model, r.label, secondsText(r.project), secondsText(r.pulp), ratioText(r.project, r.pulp), `${innerText(r.project)} / ${innerText(r.pulp)}`, fmtNum(hasObjective(r.project) ? r.project.objective : null), fmtNum(hasObjective(r.pulp) ? r.pulp.objective : null), statusText(r.project), statusText(r.pulp), agreement(r.model, r.project, r.pulp)]);
}

/** The result table as aligned text (numbers right-aligned). */
export function formatTable(rows: readonly Row[]): string {
  const body = tableRows(rows);
  const all = [[...COLUMNS], ...body];
  const widths = COLUMNS.map((_, c) => Math.max(...all.map((r) => r[c].length)));
  const right = new Set([4, 5, 6, 7, 8, 9]);
  const line = (r: string[]) => r.map((v, c) => (right.has(c) ? v.padStart(widths[c]) : v.padEnd(widths[c]))).join('  ').trimEnd();
  return [line(all[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

/** Geometric mean of the CBC / project ratios per group (rows where both finished). */
export function ratioSummary(rows: readonly Row[]): { group: string; n: number; geomean: number; min: number; max: number }[] {
  const groups = [...new Set(rows.map((r) => r.group))];
  const out: { group: string; n: number; geomean: number; min: number; max: number }[] = [];
  for (const g of groups) {
    const rs = rows.filter((r) => r.group === g).map((r) => ratioValue(r.project, r.pulp)).filter((x): x is number => x !== null);
    if (!rs.length) continue;
    out.push({ group: g, n: rs.length, geomean: Math.exp(rs.reduce((s, x) => s + Math.log(x), 0) / rs.length), min: Math.min(...rs), max: Math.max(...rs) });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Main

interface Options {
  quick: boolean;
  only: string | null;
  timeLimitS: number;
  out: string | null;
  repeat: number;
  keep: boolean;
  /** Use dist-cli/cli.mjs as it is, without bringing it up to date with the sources first. */
  asBuilt: boolean;
}

export function parseOptions(argv: readonly string[]): Options {
  const o: Options = { quick: false, only: null, timeLimitS: 300, out: null, repeat: 3, keep: false, asBuilt: false };
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k];
    if (a === '--quick') o.quick = true;
    else if (a === '--only') o.only = argv[++k] ?? null;
    else if (a === '--time-limit') o.timeLimitS = Number(argv[++k]);
    else if (a === '--out') o.out = argv[++k] ?? null;
    else if (a === '--repeat') o.repeat = Number(argv[++k]);
    else if (a === '--keep') o.keep = true;
    else if (a === '--as-built') o.asBuilt = true;
    else throw new Error(`unknown option ${a}; options: --quick, --only NAME, --time-limit S, --repeat N, --keep, --as-built, --out FILE`);
  }
  if (!(o.timeLimitS > 0)) throw new Error('--time-limit needs a positive number of seconds');
  if (!(Number.isInteger(o.repeat) && o.repeat >= 1)) throw new Error('--repeat needs a whole number ≥ 1');
  return o;
}

/** Cases whose name or group contains `only` (all when null). */
export function selectCases(cases: readonly BenchCase[], only: string | null): BenchCase[] {
  return only ? cases.filter((c) => c.name.includes(only) || c.group === only) : [...cases];
}

/** Extra wall time, seconds, beyond the solve time limit before a process is killed. */
export const GRACE_S = 60;

async function main(): Promise<void> {
  const opts = parseOptions(process.argv.slice(2));
  stopSolversOnSignal();
  const frozen = frozenProjectCommand(ROOT, !opts.asBuilt);
  process.on('exit', frozen.cleanup);
  const project = frozen.command;
  const missing = pulpMissing();
  const dir = mkdtempSync(join(tmpdir(), 'fcp-bench-solvers-'));
  if (!opts.keep) process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  // PuLP's model files go to the same folder (removed at the end unless --keep), also when a run is killed.
  const pulp = missing ? null : { ...pulpCommand(), env: { TMPDIR: dir } };
  console.log(`Solver benchmark: the project's CLI against PuLP + CBC (spopt's formulations), whole-process wall clock.`);
  const git = spawnSync('git', ['describe', '--always', '--dirty'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim();
  console.log(`Project: ${project.label}${frozen.note ? ` (${frozen.note})` : ''}; sources at ${git || 'unknown commit'}`);
  if (pulp) console.log(`PuLP + CBC: ${pulp.label}  (${spawnSync(PYTHON, ['-c', 'import pulp; print("PuLP", pulp.__version__)'], { encoding: 'utf8' }).stdout.trim()}, ${spawnSync('/usr/bin/cbc', ['-quit'], { encoding: 'utf8' }).stdout.match(/Version: *(\S+)/)?.[0] ?? 'CBC'})`);
  else console.log(`PuLP + CBC: not compared (${missing}). Install them with:\n  ${INSTALL_HINT}\nthen run again; only the project's times are shown now.`);
  console.log(`Time limit per solve ${opts.timeLimitS} s (project: time_limit_s; CBC: sec); a process is killed after ${opts.timeLimitS + GRACE_S} s. Runs under ${REPEAT_BELOW_S} s: median of ${opts.repeat}.`);
  const wall = opts.timeLimitS + GRACE_S;

  // Start-up cost of each side on a 1 × 1 problem.
  {
    const file = join(dir, 'startup.json');
    writeFileSync(file, problemJson({ model: 'pmedian', p: 1, demand: [{ id: 'd', weight: 1 }], sites: [{ id: 's' }], cost: [[1]] }));
    const a = await runTimed(project, file, wall, opts.repeat);
    const b = pulp ? await runTimed(pulp, file, wall, opts.repeat) : null;
    console.log(`Start-up (1 × 1 p-median): project ${secondsText(a)} s${b ? `, PuLP + CBC ${secondsText(b)} s` : ''}`);
  }

  const synthetic = syntheticCases(opts.timeLimitS, opts.quick);
  const needsDalarna = !opts.only || !/^(reference|synthetic)/.test(opts.only);
  const cases = selectCases([...synthetic.filter((c) => c.group === 'reference'), ...(needsDalarna ? await dalarnaCases(opts.timeLimitS) : []), ...synthetic.filter((c) => c.group !== 'reference')], opts.only);
  if (!cases.length) throw new Error(`no case matches --only ${opts.only}`);
  console.log(`Problem files: ${dir}${opts.keep ? '' : ' (removed at the end; --keep keeps them)'}\n`);

  const rows: Row[] = [];
  for (const c of cases) {
    const file = join(dir, `${c.name}.json`);
    writeFileSync(file, problemJson(c.problem()));
    const a = await runTimed(project, file, wall, opts.repeat);
    const b = pulp ? await runTimed(pulp, file, wall, opts.repeat) : null;
    const row: Row = { name: c.name, group: c.group, size: c.size, model: c.model, label: c.label, project: a, pulp: b };
    rows.push(row);
    process.stderr.write(`  ${c.name}: project ${secondsText(a)} s ${statusText(a)}${b ? `; CBC ${secondsText(b)} s ${statusText(b)}` : ''}\n`);
  }
  console.log(formatTable(rows));
  const summary = ratioSummary(rows);
  if (summary.length) {
    console.log('\nRatio CBC / project (whole process), geometric mean per group over the problems both solved to proven optimality (or infeasibility):');
    for (const s of summary) console.log(`  ${s.group.padEnd(10)} ${s.geomean.toFixed(2)}× over ${s.n} problems (min ${s.min.toFixed(2)}×, max ${s.max.toFixed(2)}×)`);
  }
  if (opts.out) {
    mkdirSync(dirname(resolve(opts.out)), { recursive: true });
    writeFileSync(opts.out, JSON.stringify({ project: project.label, pulp: pulp?.label ?? null, timeLimitS: opts.timeLimitS, rows }, null, 1) + '\n');
    console.log(`\nResults: ${opts.out}`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  });
}
