import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';

/** The committed expected images. */
export const GOLDEN_DIR = resolve(import.meta.dirname, '../golden');

export interface GoldenResult {
  /** Pixels that differ beyond the colour threshold. */
  diffPixels: number;
  /** diffPixels ÷ all pixels. */
  diffShare: number;
  /** True when the expected image was (re)written (UPDATE=1). */
  updated: boolean;
}

/**
 * Compares a PNG with the committed expected image `test/golden/<name>` as MapLibre's render tests
 * do: pixelmatch with a per-pixel colour threshold (0–1, default 0,1), and the share of differing
 * pixels returned for the test to bound. With UPDATE=1 the expected image is written instead. A
 * missing expected image is an error (never silently created), and a size change fails outright.
 * On a difference the diff image is written to /tmp/golden-diff-<name> for inspection.
 */
export function compareGolden(name: string, png: Buffer, threshold = 0.1, dir = GOLDEN_DIR): GoldenResult {
  const path = resolve(dir, name);
  if (process.env.UPDATE === '1') {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, png);
    return { diffPixels: 0, diffShare: 0, updated: true };
  }
  if (!existsSync(path)) throw new Error(`Förväntad bild saknas: ${path}. Skapa den med UPDATE=1 och granska den innan den checkas in.`);
  const expected = PNG.sync.read(readFileSync(path));
  const actual = PNG.sync.read(png);
  if (expected.width !== actual.width || expected.height !== actual.height) {
    throw new Error(`${name}: storleken ${actual.width} × ${actual.height} skiljer sig från den förväntade ${expected.width} × ${expected.height}`);
  }
  const diff = new PNG({ width: actual.width, height: actual.height });
  const diffPixels = pixelmatch(expected.data, actual.data, diff.data, actual.width, actual.height, { threshold });
  if (diffPixels > 0) writeFileSync(`/tmp/golden-diff-${name}`, PNG.sync.write(diff));
  return { diffPixels, diffShare: diffPixels / (actual.width * actual.height), updated: false };
}
