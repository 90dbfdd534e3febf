import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { compareGolden } from '../support/golden';

/** A 10 × 10 white PNG with the first `dark` pixels black. */
function png(dark: number): Buffer {
  const p = new PNG({ width: 10, height: 10 });
  for (let i = 0; i < 100; i++) {
    const v = i < dark ? 0 : 255;
    p.data.set([v, v, v, 255], i * 4);
  }
  return PNG.sync.write(p);
}

describe('compareGolden', () => {
  const dir = mkdtempSync(join(tmpdir(), 'golden-'));
  writeFileSync(join(dir, 'x.png'), png(0));
  it('finds no difference between equal images and counts differing pixels otherwise', () => {
    expect(compareGolden('x.png', png(0), 0.1, dir)).toEqual({ diffPixels: 0, diffShare: 0, updated: false });
    // 5 black pixels of 100 differ from white far beyond the threshold.
    expect(compareGolden('x.png', png(5), 0.1, dir)).toMatchObject({ diffPixels: 5, diffShare: 0.05 });
  });
  it('refuses a missing expected image and a size change', () => {
    expect(() => compareGolden('missing.png', png(0), 0.1, dir)).toThrow(/UPDATE=1/);
    const big = new PNG({ width: 11, height: 10 });
    expect(() => compareGolden('x.png', PNG.sync.write(big), 0.1, dir)).toThrow(/11 × 10/);
  });
});
