import { readFileSync } from 'node:fs';
import { issueText } from '../i18n/messages';
import type { InputIssue } from '../io/issues';

/** Where the CLI writes; tests capture it. */
export interface CliIO {
  out: (s: string) => void;
  err: (s: string) => void;
  readFile: (path: string) => Uint8Array;
}

export const nodeIO: CliIO = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  readFile: (p) => new Uint8Array(readFileSync(p)),
};

/** A wrong command line or an unreadable file: printed with the usage text, exit code 2. */
export class UsageError extends Error {}

/** Each input issue as one Swedish line on stderr, prefixed with the file. */
export function printIssues(io: CliIO, file: string, issues: readonly InputIssue[]) {
  for (const i of issues) io.err(`${file}: ${i.severity === 'error' ? 'fel' : 'obs'}: ${issueText(i, 'sv')}\n`);
}

/** Reads an input file; a missing file, a folder or no permission become a Swedish usage error naming the path. */
export function readInput(io: CliIO, path: string): Uint8Array {
  try {
    return io.readFile(path);
  } catch (e) {
    const msg = fileErrorMessage(e, path);
    if (msg) throw new UsageError(msg);
    throw e;
  }
}

/** A Swedish message for a file that cannot be read (missing, a folder, no permission); null for other errors. */
export function fileErrorMessage(e: unknown, path?: string): string | null {
  if (!(e instanceof Error) || !('code' in e)) return null;
  const err = e as NodeJS.ErrnoException;
  const where = path ?? err.path ?? '';
  if (err.code === 'ENOENT') return `Filen finns inte: ${where}`;
  if (err.code === 'EISDIR') return `${where} är en mapp. Förväntat: en fil.`;
  if (err.code === 'EACCES' || err.code === 'EPERM') return `Filen ${where} kan inte läsas (behörighet saknas).`;
  return null;
}
