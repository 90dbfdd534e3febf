import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// One config for the app build and both test projects.
// Unit tests run in Node; end-to-end tests drive Debian's Chromium against the built app.
export default defineConfig({
  plugins: [react()],
  base: './',
  build: {
    target: 'es2022',
    // The start chunk is mostly maplibre-gl and react-dom; HiGHS (3,5 MB wasm), the optimisation
    // worker and presentation mode load on demand.
    chunkSizeWarningLimit: 1700,
  },
  worker: { format: 'es' },
  server: { port: 5173 },
  preview: { port: 4173, strictPort: true },
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
