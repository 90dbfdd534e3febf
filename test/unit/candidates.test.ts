import { describe, expect, it } from 'vitest';
import { parseCandidatesCsv, parseCandidatesFile } from '../../src/io/candidates';
import { hasErrors } from '../../src/io/issues';
import { issueText } from '../../src/i18n/messages';

const codes = (issues: { code: string }[]) => issues.map((i) => i.code);
/** Encodes text as Windows-1252 (same as Latin-1 for å, ä, ö, é). */
const cp1252 = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

describe('parseCandidatesCsv', () => {
  it('reads WGS84 lat/lon with kommun_code and reports the detected system', () => {
    const r = parseCandidatesCsv('id,name,lat,lon,kommun_code\nk1,Falun centrum,60.6065,15.6355,2080\nk2,,60.4858,15.4371,\n');
    expect(r.value.crs).toBe('wgs84');
    expect(r.value.rowsRead).toBe(2);
    expect(r.value.sites).toEqual([
      { id: 'k1', name: 'Falun centrum', status: 'candidate', lon: 15.6355, lat: 60.6065, kommun_code: '2080' },
      // empty name falls back to the id; no kommun_code
      { id: 'k2', name: 'k2', status: 'candidate', lon: 15.4371, lat: 60.4858 },
    ]);
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ severity: 'warning', code: 'crs_wgs84' });
    expect(issueText(r.issues[0])).toContain('WGS84 (lat/lon)');
    expect(hasErrors(r.issues)).toBe(false);
  });

  it('reads the Swedish Excel dialect: BOM, semicolon, CRLF, decimal comma, Swedish headers', () => {
    const r = parseCandidatesCsv('\ufeffID;Namn;Latitud;Longitud\r\nk1;Borlänge Tjärna;60,4858;15,4371\r\nk2;Mora;61,0046;14,5373\r\n');
    expect(codes(r.issues)).toEqual(['crs_wgs84']);
    expect(r.value.sites.map((s) => [s.id, s.name, s.lat, s.lon])).toEqual([
      ['k1', 'Borlänge Tjärna', 60.4858, 15.4371],
      ['k2', 'Mora', 61.0046, 14.5373],
    ]);
  });

  it('rounds WGS84 coordinates to 6 decimals', () => {
    const r = parseCandidatesCsv('id,name,lat,lon\nk1,A,60.12345678,15.98765432\n');
    expect(r.value.sites[0]).toMatchObject({ lat: 60.123457, lon: 15.987654 });
  });

  it('detects SWEREF 99 TM from N/E and converts to WGS84', () => {
    // N = 6 720 000, E = 500 000 is on 15°E; its latitude 60.615848 is checked in sweref.test.ts.
    const r = parseCandidatesCsv('id;namn;N;E\nk1;Meridianen;6 720 000;500 000\nk2;Falun;6719127;534796\n');
    expect(r.value.crs).toBe('sweref99tm');
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0].code).toBe('crs_sweref99tm');
    expect(issueText(r.issues[0])).toContain('SWEREF 99 TM (N/E) och omräknade till WGS84');
    expect(r.value.sites[0]).toEqual({ id: 'k1', name: 'Meridianen', status: 'candidate', lon: 15, lat: 60.615848 });
    // Falun, about 60.6065°N 15.6355°E; 1e-4° ≈ 5–11 m.
    expect(r.value.sites[1].lat).toBeCloseTo(60.6065, 4);
    expect(r.value.sites[1].lon).toBeCloseTo(15.6355, 4);
  });

  it('accepts northing/easting and sweref99_n/sweref99_e headers', () => {
    for (const header of ['id,name,northing,easting', 'id,name,SWEREF99 N,SWEREF99 E']) {
      const r = parseCandidatesCsv(`${header}\nk1,A,6720000,500000\n`);
      expect(r.value.crs).toBe('sweref99tm');
      expect(r.value.sites[0]).toMatchObject({ lon: 15, lat: 60.615848 });
    }
  });

  it('reports each problem with spreadsheet row (after blank lines) and column, and keeps the good rows', () => {
    const csv = [
      'id;name;lat;lon', // 1
      'k1;Bra;60,6;15,6', // 2 ok
      '', // 3 blank
      ';Utan id;60,6;15,6', // 4 empty id
      'k1;Dubblett;60,7;15,7', // 5 duplicate of row 2
      '', // 6 blank
      'k3;Text;sextio;15,6', // 7 non-numeric lat
      'k4;Tom;60,6;', // 8 empty lon
      'k5;Omkastad;15,63;60,61', // 9 swapped
      'k6;Berlin;52,52;13,40', // 10 outside Sweden
      'k7;Bra;61,0;14,5', // 11 ok
    ].join('\n');
    const r = parseCandidatesCsv(csv);
    expect(r.value.rowsRead).toBe(8);
    expect(r.value.sites.map((s) => s.id)).toEqual(['k1', 'k7']);
    const errors = r.issues.filter((i) => i.severity === 'error');
    expect(errors.map((i) => [i.row, i.code, i.column])).toEqual([
      [4, 'empty_id', 'id'],
      [5, 'duplicate_id', 'id'],
      [7, 'not_numeric', 'lat'],
      [8, 'missing_value', 'lon'],
      [9, 'swapped', undefined],
      [10, 'out_of_range', undefined],
    ]);
    expect(issueText(errors[1])).toBe('Rad 5, kolumn id: id "k1" finns redan på rad 2. Förväntat: unika id.');
    expect(issueText(errors[2])).toContain('"sextio" är inget tal');
    expect(issueText(errors[2])).toContain('lat 55–69,1 och lon 10,9–24,2');
    expect(issueText(errors[3])).toContain('värdet saknas');
    expect(issueText(errors[4])).toContain('lat 15,63 och lon 60,61 ser ut att vara omkastade');
    expect(issueText(errors[5])).toContain('kan inte ligga i Sverige');
  });

  it('reports swapped and out-of-range SWEREF coordinates, with a hint when they look like degrees', () => {
    const csv = 'id,name,N,E\nk1,Omkastad,534796,6719127\nk2,Utanför,6000000,500000\nk3,Grader,60.6,15.6\n';
    const r = parseCandidatesCsv(csv);
    expect(r.value.sites).toEqual([]);
    expect(r.issues.filter((i) => i.severity === 'error').map((i) => [i.row, i.code])).toEqual([
      [2, 'swapped'],
      [3, 'out_of_range'],
      [4, 'out_of_range'],
    ]);
    expect(issueText(r.issues[1])).toContain('N 534796 och E 6719127 ser ut att vara omkastade');
    expect(issueText(r.issues[2])).toContain('N 6 100 000–7 700 000 och E 250 000–930 000');
    expect(issueText(r.issues[3])).toContain('ser ut som grader');
  });

  it('hints when metres are given in lat/lon columns', () => {
    const r = parseCandidatesCsv('id,name,lat,lon\nk1,A,6720000,500000\n');
    expect(r.issues[1]).toMatchObject({ row: 2, code: 'out_of_range' });
    expect(issueText(r.issues[1])).toContain('ser ut som meter');
  });

  it('names the missing columns and the ones found; x/y are not accepted', () => {
    const r = parseCandidatesCsv('id,name,x,y\nk1,A,15.6,60.6\n');
    expect(r.value).toEqual({ sites: [], crs: null, rowsRead: 1 });
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ severity: 'error', row: 1, code: 'missing_column' });
    expect(issueText(r.issues[0])).toContain('lat och lon');
    expect(issueText(r.issues[0])).toContain('N och E');
    expect(issueText(r.issues[0])).toContain('Hittade kolumner: id, name, x, y.');

    const r2 = parseCandidatesCsv('namn;lat\nA;60\n');
    expect(issueText(r2.issues[0])).toContain('Rubrikraden saknar kolumn: id; koordinater');
    expect(issueText(r2.issues[0])).toContain('Hittade kolumner: namn, lat.');
  });

  it('pads short kommun codes and rejects non-codes', () => {
    const r = parseCandidatesCsv('id,name,lat,lon,kommun_code\nk1,A,60.6,15.6,180\nk2,B,60.6,15.6,Falun\n');
    expect(r.value.sites).toEqual([{ id: 'k1', name: 'A', status: 'candidate', lon: 15.6, lat: 60.6, kommun_code: '0180' }]);
    expect(r.issues[1]).toMatchObject({ row: 3, column: 'kommun_code', code: 'bad_kommun_code' });
  });

  it('prefers lat/lon when both lat/lon and N/E are present, and says so', () => {
    const r = parseCandidatesCsv('id,name,lat,lon,N,E\nk1,A,60.6,15.6,1,2\n');
    expect(r.value.crs).toBe('wgs84');
    expect(codes(r.issues)).toEqual(['crs_wgs84', 'crs_ambiguous']);
    expect(r.value.sites[0]).toMatchObject({ lat: 60.6, lon: 15.6 });
  });

  it('reports an empty file and a header without rows', () => {
    expect(codes(parseCandidatesCsv('').issues)).toEqual(['empty']);
    const r = parseCandidatesCsv('id,name,lat,lon\n');
    expect(codes(r.issues)).toEqual(['no_rows', 'crs_wgs84']);
    expect(r.value.sites).toEqual([]);
  });
});

