import { DATED_STARTS, SNAPSHOTS } from './transcription';
import type { DocumentedPeriod, PeriodStatus, StatusPeriod } from './types';
import { compareFrom, overlaps, type YearMonth } from './yearMonth';

/**
 * The documented status periods of every bundled site, by id. Each snapshot listing gives a
 * period that covers only the snapshot's time (`fromIsStart`/`toIsEnd` false: before and after,
 * uppgift saknas). A dated start from the facility data (`DATED_STARTS`) extends the first
 * listing with that status back to the start (`fromIsStart` true): the site is read as in that
 * status from its start until the listing, which the sources do not contradict.
 *
 * @example documentedPeriods().get('h2019-hedemora')
 *   // → [{ status: 'open', from: '2019', to: '2019', fromIsStart: false, toIsEnd: false, sources: [000/001] }]
 */
export function documentedPeriods(): Map<string, DocumentedPeriod[]> {
  const out = new Map<string, DocumentedPeriod[]>();
  for (const s of SNAPSHOTS) {
    for (const e of s.entries) {
      const list = out.get(e.id) ?? [];
      list.push({ status: e.status, from: s.at, to: s.at, fromIsStart: false, toIsEnd: false, sources: [e.source] });
      out.set(e.id, list);
    }
  }
  for (const d of DATED_STARTS) {
    const list = out.get(d.id);
    const first = list?.find((p) => p.status === 'open' && compareFrom(d.from, p.from) <= 0);
    if (!list || !first) continue;
    list[list.indexOf(first)] = { ...first, from: d.from, fromIsStart: true, sources: [d.source, ...first.sources] };
  }
  for (const list of out.values()) list.sort((a, b) => compareFrom(a.from, b.from));
  return out;
}

/**
 * The status at a date: the period that covers it (a year covers its months); when periods
 * overlap, the one that starts latest. null = no period covers the date (uppgift saknas).
 *
 * @example statusAt([{ status: 'intent', from: '2019-12', to: '2022' }, { status: 'open', from: '2023-05', to: null }], '2024') // → 'open'
 */
export function statusAt(periods: readonly StatusPeriod[], at: YearMonth): PeriodStatus | null {
  let hit: StatusPeriod | null = null;
  for (const p of periods) {
    if (!overlaps(p.from, p.to, at, at)) continue;
    if (hit === null || compareFrom(p.from, hit.from) > 0) hit = p;
  }
  return hit ? hit.status : null;
}

/**
 * Pairs of periods (0-based indices, i < j) that overlap in time. Overlapping periods make a
 * site's status at a date ambiguous; `statusAt` then takes the later start.
 */
export function overlappingPeriods(periods: readonly StatusPeriod[]): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < periods.length; i++) {
    for (let j = i + 1; j < periods.length; j++) {
      const a = periods[i];
      const b = periods[j];
      if (overlaps(a.from, a.to, b.from, b.to)) out.push([i, j]);
    }
  }
  return out;
}
