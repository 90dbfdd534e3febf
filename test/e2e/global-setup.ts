import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { preview, type PreviewServer } from 'vite';

let server: PreviewServer | undefined;

/**
 * Serves the built app (dist/, or the folder in FCP_DIST, so that parallel work can test its own
 * build) on localhost for the end-to-end tests. `npm test` builds first.
 */
export async function setup(project: TestProject) {
  const root = resolve(import.meta.dirname, '../..');
  const outDir = resolve(root, process.env.FCP_DIST ?? 'dist');
  if (!existsSync(resolve(outDir, 'index.html'))) {
    throw new Error(`${outDir} saknar index.html: kör \`npm run build\` (npm test gör det) innan end-to-end-testerna.`);
  }
  server = await preview({ root, logLevel: 'error', build: { outDir }, preview: { port: 4173, strictPort: false, host: '127.0.0.1' } });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('preview server gave no URL');
  project.provide('baseUrl', url);
}

export async function teardown() {
  await server?.close();
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
