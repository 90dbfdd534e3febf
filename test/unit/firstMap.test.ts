import { describe, expect, it, vi } from 'vitest';

describe('first map before background work', () => {
  it('waits for the map, or gives up after 4 s so a page without a working map still computes', async () => {
    vi.useFakeTimers();
    vi.resetModules();
    const m = await import('../../src/state/firstMap');
    let done = false;
    void m.firstMapDrawn.then(() => (done = true));
    await vi.advanceTimersByTimeAsync(3_999);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(done).toBe(true);
    vi.useRealTimers();
  });
  it('starts at once when the map says it has drawn', async () => {
    vi.resetModules();
    const m = await import('../../src/state/firstMap');
    let done = false;
    void m.firstMapDrawn.then(() => (done = true));
    await Promise.resolve();
    expect(done).toBe(false);
    m.markFirstMapDrawn();
    await Promise.resolve();
    expect(done).toBe(true);
  });
});
