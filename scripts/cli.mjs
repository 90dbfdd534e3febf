#!/usr/bin/env node
/**
 * Starts the analyst CLI from its pre-built bundle (`dist-cli/cli.mjs`, see vite.cli.config.ts).
 * When the bundle is missing or older than any source it is built first (a few seconds, once),
 * so `npm run cli` is right after a fresh clone and after every edit. Plain JavaScript: nothing is
 * transpiled at start.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, 'dist-cli', 'cli.mjs');

/** Newest modification time (ms) of the files the bundle is built from. */
function newestSource() {
  let newest = 0;
  const visit = (p) => {
    const st = statSync(p, { throwIfNoEntry: false });
    if (!st) return;
    if (st.isDirectory()) for (const e of readdirSync(p)) visit(join(p, e));
    else if (st.mtimeMs > newest) newest = st.mtimeMs;
  };
  for (const p of ['src', 'scripts/cli.ts', 'vite.cli.config.ts', 'package-lock.json']) visit(join(root, p));
  return newest;
}

if (!existsSync(bundle) || statSync(bundle).mtimeMs < newestSource()) {
  process.stderr.write('Bygger CLI:t (dist-cli/cli.mjs) …\n');
  execFileSync(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'vite.cli.config.ts'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
}
await import(pathToFileURL(bundle).href);
