/** Languages of the UI; Swedish is the default. */
export type Lang = 'sv' | 'en';

const LOCALE: Record<Lang, string> = { sv: 'sv-SE', en: 'en-GB' };

/** Formats a number with the language's separators (sv-SE: "12 660", "1,5"). */
export function formatNumber(value: number | null | undefined, decimals = 0, lang: Lang = 'sv'): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  return new Intl.NumberFormat(LOCALE[lang], {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  }).format(value);
}

/** Formats a share 0–1 as a percentage, e.g. 0.523 → "52,3 %". */
export function formatPercent(share: number, decimals = 1, lang: Lang = 'sv'): string {
  if (!Number.isFinite(share)) return '–';
  return new Intl.NumberFormat(LOCALE[lang], {
    style: 'percent',
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  }).format(share);
}

const collators: Partial<Record<Lang, Intl.Collator>> = {};
/** Compares strings in the language's alphabetical order (Swedish: … X Y Z Å Ä Ö). */
export function compareText(a: string, b: string, lang: Lang = 'sv'): number {
  const c = (collators[lang] ??= new Intl.Collator(LOCALE[lang], { sensitivity: 'base', numeric: true }));
  return c.compare(a, b);
}
