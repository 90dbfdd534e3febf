/**
 * Where a transcribed fact comes from: one of the project's background documents (named by its
 * file number in /work/shared/seeds/) or the shared facility data. The place is the document's
 * own section name or slide title, so a reader can find it; the sentences are never copied.
 */

/** The sources a transcribed fact may cite. */
export type DocumentKey = '000' | '001' | '002' | 'family-centres.csv';

/** Short bibliographic names of the sources (proper names; the same in Swedish and English). */
export const DOCUMENTS: Readonly<Record<DocumentKey, string>> = {
  '000': 'Familjecentraler i Dalarna, Socialchefsnätverket 2020-08-28 (bilder; textutdrag 000)',
  '001': 'Familjecentraler i Dalarna, Socialchefsnätverket 2020-08-28 (bilder; textutdrag 001)',
  '002': 'Region Dalarna (2026): Familjecentraler och familjecentralsliknande verksamhet – En framtida riktning, HSN 2026/4486',
  'family-centres.csv': 'Delad data: data/facilities/family-centres.csv (kolumnen opened och dess källor i SOURCES.md)',
};

/** A fact's source: the documents that state it and where in them (section name or slide title). */
export interface DocRef {
  /** Documents that state the fact (000 and 001 are two text extractions of the same slides). */
  docs: readonly DocumentKey[];
  /** Section name or slide title in the document, e.g. "avsnitt 3.1 Bakgrund". */
  place: string;
}

/** The slide deck 000/001 at a slide title. */
export const slides = (title: string): DocRef => ({ docs: ['000', '001'], place: `bilden "${title}"` });

/** Report 002 at a section. */
export const report = (section: string): DocRef => ({ docs: ['002'], place: section });
