import { DATA_FILES, type AppData } from './dataManifest';

export type { AppData } from './dataManifest';

/** The absolute URL of a built data file (for workers, which fetch lazily loaded files themselves). */
export function dataUrl(file: string, base = 'data/'): string {
  return new URL(base + file, globalThis.location?.href ?? 'http://localhost/').href;
}

/** Fetches every built data file (see `DATA_FILES`) from `base`, a URL prefix served by the app itself. */
export async function loadAppData(base = 'data/'): Promise<AppData> {
  const entries = await Promise.all(
    (Object.keys(DATA_FILES) as (keyof AppData)[]).map(async (key) => {
      const res = await fetch(base + DATA_FILES[key]);
      if (!res.ok) throw new Error(`${DATA_FILES[key]}: HTTP ${res.status}`);
      return [key, await res.json()] as const;
    }),
  );
  return Object.fromEntries(entries) as unknown as AppData;
}
