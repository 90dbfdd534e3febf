/**
 * The command line before and after node:util's parseArgs: a negative number after a flag that
 * takes a value is that flag's value (so `--kr-per-child -5` reaches the validator, which names
 * the flag, instead of parseArgs calling it ambiguous), and parseArgs' own errors in Swedish.
 */

/** `--flag -5` → `--flag=-5` for the flags that take a value (`valueFlags`, names without dashes). */
export function joinNegativeValues(argv: readonly string[], valueFlags: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = argv[i + 1];
    if (a.startsWith('--') && !a.includes('=') && valueFlags.has(a.slice(2)) && next !== undefined && /^-(\d|[.,]\d)/.test(next)) {
      out.push(`${a}=${next}`);
      i++;
    } else out.push(a);
  }
  return out;
}

/** The names of the options that take a value (type 'string'). */
export function valueFlagsOf(options: Record<string, { type: 'string' | 'boolean' }>): Set<string> {
  return new Set(Object.entries(options).filter(([, o]) => o.type === 'string').map(([k]) => k));
}

/** A Swedish sentence for an error of parseArgs (by its code), naming the flag; null for other errors. */
export function parseArgsText(e: unknown): string | null {
  if (!(e instanceof TypeError) || !('code' in e)) return null;
  const code = String((e as { code: unknown }).code);
  if (!code.startsWith('ERR_PARSE_ARGS')) return null;
  const flag = (/'(-[^' ]*)/.exec(e.message)?.[1] ?? '').replace(/=.*$/, '');
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `Okänd flagga: ${flag || e.message}.`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return /ambiguous/.test(e.message)
      ? `${flag}: värdet börjar med "-"; skriv ${flag}=VÄRDE.`
      : /does not take an argument/.test(e.message)
        ? `${flag} tar inget värde.`
        : `${flag}: värde saknas.`;
  }
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return `Okänt argument: ${/'([^']*)'/.exec(e.message)?.[1] ?? e.message}.`;
  return e.message;
}
