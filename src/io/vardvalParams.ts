import type { VardvalIssue } from '../domain/budget/issues';
import { DEFAULT_VARDVAL_PARAMS, POT_RULES, type CrossVisitFlow, type PotRule, type VardvalParams } from '../domain/budget/params';

/** At most this many cross-visit flows (29 × 29 vårdcentraler fit many times over). */
export const MAX_CROSS_VISIT_FLOWS = 10_000;
/** A year the budget can be about. */
const YEAR_MIN = 2000;
const YEAR_MAX = 2100;

/**
 * Reads vårdval parameters (a scenario file's `vardval` object, or the CLI's flags gathered into
 * one). Always returns usable parameters: `undefined`/`null` gives the defaults with no issue (a
 * file written before the budget existed); a missing field gets its default with a warning; a
 * bad value gets its default with an error naming the field, what was found and what was expected.
 */
export function validateVardvalParams(input: unknown): { value: VardvalParams; issues: VardvalIssue[] } {
  const d = DEFAULT_VARDVAL_PARAMS;
  const issues: VardvalIssue[] = [];
  if (input === undefined || input === null) return { value: clone(d), issues };
  if (typeof input !== 'object' || Array.isArray(input)) {
    issues.push({ severity: 'error', code: 'vardval_not_object', params: { value: shown(input) } });
    return { value: clone(d), issues };
  }
  const o = input as Record<string, unknown>;

  /** A present, finite, non-negative number; else `fallback` (null = drop the value) and an issue. */
  const number = (v: unknown, field: string, fallback: number | null): number | null => {
    const dflt: Record<string, number> = fallback === null ? {} : { default: fallback };
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      issues.push({ severity: 'error', code: 'vardval_not_number', params: { field, value: shown(v), ...dflt } });
      return fallback;
    }
    if (v < 0) {
      issues.push({ severity: 'error', code: 'vardval_negative', params: { field, value: v, ...dflt } });
      return fallback;
    }
    return v;
  };
  /** Like `number`, but a missing field gets its default with a warning. */
  const amount = (v: unknown, field: string, fallback: number): number => {
    if (v === undefined) {
      issues.push({ severity: 'warning', code: 'vardval_missing_field', params: { field, value: fallback } });
      return fallback;
    }
    return number(v, field, fallback)!;
  };
  const isYear = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= YEAR_MIN && v <= YEAR_MAX;
  const badYear = (field: string, v: unknown) =>
    issues.push({ severity: 'error', code: 'vardval_bad_year', params: { field, value: shown(v), min: YEAR_MIN, max: YEAR_MAX } });

  let year = d.year;
  if (o.year === undefined) issues.push({ severity: 'warning', code: 'vardval_missing_field', params: { field: 'year', value: d.year } });
  else if (isYear(o.year)) year = o.year;
  else badYear('year', o.year);

  const krPerListedChild = amount(o.krPerListedChild, 'krPerListedChild', d.krPerListedChild);
  const krPerListedWoman = amount(o.krPerListedWoman, 'krPerListedWoman', d.krPerListedWoman);
  const krPerCrossVisit = amount(o.krPerCrossVisit, 'krPerCrossVisit', d.krPerCrossVisit);

  let potKrByYear: Record<number, number> = { ...d.potKrByYear };
  if (o.potKrByYear === undefined) {
    issues.push({ severity: 'warning', code: 'vardval_missing_field', params: { field: 'potKrByYear', value: '' } });
  } else if (typeof o.potKrByYear !== 'object' || o.potKrByYear === null || Array.isArray(o.potKrByYear)) {
    issues.push({ severity: 'error', code: 'vardval_not_object', params: { field: 'potKrByYear', value: shown(o.potKrByYear) } });
  } else {
    potKrByYear = {};
    for (const [k, v] of Object.entries(o.potKrByYear as Record<string, unknown>)) {
      const y = /^\d{4}$/.test(k) ? Number(k) : NaN;
      if (!isYear(y)) {
        badYear(`potKrByYear.${k}`, k);
        continue;
      }
      const kr = number(v, `potKrByYear.${k}`, null);
      if (kr !== null) potKrByYear[y] = kr;
    }
  }

  let potRule: PotRule = d.potRule;
  if (o.potRule === undefined) issues.push({ severity: 'warning', code: 'vardval_missing_field', params: { field: 'potRule', value: d.potRule } });
  else if (POT_RULES.includes(o.potRule as PotRule)) potRule = o.potRule as PotRule;
  else issues.push({ severity: 'error', code: 'vardval_bad_rule', params: { field: 'potRule', value: shown(o.potRule), expected: POT_RULES.join(', ') } });

  let regionalPlan = { krPerYear: d.regionalPlan.krPerYear, years: [...d.regionalPlan.years] };
  if (o.regionalPlan === undefined) {
    issues.push({ severity: 'warning', code: 'vardval_missing_field', params: { field: 'regionalPlan', value: '' } });
  } else if (typeof o.regionalPlan !== 'object' || o.regionalPlan === null || Array.isArray(o.regionalPlan)) {
    issues.push({ severity: 'error', code: 'vardval_not_object', params: { field: 'regionalPlan', value: shown(o.regionalPlan) } });
  } else {
    const rp = o.regionalPlan as Record<string, unknown>;
    const krPerYear = amount(rp.krPerYear, 'regionalPlan.krPerYear', d.regionalPlan.krPerYear);
    let years = [...d.regionalPlan.years];
    if (rp.years === undefined) {
      issues.push({ severity: 'warning', code: 'vardval_missing_field', params: { field: 'regionalPlan.years', value: years.join(', ') } });
    } else if (!Array.isArray(rp.years)) {
      badYear('regionalPlan.years', rp.years);
    } else {
      years = [];
      rp.years.forEach((y, i) => {
        if (!isYear(y)) badYear(`regionalPlan.years[${i + 1}]`, y);
        else if (years.includes(y)) issues.push({ severity: 'error', code: 'vardval_duplicate_year', params: { field: 'regionalPlan.years', value: y } });
        else years.push(y);
      });
    }
    regionalPlan = { krPerYear, years };
  }

  let crossVisits: CrossVisitFlow[] | null = null;
  if (o.crossVisits !== undefined && o.crossVisits !== null) {
    if (!Array.isArray(o.crossVisits)) {
      issues.push({ severity: 'error', code: 'vardval_bad_flow', params: { field: 'crossVisits', value: shown(o.crossVisits) } });
    } else if (o.crossVisits.length > MAX_CROSS_VISIT_FLOWS) {
      issues.push({ severity: 'error', code: 'vardval_too_many_flows', params: { field: 'crossVisits', value: o.crossVisits.length, max: MAX_CROSS_VISIT_FLOWS } });
    } else {
      crossVisits = [];
      o.crossVisits.forEach((f, i) => {
        const flow = readFlow(f, i + 1, issues);
        if (flow) crossVisits!.push(flow);
      });
    }
  }

  if (potKrByYear[year] === undefined) issues.push({ severity: 'warning', code: 'vardval_no_pot_for_year', params: { field: 'year', value: year } });
  return { value: { year, krPerListedChild, krPerListedWoman, potKrByYear, potRule, krPerCrossVisit, crossVisits, regionalPlan }, issues };
}

