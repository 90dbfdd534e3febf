import { vardvalClaims, type VardvalBudget } from '../domain/budget/claims';
import { budgetCentres, type HostableSite, type HostRule } from '../domain/budget/hosts';
import type { VardvalParams } from '../domain/budget/params';
import type { CentreListing } from '../domain/listing';
import type { Site } from '../domain/types';
import type { AppData } from '../io/appData';

/**
 * The vårdval claims of a site set (the budget panel's rule): the data's family centres and the
 * scenario's candidates as hostable sites, hosts by `rule` plus the planner's `hosts`, claims from
 * the listing and `vardval`. One place for the budget panel, the atlas and the decision documents.
 */
export function setVardvalBudget(
  siteIds: readonly string[],
  data: Pick<AppData, 'familyCentres' | 'healthCentres'>,
  candidates: readonly Site[],
  listing: ReadonlyMap<string, CentreListing>,
  vardval: VardvalParams,
  hosts: Record<string, string>,
  rule: HostRule = 'data',
): VardvalBudget {
  const byId = hostableSites(data, candidates);
  const sites = siteIds.map((id) => byId.get(id)).filter((x): x is HostableSite => !!x);
  return vardvalClaims(budgetCentres(sites, data.healthCentres, rule, hosts), listing, vardval);
}

/** The data's family centres and the scenario's candidates as the budget sees them, by id. */
export function hostableSites(data: Pick<AppData, 'familyCentres'>, candidates: readonly Site[]): Map<string, HostableSite> {
  const byId = new Map<string, HostableSite>();
  for (const f of data.familyCentres) byId.set(f.id, { id: f.id, name: f.name, lon: f.lon, lat: f.lat, host_health_centre_id: f.host_health_centre_id ?? '' });
  for (const c of candidates) byId.set(c.id, { id: c.id, name: c.name, lon: c.lon, lat: c.lat });
  return byId;
}
