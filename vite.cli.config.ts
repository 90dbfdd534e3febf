import { defineConfig } from 'vite';

/**
 * The analyst CLI as one pre-built Node module (`dist-cli/cli.mjs`) from the same sources as the
 * app: no TypeScript is transpiled when the CLI runs, and only the code the CLI reaches is loaded
 * (Turf, for one, is tree-shaken to the few functions the data build uses). Dependencies are
 * bundled except `highs`, whose loader finds its WebAssembly file next to itself in node_modules,
 * and `playwright-core` (a large driver with its own files, for `report` only).
 * Built by `npm run build:cli` (run by `npm ci` through `prepare`, and by `scripts/cli.mjs` when
 * the bundle is missing or older than the sources).
 */
export default defineConfig({
  logLevel: 'warn',
  publicDir: false,
  build: {
    ssr: 'scripts/cli.ts',
    outDir: 'dist-cli',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: false,
    reportCompressedSize: false,
    rollupOptions: { output: { entryFileNames: 'cli.mjs', format: 'es' } },
  },
  // playwright-core (the `report` command's browser driver) stays an import from node_modules and
  // loads only in that command's chunk.
  ssr: { target: 'node', noExternal: true, external: ['highs', 'playwright-core'] },
});
