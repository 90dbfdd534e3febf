/**
 * Whole-process timings of the project's CLI and PuLP + CBC on the solver benchmark's cases (not a
 * test, not wired into npm scripts). Same problems and process timing as scripts/bench-solvers.ts,
 * but the project runs `node dist-cli/cli.mjs solve FILE` in place (the bundle loads its chunks
 * from dist-cli/assets, so it is not copied), after `node scripts/cli.mjs --help` has brought it up
 * to date with the sources:
 *   npx tsx test/perf/solver-process-timing.ts [NAME-FILTER] [TIME-LIMIT-S] [--no-cbc]
 * e.g. `npx tsx test/perf/solver-process-timing.ts synthetic-mclp 120`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, dalarnaCases, problemJson, projectCommand, pulpCommand, pulpMissing, runSolver, syntheticCases, type RunOutcome } from '../../scripts/bench-solvers';

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const filter = args[0] ?? 'synthetic-mclp';
const limit = Number(args[1] ?? 120);
const withCbc = !process.argv.includes('--no-cbc') && pulpMissing() === null;

const built = spawnSync(process.execPath, [join(ROOT, 'scripts', 'cli.mjs'), '--help'], { cwd: ROOT, encoding: 'utf8' });
if (built.status !== 0) throw new Error(`could not build dist-cli: ${built.stderr}`);
const project = projectCommand();
const cases = [...syntheticCases(limit, false), ...(filter.includes('dalarna') ? await dalarnaCases(limit) : [])].filter((c) => c.name.includes(filter));
const dir = mkdtempSync(join(tmpdir(), 'fcp-solver-timing-'));
const show = (o: RunOutcome) =>
  o.kind === 'answer' ? `${o.seconds.toFixed(2)} s ${o.status}${o.gap ? ` gap ${(o.gap * 100).toFixed(2)} %` : ''} obj ${o.objective} (inner ${o.innerS?.toFixed(2) ?? '–'} s)` : `${o.kind} ${o.error ?? ''} after ${o.seconds.toFixed(1)} s`;
try {
  console.log(`project: ${project.label}; time limit ${limit} s; CBC ${withCbc ? 'on' : 'off'}`);
  for (const c of cases) {
    const file = join(dir, `${c.name}.json`);
    writeFileSync(file, problemJson(c.problem()));
    const a = await runSolver(project, file, limit + 60);
    console.log(`${c.name.padEnd(24)} project ${show(a)}`);
    if (withCbc) {
      const b = await runSolver(pulpCommand(), file, limit + 60);
      console.log(`${''.padEnd(24)} CBC     ${show(b)}`);
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
