import type { InputIssue, Parsed } from './issues';

/**
 * The one text decoder of the project, used by the app and the CLI alike. Browsers follow the
 * WHATWG Encoding Standard, where "windows-1252" maps 0x80–0x9F to €, ‚, …, –, —, ‰ and so on;
 * Node's TextDecoder (ICU) treats the same label as ISO-8859-1 and turns those bytes into
 * invisible C1 control characters (an en dash 0x96 becomes U+0096). So Windows-1252 is decoded
 * here by table, identically everywhere.
 */

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** Code points of the bytes 0x80–0x9F in Windows-1252 (WHATWG index); undefined bytes keep their C1 value. */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
];

/** Two-character sequences that UTF-8 letters of Swedish and other Latin text become when read as Windows-1252 (Ã¥ = å, Ã¶ = ö, Ã© = é …). */
const MOJIBAKE = /Ã[\u0080-\u00BF\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u2013\u2014\u2018-\u201E\u2020-\u2022\u2026\u2030\u2039\u203A\u20AC\u2122]/;

/** Decodes Windows-1252 bytes (every byte is one character). */
export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  const CHUNK = 8192;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    const codes = Array.from(bytes.subarray(i, i + CHUNK), (b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : b));
    out += String.fromCharCode(...codes);
  }
  return out;
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Decodes file bytes as text: UTF-16 when the file starts with a UTF-16 byte-order mark (as
 * Excel's "Unicode text" writes), else UTF-8 (with or without BOM), else Windows-1252 as older
 * Swedish Excel writes (with a warning). Files with NUL bytes that are not UTF-16 are refused as
 * "not text".
 */
export function decodeText(bytes: Uint8Array): Parsed<{ text: string; encoding: TextEncodingName } | null> {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    const encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    try {
      const text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
      return { value: { text: stripBom(text), encoding }, issues: [] };
    } catch {
      return { value: null, issues: [{ severity: 'error', code: 'bad_utf16' }] };
    }
  }
  const head = bytes.subarray(0, Math.min(bytes.length, 65536));
  if (head.includes(0)) {
    return {
      value: null,
      issues: [{ severity: 'error', code: 'not_text' }],
    };
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { value: { text: stripBom(text), encoding: 'utf-8' }, issues: [] };
  } catch {
    const text = decodeWindows1252(bytes);
    const issues: InputIssue[] = [{ severity: 'warning', code: 'encoding' }];
    // UTF-8 bytes read as Windows-1252 show as "Ã¥" for "å": the file mixes both encodings.
    const mixed = MOJIBAKE.exec(text);
    if (mixed) {
      const row = text.slice(0, mixed.index).split('\n').length;
      issues.push({ severity: 'error', row, code: 'mixed_encoding', params: { row, sample: mixed[0] } });
    }
    return { value: { text, encoding: 'windows-1252' }, issues };
  }
}
