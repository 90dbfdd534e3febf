import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/io/csvText';
import { decodeText, decodeWindows1252 } from '../../src/io/decode';
import { escapeHtml } from '../../src/io/escape';
import { hasErrors } from '../../src/io/issues';
import { parseLocaleNumber } from '../../src/io/number';
import { issueText } from '../../src/i18n/messages';

describe('parseLocaleNumber', () => {
  it.each([
    ['1234', 1234],
    ['1234.5', 1234.5],
    ['1234,5', 1234.5],
    ['1 234,5', 1234.5],
    ['1\u00a0234', 1234],
    ['12\u202f660', 12660],
    ['1,234.5', 1234.5],
    ['1.234,5', 1234.5],
    ['-3', -3],
    ['\u22123,5', -3.5],
    ['0', 0],
  ])('%s → %d', (raw, expected) => {
    expect(parseLocaleNumber(raw)).toBe(expected);
  });
  it.each(['', '  ', 'abc', '12a', '1,2,3', '1.2.3,4,5', 'NaN', 'Infinity'])('rejects %j', (raw) => {
    expect(parseLocaleNumber(raw)).toBeNull();
  });
});

describe('decodeText', () => {
  it('reads UTF-8 and strips a BOM', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('namn;år\nÄlvdalen;2025')]);
    const r = decodeText(bytes);
    expect(r.value).toEqual({ text: 'namn;år\nÄlvdalen;2025', encoding: 'utf-8' });
    expect(r.issues).toEqual([]);
  });
  it('falls back to Windows-1252 and warns', () => {
    // "Ö" = 0xD6 and "å" = 0xE5 in Windows-1252: invalid as UTF-8.
    const r = decodeText(new Uint8Array([0xd6, 0x72, 0x65, 0x62, 0x72, 0x6f, 0x3b, 0xe5]));
    expect(r.value?.text).toBe('Örebro;å');
    expect(r.value?.encoding).toBe('windows-1252');
    expect(r.issues[0].severity).toBe('warning');
  });
  it('decodes Windows-1252 by the WHATWG table in Node as in the browser: en dash, per mille, euro, å ä ö', () => {
    // "Slätta – Östra Falun ‰ €": ä = E4, – = 96, Ö = D6, ‰ = 89, € = 80, å = E5, ö = F6
    const bytes = new Uint8Array([0x53, 0x6c, 0xe4, 0x74, 0x74, 0x61, 0x20, 0x96, 0x20, 0xd6, 0x73, 0x74, 0x72, 0x61, 0x20, 0x46, 0x61, 0x6c, 0x75, 0x6e, 0x20, 0x89, 0x20, 0x80, 0x20, 0xe5, 0xf6]);
    const r = decodeText(bytes);
    expect(r.value?.encoding).toBe('windows-1252');
    expect(r.value?.text).toBe('Slätta \u2013 Östra Falun \u2030 \u20ac åö');
    expect(decodeWindows1252(new Uint8Array([0x85, 0x91, 0x92, 0x97, 0x9f]))).toBe('\u2026\u2018\u2019\u2014\u0178');
    // Node's own TextDecoder gives a C1 control character for 0x96; ours must not.
    expect(r.value?.text).not.toMatch(/[\u0080-\u009f]/);
  });
  it('reads UTF-16 with a byte-order mark (Excel "Unicode text")', () => {
    const le = new Uint8Array([0xff, 0xfe, 0x69, 0x00, 0x64, 0x00, 0x3b, 0x00, 0xe5, 0x00]);
    expect(decodeText(le).value).toEqual({ text: 'id;å', encoding: 'utf-16le' });
    const be = new Uint8Array([0xfe, 0xff, 0x00, 0x69, 0x00, 0x64, 0x00, 0x3b, 0x00, 0xe5]);
    expect(decodeText(be).value).toEqual({ text: 'id;å', encoding: 'utf-16be' });
  });
  it('refuses binary files with a Swedish message', () => {
    const r = decodeText(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]));
    expect(r.value).toBeNull();
    expect(hasErrors(r.issues)).toBe(true);
    expect(issueText(r.issues[0])).toMatch(/inte en textfil/);
  });
});

describe('parseCsv', () => {
  it('detects semicolons and numbers rows as a spreadsheet does, skipping blank lines', () => {
    const r = parseCsv('id;barn\n\na;1,5\n\nb;2\n');
    expect(r.value.delimiter).toBe(';');
    expect(r.value.header).toEqual(['id', 'barn']);
    expect(r.value.rows.map((x) => x.rowNumber)).toEqual([3, 5]);
    expect(r.value.rows[0].cells).toEqual({ id: 'a', barn: '1,5' });
    expect(r.issues).toEqual([]);
  });
  it('detects commas and keeps quoted delimiters', () => {
    const r = parseCsv('id,name\n1,"Falun, centrum"\n');
    expect(r.value.delimiter).toBe(',');
    expect(r.value.rows[0].cells.name).toBe('Falun, centrum');
  });
  it('counts rows correctly after a quoted newline', () => {
    const r = parseCsv('id,name\n1,"två\nrader"\n2,x\n');
    expect(r.value.rows.map((x) => x.rowNumber)).toEqual([2, 4]);
  });
  it('reports an empty file and a header-only file', () => {
    expect(parseCsv('').issues[0].code).toBe('empty');
    expect(parseCsv('\ufeff  \n').issues[0].code).toBe('empty');
    expect(parseCsv('id;barn\n').issues[0].code).toBe('no_rows');
  });
  it('warns about a row with the wrong number of fields', () => {
    const r = parseCsv('a;b\n1;2;3\n');
    expect(r.issues[0]).toMatchObject({ severity: 'warning', row: 2, code: 'field_count' });
  });
});

describe('escapeHtml', () => {
  it('escapes every HTML-significant character', () => {
    expect(escapeHtml(`<img src=x onerror="alert('x')">&`)).toBe('&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt;&amp;');
    expect(escapeHtml(null)).toBe('');
    expect(escapeHtml(12)).toBe('12');
  });
});