describe('parseCandidatesFile', () => {
  it('reads a Windows-1252 file from older Swedish Excel', () => {
    const bytes = cp1252('id;namn;latitud;longitud\r\nk1;Smedjebacken Östra;60,14;15,41\r\nk2;Älvdalen;61,227;14,04\r\n');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow(); // really not UTF-8
    const r = parseCandidatesFile(bytes);
    expect(codes(r.issues)).toEqual(['encoding', 'crs_wgs84']);
    expect(r.value.sites.map((s) => s.name)).toEqual(['Smedjebacken Östra', 'Älvdalen']);
    expect(r.value.sites[1]).toMatchObject({ lat: 61.227, lon: 14.04 });
  });

  it('reads UTF-8 with BOM without an encoding warning', () => {
    const bytes = new TextEncoder().encode('\ufeffid;namn;N;E\nk1;Rättvik;6 720 000;500 000\n');
    const r = parseCandidatesFile(bytes);
    expect(codes(r.issues)).toEqual(['crs_sweref99tm']);
    expect(r.value.sites[0]).toMatchObject({ name: 'Rättvik', lon: 15, lat: 60.615848 });
  });

  it('refuses a binary file', () => {
    const r = parseCandidatesFile(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]));
    expect(r.value).toEqual({ sites: [], crs: null, rowsRead: 0 });
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ severity: 'error', code: 'not_text' });
  });
});

