import type { SolveMessageCode, SolveMessageParams } from '../domain/optimise/problem';
import { RULE_MESSAGE_CODES, type RuleMessageCode } from '../domain/optimise/rules';
import { COORDINATE_RANGES, type CandidateCrs } from '../io/coordinateRanges';
import type { InputIssue, IssueCode, IssueParams } from '../io/issues';
import type { Lang } from './format';

/**
 * The words of the messages that src/io and src/domain report as codes with params: one
 * sentence template per code and language. Swedish is the default; its wording (what, where,
 * what was expected) is what users, analysts and tests read, so change it only on purpose.
 */

type Params = Readonly<Partial<IssueParams>>;

/** Counts in running text: "60 000" (sv) and "60,000" (en). */
const SV_NUMBER = new Intl.NumberFormat('sv-SE');
const EN_NUMBER = new Intl.NumberFormat('en-GB');
const n = (x: string | number | undefined) => SV_NUMBER.format(Number(x));
const nEn = (x: string | number | undefined) => EN_NUMBER.format(Number(x));
type Template = (p: Params) => string;

/** "Rad 4, kolumn lat: " — where a row issue is (the column only when the issue has one). */
const atSv = (p: Params) => `Rad ${p.row}${p.column !== undefined ? `, kolumn ${p.column}` : ''}: `;
const atEn = (p: Params) => `Row ${p.row}${p.column !== undefined ? `, column ${p.column}` : ''}: `;

/** Missing header columns by key (the params carry the keys joined with ';'). */
const COLUMN_TEXT: Record<Lang, Record<string, string>> = {
  sv: {
    id: 'id',
    name: 'name (namn)',
    coordinates: 'koordinater: lat och lon (WGS84, grader) eller N och E (SWEREF 99 TM, meter)',
    health_centre: 'health_centre_id eller name (vårdcentralens id eller namn)',
    year: 'year (år)',
    children_0_6: 'children_0_6 (listade barn 0–6 år)',
    origin_id: 'origin_id (start)',
    destination_id: 'destination_id (mål)',
    minutes: 'minutes (restid i minuter)',
    kommun_code: 'kommun_code (kommunkod, t.ex. 2080)',
    children_0_6_forecast: 'children_0_6 (barn 0–6 år enligt prognosen)',
  },
  en: {
    id: 'id',
    name: 'name',
    coordinates: 'coordinates: lat and lon (WGS84, degrees) or N and E (SWEREF 99 TM, metres)',
    health_centre: "health_centre_id or name (the health centre's id or name)",
    year: 'year',
    children_0_6: 'children_0_6 (listed children aged 0–6)',
    kommun_code: 'kommun_code (municipality code, e.g. 2080)',
    children_0_6_forecast: 'children_0_6 (children aged 0–6 in the forecast)',
    origin_id: 'origin_id (origin)',
    destination_id: 'destination_id (destination)',
    minutes: 'minutes (travel time in minutes)',
  },
};
const columns = (p: Params, lang: Lang) =>
  String(p.missing ?? '')
    .split(';')
    .map((k) => COLUMN_TEXT[lang][k] ?? k)
    .join('; ');
const found = (p: Params, none: string) => (p.found === undefined || p.found === '' ? none : String(p.found));

