/** Analyst CLI: `npm run --silent cli -- <coverage|score|validate> [options]`. See src/cli/main.ts. */
import { runCli } from '../src/cli/main';

process.exitCode = runCli(process.argv.slice(2));
