import type { BelongingIssue } from '../domain/catchments/belonging';
import type { CrossBorderFlag, CrossBorderReason, CrossBorderOptions } from '../domain/catchments/crossBorder';
import type { CatchmentSiteKind } from '../domain/catchments/siteKind';
import { formatNumber, formatPercent } from '../i18n/format';

/**
 * The CLI's Swedish words for catchments, cross-border flows and organisational belonging (the
 * suggestions of src/domain/catchments/README.md). Kept here until the lead moves them into
 * src/i18n; the CSV columns keep the codes, the JSON and stderr carry these words.
 */

type P = Readonly<Record<string, string | number>>;

/** A site's kind in words; `unreachable` is the CLI's row of children no site reaches. */
export const KIND_TEXT: Record<CatchmentSiteKind | 'unreachable', string> = {
  existing: 'Befintlig',
  planned: 'Planerad',
  intent: 'Avsiktsförklaring',
  family_unit: 'Familjeenhet',
  candidate: 'Kandidat',
  suggestion: 'Antaget förslag',
  unreachable: 'Ingen plats nåbar',
};

export const FLAG_TEXT: Record<CrossBorderFlag, string> = {
  own: 'Egen familjecentral',
  partly: 'Delvis över kommungränsen',
  relies_on_neighbour: 'Förlitar sig på grannkommun',
};

/** A share 0–1 as "12,5 %" (thresholds without decimals: "50 %"). */
const pct = (x: number, decimals = 1) => formatPercent(x, decimals, 'sv');

/** The reason of a flag; `share` is the kommun's across share (0–1), `opt` the thresholds used. */
export function reasonText(r: CrossBorderReason, share: number | null, opt: Required<CrossBorderOptions>): string {
  if (r === 'no_own_centre') return 'ingen plats i kommunen';
  if (r === 'most_across') return `mer än ${pct(opt.reliesOnShare, 0)} av barnen har närmast till en annan kommuns plats`;
  return `${pct(share ?? 0)} av barnen har närmast till en annan kommuns plats`;
}

const BELONGING_TEXT: Record<BelongingIssue['code'], (p: P) => string> = {
  host_unknown: (p) =>
    `${p.centre_name}: värdvårdcentralen "${p.host_id}" finns inte bland vårdcentralerna${p.merged_hint ? ` (menar du ${p.merged_hint}?)` : ''}; räknas utan värd.`,
  host_via_branch: (p) => `${p.centre_id}: "${p.host_id}" är en filial och räknas som ${p.health_centre_id}.`,
  listing_unknown_health_centre: (p) =>
    `Listningen har ${formatNumber(Number(p.children_0_6), 1, 'sv')} barn på "${p.health_centre_id}", som inte är en vårdcentral; de räknas inte.`,
  listing_via_branch: (p) => `${formatNumber(Number(p.children_0_6), 1, 'sv')} listade barn på filialen ${p.site_id} räknas till ${p.health_centre_id}.`,
  listing_not_count: (p) => `Listningen för ${p.health_centre_id} är inget antal (${p.value}); andelen blir okänd.`,
  listing_missing: (p) => `${p.name} saknar listning; andelen för kommunen och länet blir okänd.`,
};

/** The sentence of a belonging issue. */
export function belongingIssueText(i: BelongingIssue): string {
  return BELONGING_TEXT[i.code](i.params);
}

/** What a catchment is (a stated line). */
export const CATCHMENT_RULE =
  'Upptagningsområde: de barn 0–6 år som har platsen som närmaste plats med restidsmodellen ovan; en DeSO vars barn går till flera platser räknas till var och en med sina barn, och dess primära plats är den som får flest av dem';

/** What the flow flags mean, with the thresholds used (the module's choice, no document's figures). */
export function flowRuleText(opt: Required<CrossBorderOptions>): string {
  return (
    `Flöden över kommungränsen: "relies_on_neighbour" när ingen plats ligger i kommunen eller mer än ${pct(opt.reliesOnShare, 0)} av barnen har närmast till en annan kommuns plats; ` +
    `"partly" när minst ${pct(opt.partlyShare, 0)} har det; annars "own". relied_on: andra kommuners platser med minst ${pct(opt.reliedOnMinShare, 0)} av kommunens barn. ` +
    'Gränserna är planeringsverktygets val, inte siffror ur HSN 2026/4486'
  );
}

/** What organisational belonging is (a stated line). */
export const BELONGING_RULE =
  'Organisatorisk tillhörighet: andelen listade barn 0–6 år som är listade på en vårdcentral som är värd för en familjecentral i mängden (måttet i Stockholmsstudien); ' +
  'kommunen är vårdcentralens, inte barnets; visas bredvid den geografiska täckningen, aldrig i dess ställe';

/** Where the hosts come from (a stated line). */
export const BELONGING_HOSTS =
  'Värdvårdcentral: --host, annars family-centres.csv (host_health_centre_id, ifyllt bara där en källa knyter centralen till en vårdcentral), annars en kandidat med en vårdcentrals id; filialer (health-centre-other-sites.csv) räknas till sin sammanslagna vårdcentral';
