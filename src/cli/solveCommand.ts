import { setFlagsFromString } from 'node:v8';
import { parseArgs } from 'node:util';
import highsLoader, { type Highs } from 'highs';
import { solveMessageText } from '../i18n/messages';
import { solve } from '../domain/optimise/solve';
import { decodeText } from '../io/decode';
import { parseSolveJson } from '../io/solveJson';
import { nodeIO, printIssues, readInput, UsageError, type CliIO } from './io';

/**
 * The `solve` command on its own module: `scripts/cli.ts` loads only this (and HiGHS) for a
 * solve, not the data analysis the other commands need, so a one-off solve starts fast.
 */

/**
 * `solve FILE [--heuristic]`: reads a problem as JSON, prints the result as JSON. Exit 0 when a
 * result was produced (infeasible included), 2 on malformed input.
 */
export async function solveCommand(io: CliIO, file: string | undefined, heuristicOnly: boolean): Promise<number> {
  if (!file) throw new UsageError('solve kräver en JSON-fil.');
  const bytes = readInput(io, file);
  const dec = decodeText(bytes);
  const parsed = dec.value ? parseSolveJson(dec.value.text) : { value: null, issues: dec.issues };
  if (!parsed.value) {
    printIssues(io, file, parsed.issues);
    io.err(`${file}: problemet kan inte lösas som det är skrivet (se ovan). Formatet beskrivs i README.\n`);
    return 2;
  }
  if (!heuristicOnly && !highsPromise) chooseWasmTier(parsed.value.demand.length * parsed.value.sites.length);
  const highs = heuristicOnly ? null : await loadHighs();
  const result = solve(parsed.value, { highs, heuristicOnly });
  io.out(JSON.stringify(result.message_code ? { ...result, message: solveMessageText(result.message_code, result.message_params, 'sv') } : result, null, 1) + '\n');
  return 0;
}

/**
 * Demand × site pairs up to which a one-off solve compiles HiGHS with V8's baseline WebAssembly
 * compiler only. V8 otherwise recompiles hot functions with its optimising compiler in the
 * background, and the process waits for those compilations before it exits: 0,15–0,2 s on every
 * small solve (measured whole-process on spopt's reference size: 0,45 s → 0,22–0,25 s; Dalarna
 * DeSO problems 0,47–0,63 s → 0,27–0,32 s). Large solves run long enough for the optimised code
 * to pay off (6 000 × 1 000 MCLP: 20 s with it, 39 s baseline only), so they keep it.
 */
export const BASELINE_WASM_MAX_PAIRS = 1_000_000;

/** Sets V8's WebAssembly tiering for this process before HiGHS is compiled (see BASELINE_WASM_MAX_PAIRS). */
function chooseWasmTier(pairs: number): void {
  if (pairs <= BASELINE_WASM_MAX_PAIRS) setFlagsFromString('--liftoff-only');
}

let highsPromise: Promise<Highs> | null = null;
/** The HiGHS WebAssembly runtime for Node (loaded once). */
export function loadHighs(): Promise<Highs> {
  return (highsPromise ??= highsLoader());
}

/** `solve FILE [--heuristic]` from the command line: exit 0 with a result, 2 on a usage error or malformed input. */
export async function runSolveCli(argv: string[], io: CliIO = nodeIO): Promise<number> {
  try {
    const { values, positionals } = parseArgs({ args: argv, options: { heuristic: { type: 'boolean' } }, allowPositionals: true, strict: true });
    if (positionals.length > 2) throw new UsageError('solve tar en fil.');
    return await solveCommand(io, positionals[1], !!values.heuristic);
  } catch (e) {
    if (e instanceof UsageError || (e instanceof TypeError && 'code' in e && String((e as { code: unknown }).code).startsWith('ERR_PARSE_ARGS'))) {
      const { USAGE } = await import('./usage');
      io.err(`${e.message}\n\n${USAGE}`);
      return 2;
    }
    throw e;
  }
}
