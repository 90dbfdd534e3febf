import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { runCliAsync, type CliIO } from '../../src/cli/main';

/** Runs the CLI as the other CLI tests do, with in-memory files (a path not in `files` is read from disk). */
export async function runCli(args: string[], files: Record<string, string> = {}): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIO = {
    out: (s) => (out += s),
    err: (s) => (err += s),
    readFile: (p) => (p in files ? new TextEncoder().encode(files[p]) : new Uint8Array(readFileSync(p))),
  };
  const code = await runCliAsync(args, io);
  return { code, out, err };
}

/** The data rows of CSV the CLI wrote (`#` lines skipped; a BOM means the Swedish dialect, `;`). */
export const csvRows = (text: string): Record<string, string>[] =>
  Papa.parse<Record<string, string>>(text.replace(/^\ufeff/, ''), { header: true, skipEmptyLines: true, comments: '#', delimiter: text.startsWith('\ufeff') ? ';' : ',' }).data;
