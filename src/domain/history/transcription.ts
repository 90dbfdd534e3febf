import { report, slides, type DocRef } from '../services/docRef';
import type { Snapshot, SnapshotEntry } from './types';

/**
 * Our own transcription of the two documented snapshots of Dalarna's family centres. Each entry
 * names the document and the section or slide where it is listed; nothing is added that the
 * documents do not state. Where a document names only the kommun, the entry says so
 * (`identity`), and a 2019 centre is never linked to a 2026 one (`sameAs: null`): the documents
 * do not say which 2019 centre became which.
 *
 * Sources:
 * - 2019: slides 000/001 (Socialchefsnätverket 2020-08-28), bilden "Dalarnas familjecentraler"
 *   (eight centres in seven kommuner, listed by kommun only; "idag" at the presentation), bilden
 *   "Dalarnas familjecentraler hösten 2019" (the inventory's figures, which count eight centres)
 *   and bilden "Dalakommuner utan familjecentral" (the other eight kommuner).
 * - 2026: report 002 (HSN 2026/4486, 2026-05-08), avsnitt 3.1 Bakgrund (nine centres in eight
 *   kommuner, Smedjebacken planned, letters of intent in Vansbro and Malung-Sälen, familjeenheter
 *   in Orsa and Älvdalen); avsnitt 3.3 and 3.4 name Elsborg and Sopranen.
 */

const LIST_2019 = slides('Dalarnas familjecentraler');
const LIST_2026 = report('avsnitt 3.1 Bakgrund');

/** A 2019 centre: known only by its kommun, drawn at the kommun's largest tätort. */
const c2019 = (id: string, kommun_code: string, kommun_name: string): SnapshotEntry => ({
  id,
  kommun_code,
  kommun_name,
  kind: 'familjecentral',
  status: 'open',
  source: LIST_2019,
  identity: 'none',
  identitySource: null,
  position: { kind: 'largest_tatort' },
  sameAs: null,
  statusNote: null,
});

/** A 2026 site: a row of family-centres.csv. */
const c2026 = (
  id: string,
  kommun_code: string,
  kommun_name: string,
  status: SnapshotEntry['status'],
  identity: SnapshotEntry['identity'],
  extra: Partial<Pick<SnapshotEntry, 'kind' | 'identitySource' | 'statusNote'>> = {},
): SnapshotEntry => ({
  id,
  kommun_code,
  kommun_name,
  kind: extra.kind ?? 'familjecentral',
  status,
  source: LIST_2026,
  identity,
  identitySource: extra.identitySource ?? null,
  position: { kind: 'facility', id },
  sameAs: null,
  statusNote: extra.statusNote ?? null,
});

/** 002, avsnitt 3.1: the work under the letters of intent has not continued as planned (economic demands: rebuilding, higher costs). */
const INTENT_STALLED = { code: 'intent_work_stalled', source: LIST_2026 } as const;

/** Autumn 2019: eight centres in seven kommuner (000/001), and the eight kommuner stated without. */
export const SNAPSHOT_2019: Snapshot = {
  key: '2019',
  at: '2019',
  documentDate: '2020-08-28',
  source: LIST_2019,
  entries: [
    c2019('h2019-avesta', '2084', 'Avesta'),
    c2019('h2019-ludvika', '2085', 'Ludvika'),
    // "Falun 2 stycken": two centres; the slides do not name them (002, avsnitt 3.1.1, says only
    // that the two had a common steering group in 2019), so neither is tied to Elsborg or Britsarvet.
    c2019('h2019-falun-1', '2080', 'Falun'),
    c2019('h2019-falun-2', '2080', 'Falun'),
    c2019('h2019-gagnef', '2026', 'Gagnef'),
    c2019('h2019-leksand', '2029', 'Leksand'),
    c2019('h2019-hedemora', '2083', 'Hedemora'),
    c2019('h2019-mora', '2062', 'Mora'),
  ],
  statedWithout: {
    // Säter, Borlänge, Vansbro, Rättvik, Älvdalen, Orsa, Malung-Sälen, Smedjebacken: no fully
    // developed centre (the slide adds that several familjecentralsliknande verksamheter exist,
    // without saying in which of these kommuner).
    kommuner: [
      { kommun_code: '2082', kommun_name: 'Säter' },
      { kommun_code: '2081', kommun_name: 'Borlänge' },
      { kommun_code: '2021', kommun_name: 'Vansbro' },
      { kommun_code: '2031', kommun_name: 'Rättvik' },
      { kommun_code: '2039', kommun_name: 'Älvdalen' },
      { kommun_code: '2034', kommun_name: 'Orsa' },
      { kommun_code: '2023', kommun_name: 'Malung-Sälen' },
      { kommun_code: '2061', kommun_name: 'Smedjebacken' },
    ],
    source: slides('Dalakommuner utan familjecentral'),
  },
  statedCounts: { open_centres: 8, kommuner_with_open: 7, planned: null, intent: null, family_units: null },
};

