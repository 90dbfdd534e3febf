/**
 * Analyst CLI: `npm run --silent cli -- <coverage|score|validate|solve|route> [options]`. See
 * src/cli/main.ts. `solve` loads only its own module (src/cli/solveCommand.ts).
 */
const argv = process.argv.slice(2);
process.exitCode = argv[0] === 'solve' ? await (await import('../src/cli/solveCommand')).runSolveCli(argv) : await (await import('../src/cli/main')).runCliAsync(argv);
export {};
