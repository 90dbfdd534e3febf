/**
 * The first drawn map comes before any background work: the analysis worker is initialised and
 * the first coverage run starts only when the main map has drawn (or after `FALLBACK_MS`, so a
 * page without a working map still computes). Two cores are shared by the main thread, MapLibre's
 * worker and the analysis worker; the first view should not wait for figures it does not show.
 */
const FALLBACK_MS = 4000;

let resolveDrawn: () => void = () => undefined;
export const firstMapDrawn: Promise<void> = new Promise((resolve) => {
  resolveDrawn = resolve;
  if (typeof setTimeout !== 'undefined') setTimeout(resolve, FALLBACK_MS);
});

/** Called by the main map when it has drawn its first view. */
export function markFirstMapDrawn(): void {
  resolveDrawn();
}