describe('hostile and huge candidate files (issue 15)', () => {
  it('an unclosed quote is reported at its row instead of swallowing the rows after it', () => {
    const r = parseCandidatesCsv('id,name,lat,lon\nk1,"Falun,60.6,15.6\nk2,Mora,61.0,14.5\nk3,Orsa,61.1,14.6\n');
    const q = r.issues.find((i) => i.code === 'unclosed_quote')!;
    expect(q.severity).toBe('error');
    expect(q.row).toBe(2);
    expect(issueText(q)).toBe('Rad 2: ett citattecken (") öppnas men stängs aldrig, så resten av filen läses som ett enda fält. Förväntat: varje " som börjar ett fält avslutas med ett ".');
  });
  it('a file mixing UTF-8 and Windows-1252 is an error to confirm, naming the row', () => {
    // row 2 in Windows-1252 ("Älvdalen": Ä = C4), row 3 in UTF-8 ("Råda": å = C3 A5)
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('id,name,lat,lon\nk1,'), 0xc4, ...new TextEncoder().encode('lvdalen,61.2,14.0\nk2,R'), 0xc3, 0xa5, ...new TextEncoder().encode('da,60.0,13.6\n'),
    ]);
    const r = parseCandidatesFile(bytes);
    const m = r.issues.find((i) => i.code === 'mixed_encoding')!;
    expect(m.severity).toBe('error');
    expect(m.row).toBe(3);
    expect(issueText(m)).toContain('rad 3 innehåller "Ã¥"');
    // the sites are kept, so the planner can still import them after confirming
    expect(r.value.sites).toHaveLength(2);
  });
  it('more than 2 000 sites are refused with the limit stated, nothing imported', () => {
    const lines = ['id,name,lat,lon', ...Array.from({ length: 2001 }, (_, i) => `k${i},Plats ${i},60.5,15.0`)];
    const r = parseCandidatesCsv(lines.join('\n'));
    expect(r.value.sites).toEqual([]);
    expect(issueText(r.issues[0])).toBe('Filen har 2\u00a0001 platser; högst 2\u00a0000 kandidatplatser kan analyseras i ett scenario. Inget importerades. Förväntat: en fil med de platser som ska jämföras.');
    expect(parseCandidatesCsv(lines.slice(0, 2001).join('\n')).value.sites).toHaveLength(2000);
  });
});
