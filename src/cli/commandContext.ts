import type { CoverageAnalysis, AnalysisInput } from '../domain/analysis';
import type { Dataset } from '../domain/dataset';
import type { ScenarioParams } from '../domain/scenario';
import type { SiteSetKey } from '../domain/siteSets';
import type { ListingRecord, Site } from '../domain/types';
import type { CsvDialect } from '../io/csvWrite';
import { UsageError, type CliIO } from './io';

/**
 * What src/cli/main.ts hands a command module (catchments, vardval): the parsed flags, the
 * dataset and the analysis of both site sets. Kept apart from main.ts so that the command
 * modules import nothing from it (no import cycle).
 */

/** Every flag as parseArgs gives it: strings, booleans, lists of repeated flags. */
export type FlagValues = Record<string, string | boolean | string[] | undefined>;

/** The common flags (coverage, score, catchments, vardval) after parsing and checking. */
export interface CommonFlags {
  params: ScenarioParams;
  /** The candidates of --candidates (counted in the proposal only). */
  candidates: Site[];
  /** The latest year of --listing's records; null = modelled listing only. */
  listing: ListingRecord[] | null;
  /** The --listing file name ('' when none). */
  listingFile: string;
  format: 'csv' | 'json';
  dialect: CsvDialect;
  /** --assumptions: the stated lines also as `#` lines in the CSV. */
  assumptions: boolean;
  /** The sets of --sites, in order (today before the proposal). */
  sites: SiteSetKey[];
}

/** Both site sets analysed with the common flags (one cost table), and the sets --sites chose. */
export interface AnalysedSets {
  input: AnalysisInput;
  all: Record<SiteSetKey, CoverageAnalysis>;
  /** The chosen sets, in the order of `CommonFlags.sites`. */
  sets: CoverageAnalysis[];
  /** The stated lines of the chosen sets (the coverage export's), already written to stderr. */
  lines: string[];
}

export interface CommandContext {
  io: CliIO;
  values: FlagValues;
  common: CommonFlags;
  dataset: Dataset;
  /** Runs the coverage analysis of both sets (routes; prints the stated lines and warnings to stderr). */
  analyse: () => AnalysedSets;
}

/** A string flag's value ('' and absent → undefined); a repeated flag's last value. */
export function stringFlag(v: FlagValues, name: string): string | undefined {
  const x = v[name];
  if (Array.isArray(x)) return x.length ? x[x.length - 1] : undefined;
  return typeof x === 'string' ? x : undefined;
}

/** A repeatable flag's values, each split further at commas, trimmed, empty parts dropped. */
export function listFlag(v: FlagValues, name: string): string[] {
  const x = v[name];
  const all = Array.isArray(x) ? x : typeof x === 'string' ? [x] : [];
  return all.flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean);
}

/** The flags only some commands take (the common flags are not listed). */
export const COMMAND_FLAGS: Record<string, readonly string[]> = {
  flows: ['catchments'],
  belonging: ['catchments'],
  host: ['catchments', 'vardval'],
  'vardval-year': ['vardval'],
  'kr-per-child': ['vardval'],
  'kr-per-woman': ['vardval'],
  pot: ['vardval'],
  'pot-rule': ['vardval'],
  'kr-per-cross-visit': ['vardval'],
  'host-rule': ['vardval'],
  'plan-kr': ['vardval'],
  'plan-years': ['vardval'],
};

/** Throws a Swedish usage error when a command-specific flag is given to another command. */
export function checkCommandFlags(command: string, v: FlagValues): void {
  for (const [flag, commands] of Object.entries(COMMAND_FLAGS)) {
    if (v[flag] === undefined || commands.includes(command)) continue;
    throw new UsageError(`--${flag} gäller bara ${commands.join(' och ')}.`);
  }
}
