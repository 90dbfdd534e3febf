import type { Better } from '../domain/compareBest';
import type { Lang } from './format';

/**
 * The words of issue 12, item 9 ("working comfort"): the wide comparison drawer, its best marker
 * and each row's direction, and the keyboard search list of candidate sites. Swedish and English,
 * complete in both (test/unit/comfortWords.test.ts compares them). Kept in their own module until
 * the lead merges them into sv.ts / en.ts. Figures are passed in; no number is written here.
 */
export interface ComfortWords {
  /** The button that opens the comparison drawer; {n} = candidates ticked. */
  compareOpen: string;
  /** The drawer's heading. */
  compareTitle: string;
  /** The drawer's close button. */
  close: string;
  /** Tooltip of the close button (says Esc also closes). */
  closeTitle: string;
  /** The marker beside the best value of a row (text, not only bold). */
  best: string;
  /** How the marker is read in a sentence (screen readers, tooltip). */
  bestTitle: string;
  /** Which way is better, shown under each row's name. */
  better: Record<Better, string>;
  /** Explains the marker and ties under the table. */
  bestNote: string;
  /** Direction of the kommun rows (children added within T). */
  kommunBetter: string;
  /** Removes one candidate from the comparison (column header button); {name}. */
  removeColumn: string;
  /** The comparison needs at least two candidates (after one was removed in the drawer). */
  needTwo: string;
  /** Accessible name of the search hits list. */
  hitsLabel: string;
  /** Announced hit count; {n}. */
  hitsCount: string;
  /** No hit for the typed text. */
  noHits: string;
  /** How the search list is used from the keyboard. */
  searchKeys: string;
}

export const COMFORT_WORDS: Record<Lang, ComfortWords> = {
  sv: {
    compareOpen: 'Jämför markerade kandidater ({n})',
    compareTitle: 'Jämförelse av kandidatplatser',
    close: 'Stäng',
    closeTitle: 'Stäng jämförelsen (Esc)',
    best: 'bäst',
    bestTitle: 'bästa värdet på raden',
    better: { higher: 'högre är bättre', lower: 'lägre är bättre', none: 'varken högre eller lägre är bättre' },
    bestNote: 'Fetstil och ”bäst” visar radens bästa värde så som det visas; lika värden markeras alla, okända värden aldrig.',
    kommunBetter: 'fler barn är bättre',
    removeColumn: 'Ta bort {name} ur jämförelsen',
    needTwo: 'Kryssa i minst två kandidater för att jämföra.',
    hitsLabel: 'Träffar',
    hitsCount: 'Träffar: {n}',
    noHits: 'Inga träffar',
    searchKeys: 'Pil ned och upp väljer en träff, Enter lägger till den, Esc tömmer sökrutan.',
  },
  en: {
    compareOpen: 'Compare ticked candidates ({n})',
    compareTitle: 'Comparison of candidate sites',
    close: 'Close',
    closeTitle: 'Close the comparison (Esc)',
    best: 'best',
    bestTitle: 'best value of the row',
    better: { higher: 'higher is better', lower: 'lower is better', none: 'neither higher nor lower is better' },
    bestNote: 'Bold and “best” show the best value of a row as shown; equal values are all marked, unknown values never.',
    kommunBetter: 'more children is better',
    removeColumn: 'Remove {name} from the comparison',
    needTwo: 'Tick at least two candidates to compare.',
    hitsLabel: 'Matches',
    hitsCount: 'Matches: {n}',
    noHits: 'No matches',
    searchKeys: 'Arrow down and up pick a match, Enter adds it, Esc clears the search box.',
  },
};
