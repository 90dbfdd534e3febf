/** Analyst CLI: `npm run --silent cli -- <coverage|score|validate> [options]`. See src/cli/main.ts. */
import { runCliAsync } from '../src/cli/main';

process.exitCode = await runCliAsync(process.argv.slice(2));
