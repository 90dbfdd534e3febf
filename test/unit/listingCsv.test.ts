import { describe, expect, it } from 'vitest';
import { hasErrors } from '../../src/io/issues';
import { latestYearRecords, normaliseCentreName, parseListingCsv } from '../../src/io/listingCsv';
import { issueText } from '../../src/i18n/messages';

const centres = [
  { id: 'hc-tisken', name: 'Vårdcentral Tisken' },
  { id: 'hc-jakobsgardarna', name: 'Vårdcentral Jakobsgårdarna' },
  { id: 'hc-orsa', name: 'Vårdcentral Orsa' },
];

describe('normaliseCentreName', () => {
  it('ignores case, "Vårdcentral(en)" and punctuation but keeps å/ä/ö', () => {
    expect(normaliseCentreName('Vårdcentral Jakobsgårdarna')).toBe('jakobsgårdarna');
    expect(normaliseCentreName('JAKOBSGÅRDARNA vårdcentralen')).toBe('jakobsgårdarna');
    expect(normaliseCentreName('VC Orsa')).toBe('orsa');
  });
});

describe('parseListingCsv', () => {
  it('matches by id and by name, standard dialect', () => {
    const r = parseListingCsv(
      'health_centre_id,name,year,children_0_6,women_16_54\nhc-tisken,,2025,812,1500\n,Jakobsgårdarna,2025,1033,\n',
      centres,
    );
    expect(r.issues).toEqual([]);
    expect(r.value.records).toEqual([
      { health_centre_id: 'hc-tisken', year: 2025, children_0_6: 812, women_16_54: 1500 },
      { health_centre_id: 'hc-jakobsgardarna', year: 2025, children_0_6: 1033, women_16_54: null },
    ]);
  });

  it('reads the Swedish Excel dialect (semicolon, decimal comma, Swedish headers)', () => {
    const r = parseListingCsv('Vårdcentral;År;Barn 0-6;Kvinnor 16-54\nVårdcentral Orsa;2025;301,0;1 204\nhc-tisken;2025;2,5;\n', centres);
    expect(r.issues).toEqual([]);
    expect(r.value.records).toEqual([
      { health_centre_id: 'hc-orsa', year: 2025, children_0_6: 301, women_16_54: 1204 },
      // an id in the name column is accepted
      { health_centre_id: 'hc-tisken', year: 2025, children_0_6: 2.5, women_16_54: null },
    ]);
  });

  it('reports each unusable row with its row number and column', () => {
    const csv = [
      'health_centre_id;name;year;children_0_6',
      'hc-tisken;;2025;800', // row 2 ok
      ';Vårdcentral Okänd;2025;10', // row 3 unmatched
      'hc-orsa;;tjugo;10', // row 4 bad year
      'hc-orsa;;2025;många', // row 5 not numeric
      'hc-tisken;;2025;801', // row 6 duplicate of row 2
    ].join('\n');
    const r = parseListingCsv(csv, centres);
    expect(r.value.records).toHaveLength(1);
    expect(r.issues.map((i) => [i.row, i.code, i.column])).toEqual([
      [3, 'unmatched', 'name'],
      [4, 'bad_year', 'year'],
      [5, 'not_count', 'children_0_6'],
      [6, 'duplicate', undefined],
    ]);
    expect(issueText(r.issues[0])).toContain('Rad 3');
    expect(issueText(r.issues[0])).toContain('Vårdcentral Okänd');
    expect(issueText(r.issues[3])).toContain('rad 2');
  });

  it('names the missing columns and what it found', () => {
    const r = parseListingCsv('kommun;antal\nFalun;3\n', centres);
    expect(hasErrors(r.issues)).toBe(true);
    expect(r.issues[0]).toMatchObject({ code: 'missing_column', row: 1 });
    expect(issueText(r.issues[0])).toContain('children_0_6');
    expect(issueText(r.issues[0])).toContain('Hittade kolumner: kommun, antal');
  });

  it('reports negative counts', () => {
    const r = parseListingCsv('id,year,children_0_6\nhc-orsa,2025,-4\n', centres);
    expect(r.issues[0].code).toBe('not_count');
  });

  it('latestYearRecords keeps only the newest year', () => {
    const r = parseListingCsv('id,year,children_0_6\nhc-orsa,2024,300\nhc-orsa,2025,290\nhc-tisken,2025,800\n', centres);
    const latest = latestYearRecords(r.value.records);
    expect(latest.year).toBe(2025);
    expect(latest.records.map((x) => x.children_0_6)).toEqual([290, 800]);
    expect(latestYearRecords([])).toEqual({ year: null, records: [] });
  });
});
