import { UsageError } from './io';

/**
 * `--host SITE=HC` (repeatable, or comma-separated): the planner's host vårdcentral of a family
 * centre or candidate, for organisational belonging and the vårdval budget. A branch site of a
 * merged vårdcentral (health-centre-other-sites.csv) counts as its unit and says so; anything
 * else that is no vårdcentral is an error naming the flag, never guessed.
 */

export interface PlannerHosts {
  /** Site id → host vårdcentral id (branches already resolved to their unit). */
  hosts: Map<string, string>;
  /** Swedish notes for stderr (branch ids resolved). */
  notes: string[];
}

/**
 * Reads the `--host` pairs.
 *
 * @param pairs the flag's values, one "SITE=HC" each
 * @param siteIds ids a host may be set for (the family centres and the candidates)
 * @param healthCentreIds the vårdcentraler (listing units)
 * @param aliases branch site id → unit id (`branchAliases()`)
 */
export function parseHostFlags(pairs: readonly string[], siteIds: ReadonlySet<string>, healthCentreIds: readonly string[], aliases: ReadonlyMap<string, string>): PlannerHosts {
  const hosts = new Map<string, string>();
  const notes: string[] = [];
  const isHc = new Set(healthCentreIds);
  for (const pair of pairs) {
    const m = /^([^=]+)=([^=]+)$/.exec(pair);
    if (!m) throw new UsageError(`--host: "${pair}" ska vara PLATS=VÅRDCENTRAL med id:n, t.ex. fc-mora=hc-mora.`);
    const site = m[1].trim();
    const given = m[2].trim();
    if (!siteIds.has(site)) throw new UsageError(`--host: platsen "${site}" finns varken bland familjecentralerna eller kandidaterna (--candidates).`);
    let hc = given;
    if (!isHc.has(given)) {
      const unit = aliases.get(given);
      if (unit === undefined || !isHc.has(unit)) {
        const part = given.replace(/^(hc|site)-/, '');
        const hint = healthCentreIds.filter((id) => part && id.replace(/^hc-/, '').split('-').includes(part));
        throw new UsageError(
          `--host ${pair}: "${given}" är ingen vårdcentral. Förväntat ett id ur health-centres.csv (t.ex. hc-mora)${hint.length ? `; menar du ${hint.join(', ')}?` : '.'}`,
        );
      }
      hc = unit;
      notes.push(`--host ${pair}: "${given}" är en filial och räknas som ${unit}.`);
    }
    const before = hosts.get(site);
    if (before !== undefined && before !== hc) throw new UsageError(`--host: platsen "${site}" har två värdvårdcentraler (${before} och ${hc}).`);
    hosts.set(site, hc);
  }
  return { hosts, notes };
}