/** A coordinate range as text: sv "6 100 000–7 700 000", "55–69,1"; en "6,100,000–7,700,000", "55–69.1". */
function range([lo, hi]: [number, number], lang: Lang): string {
  const f = (v: number) =>
    lang === 'sv' ? String(v).replace('.', ',').replace(/\B(?=(\d{3})+(?!\d))/g, ' ') : String(v).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${f(lo)}–${f(hi)}`;
}
const isCrs = (v: unknown): v is CandidateCrs => v === 'wgs84' || v === 'sweref99tm';
/** Axis names of a coordinate system: north first. */
const axes = (crs: unknown): [string, string] => (crs === 'sweref99tm' ? ['N', 'E'] : ['lat', 'lon']);

function coordinatesExpected(crs: CandidateCrs, lang: Lang): string {
  const { y, x } = COORDINATE_RANGES[crs];
  if (crs === 'wgs84') {
    return lang === 'sv' ? `lat ${range(y, lang)} och lon ${range(x, lang)} (WGS84, grader)` : `lat ${range(y, lang)} and lon ${range(x, lang)} (WGS84, degrees)`;
  }
  return lang === 'sv' ? `N ${range(y, lang)} och E ${range(x, lang)} (SWEREF 99 TM, meter)` : `N ${range(y, lang)} and E ${range(x, lang)} (SWEREF 99 TM, metres)`;
}

/** What a numeric cell should hold, by `params.expected`. */
const EXPECTED_TEXT: Record<Lang, Record<string, string>> = {
  sv: { minutes: 'restid i minuter ≥ 0', km: 'avstånd i km ≥ 0 eller tomt', count: 'ett tal ≥ 0, t.ex. 512', count_or_empty: 'ett tal ≥ 0 eller tomt' },
  en: { minutes: 'travel time in minutes ≥ 0', km: 'distance in km ≥ 0 or empty', count: 'a number ≥ 0, e.g. 512', count_or_empty: 'a number ≥ 0 or empty' },
};
const expected = (p: Params, lang: Lang) => (isCrs(p.expected) ? coordinatesExpected(p.expected, lang) : EXPECTED_TEXT[lang][String(p.expected)] ?? String(p.expected));

/** The unit of a dense JSON matrix field. */
const UNIT_TEXT: Record<Lang, Record<string, string>> = {
  sv: { minutes: 'restid i minuter', km: 'avstånd i km' },
  en: { minutes: 'travel time in minutes', km: 'distance in km' },
};
const unit = (p: Params, lang: Lang) => UNIT_TEXT[lang][String(p.field)] ?? String(p.field);

/** Hints when coordinates look like the other system. */
const HINT_TEXT: Record<Lang, Record<string, string>> = {
  sv: {
    metres: ' (värdena ser ut som meter, t.ex. SWEREF 99 TM; döp i så fall kolumnerna till N och E)',
    degrees: ' (värdena ser ut som grader; döp i så fall kolumnerna till lat och lon)',
  },
  en: {
    metres: ' (the values look like metres, e.g. SWEREF 99 TM; if so, rename the columns N and E)',
    degrees: ' (the values look like degrees; if so, rename the columns lat and lon)',
  },
};
const hint = (p: Params, lang: Lang) => (p.hint === undefined ? '' : HINT_TEXT[lang][String(p.hint)] ?? '');

/** The coordinates as given: "lat 15,63 och lon 60,61". */
const givenSv = (p: Params) => `${axes(p.crs)[0]} ${p.y} och ${axes(p.crs)[1]} ${p.x}`;
const givenEn = (p: Params) => `${axes(p.crs)[0]} ${p.y} and ${axes(p.crs)[1]} ${p.x}`;

/** A cell of a dense JSON matrix: `minutes[0][1] (origin "a", destination "y")`. */
const cell = (p: Params) => `${p.field}[${p.i}][${p.j}] (origin "${p.origin}", destination "${p.destination}")`;

/** Up to 5 examples were listed; say so when there are more. */
const andMore = (p: Params, more: string) => (Number(p.missing) > 5 ? more : '');

/**
 * What a field of a solve problem should be, by the key valibot reports (src/io/solveJson.ts).
 * A message without a key is valibot's own and is shown as it is.
 */
const SOLVE_EXPECTATION: Record<Lang, Record<string, string>> = {
  sv: {
    model: 'ska vara "mclp", "pmedian", "lscp" eller "pcenter"',
    integer: 'ska vara ett heltal',
    non_negative_count: 'får inte vara negativt',
    number: 'ska vara ett tal',
    non_negative: 'får inte vara negativ',
    share: 'ska ligga mellan 0 och 1',
    string: 'ska vara en sträng',
    finite: 'ska vara ett ändligt tal',
    demand_list: 'ska vara en lista av { "id", "weight" }',
    boolean: 'ska vara true eller false',
    sites_list: 'ska vara en lista av { "id", "fixed"? }',
    cost_value: 'ska vara ett tal eller null',
    cost_row: 'ska vara en rad (lista)',
    cost_rows: 'ska vara en lista av rader',
    min_time: 'ska vara minst 0,01 sekunder',
    robust_mode: 'ska vara "maxmin" eller "weighted"',
    robust_years: 'ska vara en icke-tom lista av { "label", "weights" }',
    weights_list: 'ska vara en lista av tal ≥ 0, ett per efterfrågepunkt',
  },
  en: {
    model: 'should be "mclp", "pmedian", "lscp" or "pcenter"',
    integer: 'should be a whole number',
    non_negative_count: 'must not be negative',
    number: 'should be a number',
    non_negative: 'must not be negative',
    share: 'should be between 0 and 1',
    string: 'should be a string',
    finite: 'should be a finite number',
    demand_list: 'should be a list of { "id", "weight" }',
    boolean: 'should be true or false',
    sites_list: 'should be a list of { "id", "fixed"? }',
    cost_value: 'should be a number or null',
    cost_row: 'should be a row (a list)',
    cost_rows: 'should be a list of rows',
    min_time: 'should be at least 0.01 seconds',
    robust_mode: 'should be "maxmin" or "weighted"',
    robust_years: 'should be a non-empty list of { "label", "weights" }',
    weights_list: 'should be a list of numbers ≥ 0, one per demand point',
  },
};
const solveExpectation = (p: Params, lang: Lang) => SOLVE_EXPECTATION[lang][String(p.expected)] ?? String(p.expected);

const sv = {
  bad_utf16: () => 'Filen börjar som UTF-16-text men innehåller ogiltiga tecken. Förväntat: en CSV-fil sparad som UTF-8, UTF-16 eller Windows-1252.',
  not_text: () => 'Filen är inte en textfil (den innehåller binära tecken). Förväntat: en CSV-fil sparad som text (UTF-8, UTF-16 eller Windows-1252).',
  encoding: () => 'Filen är inte UTF-8; den lästes som Windows-1252 (som äldre svensk Excel sparar). Kontrollera att å, ä och ö ser rätt ut.',
  empty: () => 'Filen är tom. Förväntat: en rubrikrad och minst en datarad.',
  no_rows: () => 'Filen har en rubrikrad men inga datarader.',
  field_count: (p) => `Rad ${p.row} har ${p.fields} fält men rubrikraden har ${p.headerFields}. Förväntat: lika många fält på varje rad.`,
  missing_column: (p) => `Rubrikraden saknar kolumn: ${columns(p, 'sv')}. Hittade kolumner: ${found(p, '(inga)')}.`,
  missing_value: (p) => `${atSv(p)}värdet saknas. Förväntat: ${expected(p, 'sv')}.`,
  not_numeric: (p) => `${atSv(p)}"${p.value}" är inget tal. Förväntat: ${expected(p, 'sv')}.`,
  negative: (p) => `${atSv(p)}"${p.value}" är negativt. Förväntat: ${expected(p, 'sv')}.`,
  crs_wgs84: (p) => `Koordinater tolkade som WGS84 (lat/lon) från kolumnerna ${p.yColumn} och ${p.xColumn}.`,
  crs_sweref99tm: (p) => `Koordinater tolkade som SWEREF 99 TM (N/E) och omräknade till WGS84 från kolumnerna ${p.yColumn} och ${p.xColumn}.`,
  crs_ambiguous: (p) => `Filen har både lat/lon och N/E. Kolumnerna ${p.latColumn} och ${p.lonColumn} används; ${p.nColumn} och ${p.eColumn} ignoreras.`,
  empty_id: (p) => `${atSv(p)}id är tomt. Förväntat: ett unikt id för varje plats, t.ex. kand-1.`,
  duplicate_id: (p) => `${atSv(p)}id "${p.id}" finns redan på rad ${p.firstRow}. Förväntat: unika id.`,
  bad_kommun_code: (p) => `${atSv(p)}"${p.value}" är ingen kommunkod. Förväntat: fyra siffror, t.ex. 2080, eller tomt.`,
  swapped: (p) =>
    `${atSv(p)}${givenSv(p)} ser ut att vara omkastade (${axes(p.crs)[0]} och ${axes(p.crs)[1]} har bytt plats). Raden importeras inte; byt plats på värdena i ${p.yColumn} och ${p.xColumn}.`,
  out_of_range: (p) => `${atSv(p)}${givenSv(p)} kan inte ligga i Sverige${hint(p, 'sv')}. Förväntat: ${coordinatesExpected(isCrs(p.crs) ? p.crs : 'wgs84', 'sv')}.`,
  ambiguous: (p) => `Rad ${p.row}: namnet "${p.name}" passar flera vårdcentraler (${p.ids}). Ange id i stället.`,
  unmatched: (p) => {
    const what = [p.id !== undefined && `id "${p.id}"`, p.name !== undefined && `namn "${p.name}"`].filter(Boolean).join(' / ') || 'tomt id och namn';
    return `Rad ${p.row}: ${what} matchar ingen av länets 29 vårdcentraler. Förväntat: ett id som hc-falu-vardcentral eller ett namn som "Vårdcentral Tisken".`;
  },
  bad_year: (p) => `${atSv(p)}"${p.value}" är inget årtal. Förväntat: ett år som 2025.`,
  not_count: (p) => `${atSv(p)}"${p.value}" är inget antal. Förväntat: ${expected(p, 'sv')}.`,
  duplicate: (p) => `Rad ${p.row}: ${p.centre} år ${p.year} finns redan på rad ${p.firstRow}. Förväntat: en rad per vårdcentral och år.`,
  matrix_missing_column: (p) =>
    `Rubrikraden saknar kolumn: ${columns(p, 'sv')}. Hittade kolumner: ${found(p, '(inga)')}. Förväntat: origin_id, destination_id, minutes och valfritt km.`,
  matrix_empty_origin: (p) => `${atSv(p)}start-id är tomt. Förväntat: id för en startpunkt.`,
  matrix_empty_destination: (p) => `${atSv(p)}mål-id är tomt. Förväntat: id för ett mål.`,
  duplicate_pair: (p) => `${atSv(p)}paret ${p.origin} → ${p.destination} finns redan på rad ${p.firstRow}. Förväntat: varje par en gång.`,
  no_valid_rows: () => 'Ingen rad i filen gick att använda; se felen ovan.',
  more_of_same: (p) => `… och ${p.more} till av samma slag (${p.code}); endast de första ${p.shown} visas.`,
  matrix_invalid_json: (p) => `Filen är inte giltig JSON: ${p.error}. Förväntat: {"origins": [...], "destinations": [...], "minutes": [[...], ...]}.`,
  matrix_not_object: () => 'JSON-filen ska vara ett objekt med fälten origins, destinations och minutes.',
  matrix_ids_not_list: (p) => `Fältet ${p.field} saknas eller är ingen lista. Förväntat: en lista med id, t.ex. ["a", "b"].`,
  matrix_ids_empty: (p) => `Fältet ${p.field} är en tom lista. Förväntat: minst ett id.`,
  matrix_invalid_id: (p) => `${p.field}[${p.index}]: ${p.value} är inget id. Förväntat: en icke-tom text.`,
  matrix_duplicate_id: (p) => `${p.field}[${p.index}]: id "${p.id}" finns redan på plats ${p.first}. Förväntat: unika id.`,
  matrix_grid_not_list: (p) => `Fältet ${p.field} ska vara en lista med en rad per origin (${p.origins} rader).`,
  matrix_grid_rows: (p) => `${p.field} har ${p.rows} rader men origins har ${p.origins} id. Förväntat: en rad per origin.`,
  matrix_grid_row_length: (p) =>
    `${p.field}[${p.index}] (origin "${p.origin}") har ${p.values} värden men destinations har ${p.destinations} id. Förväntat: ett värde per destination.`,
  matrix_grid_row_not_list: (p) =>
    `${p.field}[${p.index}] (origin "${p.origin}") har ingen lista men destinations har ${p.destinations} id. Förväntat: ett värde per destination.`,
  matrix_missing_minutes: () => 'Fältet minutes saknas.',
  matrix_cell_not_numeric: (p) => `${cell(p)}: ${p.value} är inget tal. Förväntat: ${unit(p, 'sv')} ≥ 0 eller null.`,
  matrix_cell_negative: (p) => `${cell(p)}: ${p.value} är negativt. Förväntat: ${unit(p, 'sv')} ≥ 0 eller null.`,
  missing_origins: (p) => `${p.missing} av ${p.needed} startpunkter saknas i matrisen: ${p.examples}${andMore(p, ' med flera')}.`,
  missing_destinations: (p) => `${p.missing} av ${p.needed} mål saknas i matrisen: ${p.examples}${andMore(p, ' med flera')}.`,
  missing_pairs: (p) =>
    `${p.missing} av ${p.needed} par som scenariot behöver (där start och mål finns i matrisen) saknar restid: ${p.examples}${andMore(p, ' med flera')}. Saknade par fylls inte i; komplettera matrisen.`,
  scenario_invalid_json: (p) => `Filen är inte giltig JSON (${p.error}). Förväntat: en scenariofil exporterad från Familjecentralsplaneraren.`,
  not_scenario: (p) => `Filen är ingen scenariofil (fältet "format" ska vara "${p.format}").`,
  migrated: (p) => `Scenariofilen var av version ${p.from} och har uppdaterats till version ${p.to}; parametrar som saknades har fått standardvärden.`,
  version: (p) => `Scenariofilens version ${p.version} stöds inte. Förväntat version ${p.oldest} eller ${p.current} (en nyare version av verktyget kan behövas).`,
  scenario_missing_field: (p) => `Scenariofilen saknar fältet ${p.path || '(filen)'}.`,
  scenario_invalid_value: (p) => `Scenariofilen, fältet ${p.path || '(filen)'}: ogiltigt värde ${p.value}.`,
  bad_link: () => 'Länken är skadad eller avkortad: scenariot kunde inte läsas.',
  mixed_encoding: (p) => `Filen blandar teckenkodningar: den är inte UTF-8, men rad ${p.row} innehåller "${p.sample}", som är ett UTF-8-tecken läst som Windows-1252 (t.ex. "Ã¥" i stället för "å"). Förväntat: hela filen sparad med en kodning. Importerar du ändå blir sådana namn fel.`,
  unclosed_quote: (p) => `Rad ${p.row}: ett citattecken (") öppnas men stängs aldrig, så resten av filen läses som ett enda fält. Förväntat: varje " som börjar ett fält avslutas med ett ".`,
  forecast_duplicate: (p) => `Rad ${p.row}: kommun ${p.value} år ${p.year} finns redan på rad ${p.firstRow}. Förväntat: en rad per kommun och år.`,
  file_too_large: (p) => `Filen är ${String(p.mb).replace('.', ',')} MB; högst ${p.maxMb} MB kan läsas. Inget importerades.`,
  too_many_candidates: (p) => `Filen har ${n(p.count)} platser; högst ${n(p.max)} kandidatplatser kan analyseras i ett scenario. Inget importerades. Förväntat: en fil med de platser som ska jämföras.`,
  matrix_too_large: (p) => `Matrisen har ${n(p.origins)} start-id och ${n(p.destinations)} mål-id, alltså ${n(p.cells)} par; högst ${n(p.max)} ryms i webbläsaren. Förväntat: start-id = rutor eller DeSO (högst cirka 4 300) och mål-id = familjecentraler och kandidatplatser.`,
  scenario_outside_sweden: (p) => `Scenariofilen, fältet ${p.path}: ${p.value} ligger utanför Sverige. Förväntat: lat 55–69 och lon 10,5–24 (WGS84).`,
  scenario_duplicate_ids: (p) => `Scenariofilen har ${p.count} kandidatplatser med samma id (${p.ids}); de har fått nya id (t.ex. ${p.example}) så att varje plats kan ändras och tas bort för sig.`,
  solve_invalid_json: (p) => `Ogiltig JSON: ${p.error}`,
  solve_missing_field: (p) => `Fältet ${p.path || '(roten)'} saknas.`,
  solve_invalid_field: (p) => `Fältet ${p.path || '(roten)'}: ${solveExpectation(p, 'sv')}`,
  solve_empty_demand: () => 'demand är tom: minst en efterfrågepunkt behövs.',
  solve_empty_sites: () => 'sites är tom: minst en plats behövs.',
  solve_cost_rows: (p) => `cost har ${p.rows} rader men demand har ${p.demand} punkter (en rad per punkt, i samma ordning).`,
  solve_cost_row_length: (p) => `cost[${p.i}] har ${p.values} värden men sites har ${p.sites} platser.`,
  solve_bad_cost: (p) => `cost[${p.i}][${p.j}] = ${p.value}: kostnader ska vara tal ≥ 0 eller null (ej nåbar).`,
  solve_duplicate_id: (p) => `${p.field} har id "${p.id}" mer än en gång.`,
  solve_needs_p: (p) => `Modellen ${p.model} kräver "p" (antal nya platser).`,
  solve_needs_radius: (p) => `Modellen ${p.model} kräver "radius".`,
  solve_target_share_lscp_only: () => '"target_share" gäller bara lscp.',
  solve_robust_mclp_only: (p) => `"robust" gäller bara mclp, inte ${p.model}.`,
  solve_robust_weights_length: (p) => `robust.years.${p.index}.weights har ${p.values} värden men demand har ${p.demand} punkter (ett värde per punkt, i samma ordning).`,
  solve_robust_empty_year: (p) => `robust.years.${p.index}.weights summerar till 0: året har ingen efterfrågan att täcka.`,
} satisfies Record<IssueCode, Template>;

const en = {
  bad_utf16: () => 'The file starts as UTF-16 text but contains invalid characters. Expected: a CSV file saved as UTF-8, UTF-16 or Windows-1252.',
  not_text: () => 'The file is not a text file (it contains binary characters). Expected: a CSV file saved as text (UTF-8, UTF-16 or Windows-1252).',
  encoding: () => 'The file is not UTF-8; it was read as Windows-1252 (as older Swedish versions of Excel save files). Check that å, ä and ö look right.',
  empty: () => 'The file is empty. Expected: a header row and at least one data row.',
  no_rows: () => 'The file has a header row but no data rows.',
  field_count: (p) => `Row ${p.row} has ${p.fields} fields but the header row has ${p.headerFields}. Expected: the same number of fields on every row.`,
  missing_column: (p) => `The header row is missing a column: ${columns(p, 'en')}. Columns found: ${found(p, '(none)')}.`,
  missing_value: (p) => `${atEn(p)}the value is missing. Expected: ${expected(p, 'en')}.`,
  not_numeric: (p) => `${atEn(p)}"${p.value}" is not a number. Expected: ${expected(p, 'en')}.`,
  negative: (p) => `${atEn(p)}"${p.value}" is negative. Expected: ${expected(p, 'en')}.`,
  crs_wgs84: (p) => `Coordinates read as WGS84 (lat/lon) from the columns ${p.yColumn} and ${p.xColumn}.`,
  crs_sweref99tm: (p) => `Coordinates read as SWEREF 99 TM (N/E) and converted to WGS84 from the columns ${p.yColumn} and ${p.xColumn}.`,
  crs_ambiguous: (p) => `The file has both lat/lon and N/E. The columns ${p.latColumn} and ${p.lonColumn} are used; ${p.nColumn} and ${p.eColumn} are ignored.`,
  empty_id: (p) => `${atEn(p)}the id is empty. Expected: a unique id for each site, e.g. kand-1.`,
  duplicate_id: (p) => `${atEn(p)}id "${p.id}" already appears on row ${p.firstRow}. Expected: unique ids.`,
  bad_kommun_code: (p) => `${atEn(p)}"${p.value}" is not a municipality code. Expected: four digits, e.g. 2080, or empty.`,
  swapped: (p) =>
    `${atEn(p)}${givenEn(p)} appear to be swapped (${axes(p.crs)[0]} and ${axes(p.crs)[1]} have changed places). The row is not imported; swap the values in ${p.yColumn} and ${p.xColumn}.`,
  out_of_range: (p) => `${atEn(p)}${givenEn(p)} cannot be in Sweden${hint(p, 'en')}. Expected: ${coordinatesExpected(isCrs(p.crs) ? p.crs : 'wgs84', 'en')}.`,
  ambiguous: (p) => `Row ${p.row}: the name "${p.name}" matches several health centres (${p.ids}). Give the id instead.`,
  unmatched: (p) => {
    const what = [p.id !== undefined && `id "${p.id}"`, p.name !== undefined && `name "${p.name}"`].filter(Boolean).join(' / ') || 'an empty id and name';
    return `Row ${p.row}: ${what} matches none of the county's 29 health centres. Expected: an id such as hc-falu-vardcentral or a name such as "Vårdcentral Tisken".`;
  },
  bad_year: (p) => `${atEn(p)}"${p.value}" is not a year. Expected: a year such as 2025.`,
  not_count: (p) => `${atEn(p)}"${p.value}" is not a count. Expected: ${expected(p, 'en')}.`,
  duplicate: (p) => `Row ${p.row}: ${p.centre} for ${p.year} already appears on row ${p.firstRow}. Expected: one row per health centre and year.`,
  matrix_missing_column: (p) =>
    `The header row is missing a column: ${columns(p, 'en')}. Columns found: ${found(p, '(none)')}. Expected: origin_id, destination_id, minutes and optionally km.`,
  matrix_empty_origin: (p) => `${atEn(p)}the origin id is empty. Expected: the id of an origin.`,
  matrix_empty_destination: (p) => `${atEn(p)}the destination id is empty. Expected: the id of a destination.`,
  duplicate_pair: (p) => `${atEn(p)}the pair ${p.origin} → ${p.destination} already appears on row ${p.firstRow}. Expected: each pair once.`,
  no_valid_rows: () => 'No row in the file could be used; see the errors above.',
  more_of_same: (p) => `… and ${p.more} more of the same kind (${p.code}); only the first ${p.shown} are shown.`,
  matrix_invalid_json: (p) => `The file is not valid JSON: ${p.error}. Expected: {"origins": [...], "destinations": [...], "minutes": [[...], ...]}.`,
  matrix_not_object: () => 'The JSON file should be an object with the fields origins, destinations and minutes.',
  matrix_ids_not_list: (p) => `The field ${p.field} is missing or is not a list. Expected: a list of ids, e.g. ["a", "b"].`,
  matrix_ids_empty: (p) => `The field ${p.field} is an empty list. Expected: at least one id.`,
  matrix_invalid_id: (p) => `${p.field}[${p.index}]: ${p.value} is not an id. Expected: a non-empty string.`,
  matrix_duplicate_id: (p) => `${p.field}[${p.index}]: id "${p.id}" already appears at position ${p.first}. Expected: unique ids.`,
  matrix_grid_not_list: (p) => `The field ${p.field} should be a list with one row per origin (${p.origins} rows).`,
  matrix_grid_rows: (p) => `${p.field} has ${p.rows} rows but origins has ${p.origins} ids. Expected: one row per origin.`,
  matrix_grid_row_length: (p) =>
    `${p.field}[${p.index}] (origin "${p.origin}") has ${p.values} values but destinations has ${p.destinations} ids. Expected: one value per destination.`,
  matrix_grid_row_not_list: (p) =>
    `${p.field}[${p.index}] (origin "${p.origin}") is not a list but destinations has ${p.destinations} ids. Expected: one value per destination.`,
  matrix_missing_minutes: () => 'The field minutes is missing.',
  matrix_cell_not_numeric: (p) => `${cell(p)}: ${p.value} is not a number. Expected: ${unit(p, 'en')} ≥ 0 or null.`,
  matrix_cell_negative: (p) => `${cell(p)}: ${p.value} is negative. Expected: ${unit(p, 'en')} ≥ 0 or null.`,
  missing_origins: (p) => `${p.missing} of ${p.needed} origins are missing from the matrix: ${p.examples}${andMore(p, ' and more')}.`,
  missing_destinations: (p) => `${p.missing} of ${p.needed} destinations are missing from the matrix: ${p.examples}${andMore(p, ' and more')}.`,
  missing_pairs: (p) =>
    `${p.missing} of ${p.needed} pairs the scenario needs (where both origin and destination are in the matrix) have no travel time: ${p.examples}${andMore(p, ' and more')}. Missing pairs are not filled in; complete the matrix.`,
  scenario_invalid_json: (p) => `The file is not valid JSON (${p.error}). Expected: a scenario file exported from Familjecentralsplaneraren.`,
  not_scenario: (p) => `The file is not a scenario file (the field "format" should be "${p.format}").`,
  migrated: (p) => `The scenario file was version ${p.from} and has been updated to version ${p.to}; parameters that were missing have been given default values.`,
  version: (p) => `Scenario file version ${p.version} is not supported. Expected version ${p.oldest} or ${p.current} (a newer version of the tool may be needed).`,
  scenario_missing_field: (p) => `The scenario file lacks the field ${p.path || '(the file)'}.`,
  scenario_invalid_value: (p) => `Scenario file, field ${p.path || '(the file)'}: invalid value ${p.value}.`,
  bad_link: () => 'The link is damaged or truncated: the scenario could not be read.',
  mixed_encoding: (p) => `The file mixes character encodings: it is not UTF-8, but row ${p.row} contains "${p.sample}", a UTF-8 character read as Windows-1252 (e.g. "Ã¥" instead of "å"). Expected: the whole file saved in one encoding. If you import anyway, such names will be wrong.`,
  unclosed_quote: (p) => `Row ${p.row}: a quote (") opens but never closes, so the rest of the file is read as one field. Expected: every " that starts a field is closed with a ".`,
  forecast_duplicate: (p) => `Row ${p.row}: municipality ${p.value} year ${p.year} is already on row ${p.firstRow}. Expected: one row per municipality and year.`,
  file_too_large: (p) => `The file is ${p.mb} MB; at most ${p.maxMb} MB can be read. Nothing was imported.`,
  too_many_candidates: (p) => `The file has ${nEn(p.count)} sites; at most ${nEn(p.max)} candidate sites can be analysed in a scenario. Nothing was imported. Expected: a file with the sites to compare.`,
  matrix_too_large: (p) => `The matrix has ${nEn(p.origins)} origin ids and ${nEn(p.destinations)} destination ids, ${nEn(p.cells)} pairs; at most ${nEn(p.max)} fit in the browser. Expected: origin ids = grid cells or DeSO (about 4,300 at most) and destination ids = family centres and candidate sites.`,
  scenario_outside_sweden: (p) => `Scenario file, field ${p.path}: ${p.value} lies outside Sweden. Expected: lat 55–69 and lon 10.5–24 (WGS84).`,
  scenario_duplicate_ids: (p) => `The scenario file has ${p.count} candidate sites with the same id (${p.ids}); they have been given new ids (e.g. ${p.example}) so that each site can be changed and removed on its own.`,
  solve_invalid_json: (p) => `Invalid JSON: ${p.error}`,
  solve_missing_field: (p) => `The field ${p.path || '(the root)'} is missing.`,
  solve_invalid_field: (p) => `The field ${p.path || '(the root)'}: ${solveExpectation(p, 'en')}`,
  solve_empty_demand: () => 'demand is empty: at least one demand point is needed.',
  solve_empty_sites: () => 'sites is empty: at least one site is needed.',
  solve_cost_rows: (p) => `cost has ${p.rows} rows but demand has ${p.demand} points (one row per point, in the same order).`,
  solve_cost_row_length: (p) => `cost[${p.i}] has ${p.values} values but sites has ${p.sites} sites.`,
  solve_bad_cost: (p) => `cost[${p.i}][${p.j}] = ${p.value}: costs should be numbers ≥ 0 or null (unreachable).`,
  solve_duplicate_id: (p) => `${p.field} has the id "${p.id}" more than once.`,
  solve_needs_p: (p) => `The model ${p.model} requires "p" (the number of new sites).`,
  solve_needs_radius: (p) => `The model ${p.model} requires "radius".`,
  solve_target_share_lscp_only: () => '"target_share" applies only to lscp.',
  solve_robust_mclp_only: (p) => `"robust" applies only to mclp, not ${p.model}.`,
  solve_robust_weights_length: (p) => `robust.years.${p.index}.weights has ${p.values} values but demand has ${p.demand} points (one value per point, in the same order).`,
  solve_robust_empty_year: (p) => `robust.years.${p.index}.weights sums to 0: the year has no demand to cover.`,
} satisfies Record<IssueCode, Template>;

/** Sentence templates of every IssueCode, per language. */
export const ISSUE_TEXT = { sv, en } satisfies Record<Lang, Record<IssueCode, Template>>;

/** An input issue as a sentence in the language (Swedish by default). */
export function issueText(issue: InputIssue, lang: Lang = 'sv'): string {
  return ISSUE_TEXT[lang][issue.code](issue.params ?? {});
}

type SolveTemplate = (p: Readonly<Partial<SolveMessageParams>>) => string;
/** A share 0–1 as a percentage with one decimal (as the solver has always written it: "30.0"). */
const pct = (v: string | number | undefined) => (Number(v) * 100).toFixed(1);
/** A relative gap 0–1 as a percentage with two significant digits ("0.025 %"); "? %" without one. */
const gapPct = (v: string | number | undefined) => `${v === undefined || !Number.isFinite(Number(v)) ? '?' : (Number(v) * 100).toPrecision(2)} %`;

/** Sentence templates of every SolveMessageCode, per language. */
export const SOLVE_TEXT = {
  sv: {
    too_few_sites: (p) => `p = ${p.p} är större än antalet valbara platser (${p.free}).`,
    unreachable_demand: (p) => `${p.count} efterfrågepunkter kan inte nås från någon plats (t.ex. ${p.examples}).`,
    nothing_opened: () => 'Ingen plats öppnas: p = 0 och inga fasta platser.',
    uncoverable_demand: (p) => `${p.count} efterfrågepunkter kan inte täckas inom radien ${p.radius} av någon plats (t.ex. ${p.examples}).`,
    target_unreachable: (p) => `Målet ${pct(p.target)} % kan inte nås: även med alla platser täcks högst ${pct(p.max)} % inom radien ${p.radius}.`,
    heuristic_no_solution: (p) => `Heuristiken hittade inget val av ${p.p} platser som når alla punkter (${p.unreached} nås inte); det kan sakna lösning (ej bevisat).`,
    no_solution: () => 'Problemet saknar lösning med de givna villkoren.',
    timeout_no_solution: () => 'Den exakta lösaren hann inte avgöra problemet inom tidsgränsen, och heuristiken hittade ingen lösning.',
    timeout_heuristic_shown: () => 'Den exakta lösaren hann inte hitta en lösning inom tidsgränsen; heuristikens lösning visas.',
    timeout_heuristic_better: () => 'Tidsgränsen nåddes; heuristikens lösning var bättre än lösarens bästa.',
    timeout_not_proven: () => 'Tidsgränsen nåddes innan optimum bevisades.',
    lagrangian_gap: (p) => `Optimum är inte bevisat: lösningen ligger högst ${gapPct(p.gap)} över den bästa nedre gränsen (lagrangerelaxation).`,
    robust_mclp_only: (p) => `Robust val mellan år (robust) gäller bara mclp, inte ${p.model}.`,
    robust_empty_year: (p) => `Året ${p.year} har ingen efterfrågan (summan av vikterna är 0); dess täckningsandel kan inte jämföras.`,
  } satisfies Record<SolveMessageCode, SolveTemplate>,
  en: {
    too_few_sites: (p) => `p = ${p.p} is larger than the number of sites that can be chosen (${p.free}).`,
    unreachable_demand: (p) => `${p.count} demand points cannot be reached from any site (e.g. ${p.examples}).`,
    nothing_opened: () => 'No site is opened: p = 0 and there are no fixed sites.',
    uncoverable_demand: (p) => `${p.count} demand points cannot be covered within the radius ${p.radius} by any site (e.g. ${p.examples}).`,
    target_unreachable: (p) => `The target of ${pct(p.target)}% cannot be reached: even with every site, at most ${pct(p.max)}% is covered within the radius ${p.radius}.`,
    heuristic_no_solution: (p) =>
      `The heuristic found no choice of ${p.p} sites that reaches every point (${p.unreached} are not reached); there may be no solution (not proven).`,
    no_solution: () => 'The problem has no solution under the given conditions.',
    timeout_no_solution: () => 'The exact solver could not settle the problem within the time limit, and the heuristic found no solution.',
    timeout_heuristic_shown: () => "The exact solver could not find a solution within the time limit; the heuristic's solution is shown.",
    timeout_heuristic_better: () => "The time limit was reached; the heuristic's solution was better than the solver's best.",
    timeout_not_proven: () => 'The time limit was reached before optimality was proven.',
    lagrangian_gap: (p) => `Optimality is not proven: the solution is at most ${gapPct(p.gap)} above the best lower bound (Lagrangian relaxation).`,
    robust_mclp_only: (p) => `Robust siting across years (robust) applies only to mclp, not ${p.model}.`,
    robust_empty_year: (p) => `The year ${p.year} has no demand (its weights sum to 0); its coverage share cannot be compared.`,
  } satisfies Record<SolveMessageCode, SolveTemplate>,
} satisfies Record<Lang, Record<SolveMessageCode, SolveTemplate>>;

/** Sentence templates of the siting rules' messages (SolveResult.rule_message_code), per language. */
export const RULE_TEXT: Record<Lang, Record<RuleMessageCode, SolveTemplate>> = {
  sv: {
    group_no_site: (p) => `Kommunen ${p.group} ska ha minst en plats men har varken en befintlig plats som räknas eller någon kandidat (kommuner utan platser: ${p.groups}).`,
    groups_exceed_p: (p) => `${p.needed} kommuner saknar plats och behöver en ny (${p.groups}), men bara ${p.p} nya platser ska väljas. Välj minst ${p.needed} nya platser eller kräv färre kommuner.`,
    min_base_no_radius: (p) => `Minsta underlag (${p.min_base}) kräver en radie (tröskeln T) att räkna underlaget inom.`,
    min_base_infeasible: (p) => `Med minst ${p.min_base} barn inom ${p.base_radius} min utesluts ${p.dropped} kandidater (${p.kept} återstår), och då går det inte: ${ruleReason(p, 'sv')}`,
  },
  en: {
    group_no_site: (p) => `Municipality ${p.group} must have at least one site but has neither an existing site that counts nor any candidate (municipalities without sites: ${p.groups}).`,
    groups_exceed_p: (p) => `${p.needed} municipalities have no site and need a new one (${p.groups}), but only ${p.p} new sites are to be chosen. Choose at least ${p.needed} new sites or require fewer municipalities.`,
    min_base_no_radius: (p) => `A minimum base (${p.min_base}) needs a radius (the threshold T) to count the base within.`,
    min_base_infeasible: (p) => `Requiring at least ${p.min_base} children within ${p.base_radius} min leaves out ${p.dropped} candidates (${p.kept} remain), and then: ${ruleReason(p, 'en')}`,
  },
};

/** The reason a minimum base made a problem impossible (another rule or solver message), in words. */
function ruleReason(p: Readonly<Partial<SolveMessageParams>>, lang: Lang): string {
  const code = String(p.reason ?? '');
  if ((RULE_MESSAGE_CODES as readonly string[]).includes(code) && code !== 'min_base_infeasible') return RULE_TEXT[lang][code as RuleMessageCode](p);
  if (code in SOLVE_TEXT[lang]) return SOLVE_TEXT[lang][code as SolveMessageCode](p);
  return code;
}

/** A siting rule's message as a sentence in the language. */
export function ruleMessageText(code: RuleMessageCode, params: SolveMessageParams | undefined, lang: Lang = 'sv'): string {
  return RULE_TEXT[lang][code](params ?? {});
}

/** A solver message (SolveResult.message_code and message_params) as a sentence in the language. */
export function solveMessageText(code: SolveMessageCode, params: SolveMessageParams | undefined, lang: Lang = 'sv'): string {
  return SOLVE_TEXT[lang][code](params ?? {});
}