/** 2026: nine centres in eight kommuner, one planned, three letters of intent, two familjeenheter (002, avsnitt 3.1). */
export const SNAPSHOT_2026: Snapshot = {
  key: '2026',
  at: '2026',
  documentDate: '2026-05-08',
  source: LIST_2026,
  entries: [
    c2026('fc-mora', '2062', 'Mora', 'open', 'kommun_match'),
    c2026('fc-leksand', '2029', 'Leksand', 'open', 'kommun_match'),
    c2026('fc-rattvik', '2031', 'Rättvik', 'open', 'kommun_match'),
    c2026('fc-gagnef', '2026', 'Gagnef', 'open', 'kommun_match'),
    // "Falun (2 stycken)": Elsborg is named in avsnitt 3.3 (network meetings held there); which
    // is the second is the data team's inference (Britsarvet, family-centres.csv).
    c2026('fc-falun-elsborg', '2080', 'Falun', 'open', 'named', { identitySource: report('avsnitt 3.3 Utmaningar och förbättringsförslag') }),
    c2026('fc-falun-britsarvet', '2080', 'Falun', 'open', 'data_inference'),
    c2026('fc-borlange-sopranen', '2081', 'Borlänge', 'open', 'named', { identitySource: report('avsnitt 3.4 Dalarnas socioekonomi och antal listade barn') }),
    c2026('fc-ludvika-villgott', '2085', 'Ludvika', 'open', 'kommun_match'),
    c2026('fc-avesta', '2084', 'Avesta', 'open', 'kommun_match'),
    c2026('fc-smedjebacken', '2061', 'Smedjebacken', 'planned', 'kommun_match'),
    // "avsiktsförklaringar för totalt tre familjecentraler": one in Vansbro, two in Malung-Sälen.
    c2026('fc-vansbro', '2021', 'Vansbro', 'intent', 'kommun_match', { statusNote: INTENT_STALLED }),
    c2026('fc-malung', '2023', 'Malung-Sälen', 'intent', 'kommun_match', { statusNote: INTENT_STALLED }),
    c2026('fc-salen', '2023', 'Malung-Sälen', 'intent', 'kommun_match', { statusNote: INTENT_STALLED }),
    // Familjeenheter where the Region and the kommun work together; in Orsa ("Familjens hus") the
    // activities are at different places.
    c2026('fc-orsa-familjens-hus', '2034', 'Orsa', 'open', 'kommun_match', { kind: 'familjeenhet' }),
    c2026('fc-alvdalen-family-unit', '2039', 'Älvdalen', 'open', 'kommun_match', { kind: 'familjeenhet' }),
  ],
  statedWithout: null,
  statedCounts: { open_centres: 9, kommuner_with_open: 8, planned: 1, intent: 3, family_units: 2 },
};

/** Both snapshots, oldest first. */
export const SNAPSHOTS: readonly Snapshot[] = [SNAPSHOT_2019, SNAPSHOT_2026];

/**
 * Opening months the facility data gives (family-centres.csv, column `opened`, from the sources
 * named in its SOURCES.md). They date a start; they say nothing of why.
 */
export const DATED_STARTS: readonly { id: string; from: string; source: DocRef }[] = [
  { id: 'fc-borlange-sopranen', from: '2023-05', source: { docs: ['family-centres.csv'], place: 'kolumnen opened (fc-borlange-sopranen)' } },
  { id: 'fc-orsa-familjens-hus', from: '2023-10', source: { docs: ['family-centres.csv'], place: 'kolumnen opened (fc-orsa-familjens-hus)' } },
];
