/**
 * Listed children 0–6, as Region Dalarna's report HSN 2026/4486 (Bilaga 3) gives them — our
 * transcription, with the document named. Only the county totals and the changes 2020 → 2025 of
 * the kommuner and vårdcentraler the report names exist; nothing else is filled in.
 */

/** Listed children 0–6 in Dalarna (HSN 2026/4486, Bilaga 3). */
export const COUNTY_LISTED_CHILDREN_2020 = 22_054;
export const COUNTY_LISTED_CHILDREN_2025 = 18_266;

/** Change in listed children 0–6 per kommun, 2020 → 2025, where HSN 2026/4486 names it. */
export const LISTED_CHANGE_BY_KOMMUN: Readonly<Record<string, number>> = {
  '2081': -1234, // Borlänge
  '2080': -664, // Falun
  '2085': -456, // Ludvika
  '2034': -16, // Orsa
  '2031': -42, // Rättvik
  '2021': -47, // Vansbro
};

/**
 * Change per vårdcentral, 2020 → 2025 (Kvarnporten since 2021, when it opened), where the report
 * names it; keyed by the health centre's id in the shared data (the report says "Avestahälsa" for
 * Vårdcentral Avestahälsan).
 */
export const LISTED_CHANGE_BY_HEALTH_CENTRE: readonly { id: string; name: string; change: number; from: number }[] = [
  { id: 'hc-jakobsgardarna', name: 'Vårdcentral Jakobsgårdarna', change: -707, from: 2020 },
  { id: 'hc-kvarnporten', name: 'Vårdcentral Kvarnporten', change: -412, from: 2021 },
  { id: 'hc-ludvika-grangesberg', name: 'Vårdcentral Ludvika-Grängesberg', change: -388, from: 2020 },
  { id: 'hc-engelbrekt', name: 'Vårdcentral Engelbrekt', change: -12, from: 2020 },
  { id: 'hc-sarna', name: 'Vårdcentral Särna', change: -16, from: 2020 },
  { id: 'hc-orsa', name: 'Vårdcentral Orsa', change: -16, from: 2020 },
  { id: 'hc-avestahalsan', name: 'Vårdcentral Avestahälsan', change: 14, from: 2020 },
];

export const LISTED_SOURCE = 'Region Dalarna, HSN 2026/4486, Bilaga 3';
