/** Languages of the UI; Swedish is the default. */
export type Lang = 'sv' | 'en';

const LOCALE: Record<Lang, string> = { sv: 'sv-SE', en: 'en-GB' };

/**
 * Number formats are made once per (language, style, decimals) and reused: constructing an
 * Intl.NumberFormat costs far more than formatting with it (a 500-row ranking formats thousands
 * of numbers on every weight change).
 */
const formats = new Map<string, Intl.NumberFormat>();
function numberFormat(lang: Lang, decimals: number, percent: boolean): Intl.NumberFormat {
  const key = `${lang}|${decimals}|${percent ? 'p' : 'n'}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(LOCALE[lang], { ...(percent ? { style: 'percent' as const } : {}), minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    formats.set(key, f);
  }
  return f;
}

/** Formats a number with the language's separators (sv-SE: "12 660", "1,5"). */
export function formatNumber(value: number | null | undefined, decimals = 0, lang: Lang = 'sv'): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  return numberFormat(lang, decimals, false).format(value);
}

/** Formats a change in whole numbers with its sign: "+14", "−1 234", "±0". */
export function formatChange(value: number, lang: Lang = 'sv'): string {
  return `${value > 0 ? '+' : value < 0 ? '−' : '±'}${formatNumber(Math.abs(value), 0, lang)}`;
}

/** Formats a share 0–1 as a percentage, e.g. 0.523 → "52,3 %". */
export function formatPercent(share: number, decimals = 1, lang: Lang = 'sv'): string {
  if (!Number.isFinite(share)) return '–';
  return numberFormat(lang, decimals, true).format(share);
}

const collators: Partial<Record<Lang, Intl.Collator>> = {};
/** Compares strings in the language's alphabetical order (Swedish: … X Y Z Å Ä Ö). */
export function compareText(a: string, b: string, lang: Lang = 'sv'): number {
  const c = (collators[lang] ??= new Intl.Collator(LOCALE[lang], { sensitivity: 'base', numeric: true }));
  return c.compare(a, b);
}
