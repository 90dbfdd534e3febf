import { defineConfig, type Plugin } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { START_DATA_FILES } from './src/io/dataFiles.ts';

/**
 * The built app's content security policy: scripts, workers and connections from its own origin
 * only; WebAssembly for the HiGHS solver ('wasm-unsafe-eval', no other eval); images from itself
 * and data:/blob: (composed exports). The OpenStreetMap tile server is the one outside address,
 * used only when the planner switches the background map on (the app makes no request to it
 * before; an end-to-end test checks that). Served as a header by `vite preview` (so it governs the
 * workers too) and as a meta tag in the built index.html (for any static host).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "connect-src 'self' https://tile.openstreetmap.org",
  "img-src 'self' data: blob: https://tile.openstreetmap.org",
  "style-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

/** Adds the policy as a meta tag to the built index.html (not in dev: Vite's dev server injects inline scripts). */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' }],
  };
}

/**
 * Preloads the data files the first map needs, so the browser fetches them while it parses and
 * runs the JavaScript (the app's `fetch` then takes the preloaded responses). `crossorigin`
 * matches fetch()'s default same-origin credentials, so the preloads are reused, not fetched twice.
 */
function preloadData(): Plugin {
  return {
    name: 'preload-data',
    transformIndexHtml: () =>
      Object.values(START_DATA_FILES).map((file) => ({ tag: 'link', attrs: { rel: 'preload', as: 'fetch', crossorigin: 'anonymous', href: `./data/${file}` }, injectTo: 'head' as const })),
  };
}

// One config for the app build and both test projects.
// Unit tests run in Node; end-to-end tests drive Debian's Chromium against the built app.
export default defineConfig({
  plugins: [react(), contentSecurityPolicy(), preloadData()],
  base: './',
  build: {
    target: 'es2022',
    // The start chunk is mostly maplibre-gl and react-dom; HiGHS (3,5 MB wasm), the optimisation
    // worker and presentation mode load on demand.
    chunkSizeWarningLimit: 1700,
  },
  worker: { format: 'es' },
  server: { port: 5173 },
  preview: { port: 4173, strictPort: true, headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
