import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en';
import { sv } from '../../src/i18n/sv';

/**
 * The English UI text is complete: every leaf of `sv` has an English value of the same type,
 * translated, and `en` has nothing that `sv` lacks. The type `Strings` already catches most
 * missing keys, but not those of the objects typed `Record<string, string>` (precision,
 * flagNames, models, sets, tabs, criteria); this test walks the values themselves.
 */

/**
 * Leaves that are legitimately the same in both languages: codes and names (DeSO, RegSO),
 * units, a dash for "none", and words spelt the same in Swedish and English.
 */
const SAME_IN_BOTH = new Set([
  'services.status', // 'Status': the same word in both
  'need.sourcesShort.scb', // 'SCB': the agency's name
  'need.sourcesShort.trend', // 'trend': the same word in both
  'densityDeso', // 'DeSO': SCB's area code name
  'popup.regso', // 'RegSO'
  'popup.deso', // 'DeSO'
  'popup.perKm2', // 'per km²'
  'popup.status', // 'Status'
  'analysis.minutes', // 'min'
  'analysis.noFlags', // '–'
  'scenario.newName', // 'Scenario'
  'present.scenario', // 'Scenario'
  'exportPanel.title', // 'Export'
]);

type Leaf = { path: string; value: unknown };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every non-object value with its dotted path, in key order. */
function leaves(obj: Record<string, unknown>, prefix = ''): Leaf[] {
  return Object.entries(obj).flatMap(([k, v]) => {
    const path = prefix ? `${prefix}.${k}` : k;
    return isObject(v) ? leaves(v, path) : [{ path, value: v }];
  });
}

/** The value at a dotted path, or undefined when any step is missing. */
function at(obj: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (isObject(o) && Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined), obj);
}

const svLeaves = leaves(sv as unknown as Record<string, unknown>);
const enLeaves = leaves(en as unknown as Record<string, unknown>);

describe('English UI text', () => {
  it('walks a realistic number of strings', () => {
    expect(svLeaves.length).toBeGreaterThan(250);
  });

  it('has every key of sv, with a non-empty value of the same type', () => {
    const problems: string[] = [];
    for (const { path, value } of svLeaves) {
      const e = at(en, path);
      if (e === undefined) problems.push(`${path}: missing in en`);
      else if (typeof e !== typeof value) problems.push(`${path}: ${typeof e} in en, ${typeof value} in sv`);
      else if (typeof e === 'string' && e.trim() === '') problems.push(`${path}: empty in en`);
    }
    expect(problems).toEqual([]);
  });

  it('has no key that sv lacks', () => {
    const extra = enLeaves.filter(({ path }) => at(sv, path) === undefined).map(({ path }) => path);
    expect(extra).toEqual([]);
  });

  it('nests objects where sv nests them', () => {
    const svObjects = new Set(leaves(sv as unknown as Record<string, unknown>).map(({ path }) => path.split('.').slice(0, -1).join('.')));
    for (const path of svObjects) if (path) expect(isObject(at(en, path)), path).toBe(true);
  });

  it('translates every string except the short allowlist', () => {
    const untranslated = svLeaves
      .filter(({ path, value }) => typeof value === 'string' && !SAME_IN_BOTH.has(path) && at(en, path) === value)
      .map(({ path, value }) => `${path}: ${String(value)}`);
    expect(untranslated).toEqual([]);
  });

  it('keeps the allowlist honest: each entry exists in sv and really is the same in en', () => {
    for (const path of SAME_IN_BOTH) {
      expect(at(sv, path), path).toBeTypeOf('string');
      expect(at(en, path), path).toBe(at(sv, path));
    }
  });

  it('keeps leading and trailing spaces as sv has them', () => {
    const differ = svLeaves
      .filter(({ value }) => typeof value === 'string')
      .filter(({ path, value }) => {
        const e = String(at(en, path) ?? '');
        const s = String(value);
        return /^\s/.test(e) !== /^\s/.test(s) || /\s$/.test(e) !== /\s$/.test(s);
      })
      .map(({ path }) => path);
    expect(differ).toEqual([]);
  });

  it('labels the language switch with the other language', () => {
    expect(sv.language).toBe('English');
    expect(en.language).toBe('Svenska');
  });
});

describe('words for domain results (describe.ts)', () => {
  it('Swedish and English have the same keys', async () => {
    const { DESCRIBE_TEXT } = await import('../../src/i18n/describe');
    const keys = (o: object, prefix = ''): string[] =>
      Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
    expect(keys(DESCRIBE_TEXT.en).sort()).toEqual(keys(DESCRIBE_TEXT.sv).sort());
  });
});
