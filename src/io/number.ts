/**
 * Parses a number as Swedish or international spreadsheets write it: "1234.5", "1234,5",
 * "1 234,5" (space, no-break space or thin space as thousands separator), "-3", "+3".
 * Returns null for empty or non-numeric text. A lone comma is a decimal comma; a value with
 * both "," and "." is accepted only in the forms "1,234.5" or "1.234,5".
 */
export function parseLocaleNumber(raw: unknown): number | null {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
  if (typeof raw !== 'string') return null;
  let s = raw.trim().replace(/[\u00a0\u202f\u2009 ]/g, '').replace(/^\u2212/, '-');
  if (s === '') return null;
  const hasComma = s.includes(',');
  const hasDot = s.includes('.');
  if (hasComma && hasDot) {
    if (/^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/,/g, '');
    else if (/^[-+]?\d{1,3}(\.\d{3})+(,\d+)?$/.test(s)) s = s.replace(/\./g, '').replace(',', '.');
    else return null;
  } else if (hasComma) {
    if ((s.match(/,/g) ?? []).length > 1) return null;
    s = s.replace(',', '.');
  }
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}
