import type { Lang } from './format';

/**
 * The words of the main map's self-explaining parts (issue 12, item 7): the area-fill choice in
 * the layer panel, the "whole county" button, the loading indicator, the docked legend, the
 * health-centre size key and the highlight entries of the legend. Swedish and English, complete in
 * both (test/unit/mapUiWords.test.ts compares them). Kept in their own module until the lead merges
 * them into sv.ts / en.ts. No number is written here.
 */
export interface MapUiWords {
  /** Heading of the radio group of thematic area fills. */
  fillGroup: string;
  /** Why only one fill at a time. */
  fillGroupHint: string;
  /** The radio that shows no area fill. */
  fillNone: string;
  /** Heading of the point and line layers (checkboxes). */
  overlays: string;
  /** The button that fits the map to the county. */
  wholeCounty: string;
  /** Its tooltip. */
  wholeCountyTitle: string;
  /** Shown over the map until the data is drawn. */
  mapLoading: string;
  /** Tooltip of the legend's summary (it folds). */
  legendFold: string;
  /** The health-centre size key's caption. */
  sizesLabel: string;
  /** Heading of the legend's highlight section. */
  highlightTitle: string;
  /** The ring round the selected candidate. */
  selectedSite: string;
  /** The outline of the DeSO the selected site reaches within the threshold. */
  reachedDeso: string;
  /** The fill of the units the selected site newly covers. */
  addedUnits: string;
  /** The numbered markers of suggested sites. */
  suggestedSites: string;
  unreachable: string;
}

export const MAP_UI_WORDS: Record<Lang, MapUiWords> = {
  sv: {
    fillGroup: 'Ytfärg',
    fillGroupHint: 'En ytfärg i taget, så att färgskalan går att läsa.',
    fillNone: 'Ingen ytfärg',
    overlays: 'Punkter och linjer',
    wholeCounty: 'Hela länet',
    wholeCountyTitle: 'Visa hela Dalarna',
    mapLoading: 'Kartan laddas …',
    legendFold: 'Visa eller dölj teckenförklaringen',
    sizesLabel: 'Cirkelns storlek = listade barn 0–6 år',
    highlightTitle: 'Markerat på kartan',
    selectedSite: 'Vald kandidatplats',
    reachedDeso: 'DeSO som den valda platsen når inom tröskeln',
    addedUnits: 'Områden utan täckning i dag som platsen täcker',
    suggestedSites: 'Föreslagna platser (numrerade)',
    unreachable: 'Områden som ingen möjlig plats når inom tröskeln (från Föreslå platser)',
  },
  en: {
    fillGroup: 'Area colour',
    fillGroupHint: 'One area colour at a time, so that its colour scale can be read.',
    fillNone: 'No area colour',
    overlays: 'Points and lines',
    wholeCounty: 'Whole county',
    wholeCountyTitle: 'Show all of Dalarna',
    mapLoading: 'Loading the map …',
    legendFold: 'Show or hide the legend',
    sizesLabel: 'Circle size = listed children aged 0–6',
    highlightTitle: 'Highlighted on the map',
    selectedSite: 'Selected candidate site',
    reachedDeso: 'DeSO the selected site reaches within the threshold',
    addedUnits: 'Areas not covered today that the site covers',
    suggestedSites: 'Suggested sites (numbered)',
    unreachable: 'Areas no possible site reaches within the threshold (from Suggest sites)',
  },
};