/** One cross-visit flow; null (and an issue) when it cannot be read. `index` is 1-based. */
function readFlow(f: unknown, index: number, issues: VardvalIssue[]): CrossVisitFlow | null {
  const bad = (field: string, value: unknown) => {
    issues.push({ severity: 'error', code: 'vardval_bad_flow', params: { field: `crossVisits[${index}]${field ? `.${field}` : ''}`, index, value: shown(value) } });
    return null;
  };
  if (typeof f !== 'object' || f === null || Array.isArray(f)) return bad('', f);
  const r = f as Record<string, unknown>;
  const host = typeof r.hostHealthCentreId === 'string' ? r.hostHealthCentreId.trim() : '';
  if (!host) return bad('hostHealthCentreId', r.hostHealthCentreId);
  const payerRaw = r.payerHealthCentreId;
  if (payerRaw !== undefined && payerRaw !== null && typeof payerRaw !== 'string') return bad('payerHealthCentreId', payerRaw);
  const payer = typeof payerRaw === 'string' && payerRaw.trim() ? payerRaw.trim() : null;
  if (typeof r.visits !== 'number' || !Number.isFinite(r.visits) || r.visits < 0) return bad('visits', r.visits);
  if (payer === host) issues.push({ severity: 'warning', code: 'vardval_self_visit', params: { field: `crossVisits[${index}]`, index, value: host } });
  return { payerHealthCentreId: payer, hostHealthCentreId: host, visits: r.visits };
}

/** A value as a short text for a message (at most 40 characters). */
function shown(v: unknown): string {
  let s: string;
  try {
    s = typeof v === 'string' ? v : v === undefined ? 'undefined' : JSON.stringify(v) ?? String(v);
  } catch {
    s = String(v);
  }
  return s.length > 40 ? `${s.slice(0, 39)}…` : s;
}

function clone(p: VardvalParams): VardvalParams {
  return {
    ...p,
    potKrByYear: { ...p.potKrByYear },
    crossVisits: p.crossVisits ? p.crossVisits.map((f) => ({ ...f })) : null,
    regionalPlan: { krPerYear: p.regionalPlan.krPerYear, years: [...p.regionalPlan.years] },
  };
}
