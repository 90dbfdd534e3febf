import * as v from 'valibot';
import { validateVardvalParams } from './vardvalParams';
import { readSiteServices } from './siteServicesJson';
import { readStatusPeriods } from './statusPeriodsJson';
import { INDICATOR_KEYS, type IndicatorKey } from '../domain/need/indicators';
import { DEFAULT_PROJECTION } from '../domain/need/projection';
import { DEFAULT_NEED, DEFAULT_PARAMS, type ScenarioParams } from '../domain/scenario';
import type { Site } from '../domain/types';
import type { InputIssue, Parsed } from './issues';

/**
 * Scenario files: a named set of family-centre statuses, candidate sites and parameters,
 * saved as versioned JSON. Older versions are migrated when read.
 *
 * Version history:
 * - 1: `{ format, version: 1, name, threshold_minutes, include: string[], candidates: [{ id, name, lat, lon }] }`
 * - 2: `{ format, version: 2, id, name, created, modified, params: ScenarioParams, candidates: Site[] }`
 */
export const SCENARIO_FORMAT = 'familjecentralsplaneraren/scenario';
export const SCENARIO_VERSION = 2;

export interface ScenarioDoc {
  format: typeof SCENARIO_FORMAT;
  version: typeof SCENARIO_VERSION;
  id: string;
  name: string;
  /** ISO timestamps. */
  created: string;
  modified: string;
  params: ScenarioParams;
  candidates: Site[];
}

export function newScenarioId(): string {
  return `sc-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

export function newScenario(name: string, params: ScenarioParams = DEFAULT_PARAMS, candidates: Site[] = []): ScenarioDoc {
  const now = new Date().toISOString();
  return { format: SCENARIO_FORMAT, version: SCENARIO_VERSION, id: newScenarioId(), name, created: now, modified: now, params, candidates };
}

const num = v.pipe(v.number(), v.finite());
const SiteSchema = v.object({
  id: v.pipe(v.string(), v.minLength(1)),
  name: v.string(),
  status: v.optional(v.literal('candidate'), 'candidate'),
  // Sweden's extent (WGS84): a site elsewhere is a mistake (swapped or wrong system).
  lon: v.pipe(num, v.minValue(10.5), v.maxValue(24.2)),
  lat: v.pipe(num, v.minValue(55), v.maxValue(69.1)),
  kommun_code: v.optional(v.string()),
});
const TravelSchema = v.variant('kind', [
  v.object({ kind: v.literal('straight'), speedKmh: v.pipe(num, v.minValue(1)) }),
  v.object({
    kind: v.literal('road'),
    circuityBelow10: v.pipe(num, v.minValue(1)),
    circuity10to40: v.pipe(num, v.minValue(1)),
    circuityAbove40: v.pipe(num, v.minValue(1)),
    urbanSpeedKmh: v.pipe(num, v.minValue(1)),
    urbanKm: v.pipe(num, v.minValue(0)),
    ruralSpeedKmh: v.pipe(num, v.minValue(1)),
    terminalMinutes: v.pipe(num, v.minValue(0)),
  }),
  v.object({ kind: v.literal('matrix'), source: v.string() }),
  v.object({
    kind: v.literal('network'),
    speedFactor: v.pipe(num, v.minValue(0.1), v.maxValue(1.5)),
    urbanKmh: v.pipe(num, v.minValue(1), v.maxValue(200)),
    ruralKmh: v.pipe(num, v.minValue(1), v.maxValue(200)),
    accessKmh: v.pipe(num, v.minValue(1), v.maxValue(200)),
    accessCircuity: v.pipe(num, v.minValue(1), v.maxValue(5)),
    terminalMinutes: v.pipe(num, v.minValue(0), v.maxValue(120)),
  }),
]);
/** A weight: 0 … 1000 (larger values only overflow the combined scores). */
const w = v.pipe(num, v.minValue(0), v.maxValue(1000));
const ParamsSchema = v.object({
  include: v.object({ planned: v.boolean(), intent: v.boolean(), family_unit: v.boolean() }),
  thresholdMinutes: v.pipe(num, v.minValue(0), v.maxValue(600)),
  travel: TravelSchema,
  deprivationWeights: v.object({ 1: w, 2: w, 3: w, 4: w, 5: w }),
  criterionWeights: v.object({ reach: w, newReach: w, deprivation: w, travel: w, transit: w }),
  omradestypYear: v.picklist([2022, 2023]),
  lowCoverageShare: v.pipe(num, v.minValue(0), v.maxValue(1)),
  minDepartures: v.pipe(num, v.minValue(0), v.maxValue(10_000)),
  maxWalkM: v.pipe(num, v.minValue(1)),
  demand: v.picklist(['grid', 'deso']),
  // Added after version 2 was first written: older files get the defaults.
  need: v.optional(
    v.object({
      mode: v.picklist(['omradestyp', 'index', 'none']),
      components: v.object(Object.fromEntries(INDICATOR_KEYS.map((k) => [k, w])) as Record<IndicatorKey, typeof w>),
    }),
    DEFAULT_NEED,
  ),
  projection: v.optional(
    v.object({
      year: v.picklist([2025, 2030, 2035]),
      source: v.picklist(['scb', 'trend', 'imported']),
      damping: v.pipe(num, v.minValue(0), v.maxValue(1)),
      imported: v.optional(
        v.nullable(
          v.object({
            fileName: v.pipe(v.string(), v.maxLength(500)),
            rows: v.pipe(
              v.array(v.object({ kommun_code: v.pipe(v.string(), v.regex(/^\d{4}$/)), year: v.pipe(num, v.integer(), v.minValue(2025), v.maxValue(2100)), children_0_6: v.pipe(num, v.minValue(0)) })),
              v.maxLength(10_000),
            ),
          }),
        ),
        null,
      ),
    }),
    DEFAULT_PROJECTION,
  ),
  // Checked field by field after the schema (validateVardvalParams), so one bad amount keeps the rest.
  vardval: v.optional(v.unknown()),
  hosts: v.optional(v.record(v.pipe(v.string(), v.maxLength(200)), v.pipe(v.string(), v.maxLength(200))), {}),
  gapFormMode: v.optional(v.picklist(['familjecentral_only', 'both']), 'familjecentral_only'),
  // Read by their own readers after the schema: a bad level or period is dropped with a message, the rest kept.
  siteServices: v.optional(v.unknown()),
  statusPeriods: v.optional(v.unknown()),
});
const V2 = v.object({
  format: v.literal(SCENARIO_FORMAT),
  version: v.literal(2),
  id: v.pipe(v.string(), v.minLength(1)),
  name: v.string(),
  created: v.string(),
  modified: v.string(),
  params: ParamsSchema,
  candidates: v.array(SiteSchema),
});
const V1 = v.object({
  format: v.literal(SCENARIO_FORMAT),
  version: v.literal(1),
  name: v.string(),
  threshold_minutes: v.optional(v.pipe(num, v.minValue(0), v.maxValue(600))),
  include: v.optional(v.array(v.picklist(['existing', 'planned', 'intent', 'family_unit']))),
  candidates: v.optional(v.array(v.object({ id: v.string(), name: v.string(), lat: v.pipe(num, v.minValue(55), v.maxValue(69.1)), lon: v.pipe(num, v.minValue(10.5), v.maxValue(24.2)) }))),
});

function issuesFrom(result: { issues: readonly v.BaseIssue<unknown>[] }): InputIssue[] {
  return result.issues.slice(0, 10).map((i): InputIssue => {
    // An empty path is the file itself; the message names it.
    const path = (i.path ?? []).map((p) => String(p.key)).join('.');
    if (i.input === undefined) return { severity: 'error', code: 'scenario_missing_field', params: { path } };
    if (/^candidates\.\d+\.(lat|lon)$/.test(path) && typeof i.input === 'number') return { severity: 'error', code: 'scenario_outside_sweden', params: { path, value: i.input } };
    return { severity: 'error', code: 'scenario_invalid_value', params: { path, value: String(JSON.stringify(i.input)?.slice(0, 60)) } };
  });
}

/** Migrates a version-1 scenario to the current version. */
export function migrateV1(d: v.InferOutput<typeof V1>): ScenarioDoc {
  const include = new Set(d.include ?? ['existing']);
  const doc = newScenario(d.name, {
    ...DEFAULT_PARAMS,
    thresholdMinutes: d.threshold_minutes ?? DEFAULT_PARAMS.thresholdMinutes,
    include: { planned: include.has('planned'), intent: include.has('intent'), family_unit: include.has('family_unit') },
  });
  doc.candidates = (d.candidates ?? []).map((c) => ({ id: c.id, name: c.name, status: 'candidate', lon: c.lon, lat: c.lat }));
  return doc;
}

/** Reads a scenario from JSON text (any supported version), with an issue for each problem. */
export function parseScenario(text: string): Parsed<ScenarioDoc | null> {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { value: null, issues: [{ severity: 'error', code: 'scenario_invalid_json', params: { error: (e as Error).message } }] };
  }
  const head = raw as { format?: unknown; version?: unknown };
  if (!head || typeof head !== 'object' || head.format !== SCENARIO_FORMAT) {
    return { value: null, issues: [{ severity: 'error', code: 'not_scenario', params: { format: SCENARIO_FORMAT } }] };
  }
  if (head.version === 1) {
    const r = v.safeParse(V1, raw);
    if (!r.success) return { value: null, issues: issuesFrom(r) };
    return uniqueIds({ value: migrateV1(r.output), issues: [{ severity: 'warning', code: 'migrated', params: { from: 1, to: SCENARIO_VERSION } }] });
  }
  if (head.version === 2) {
    const r = v.safeParse(V2, raw);
    if (!r.success) return { value: null, issues: issuesFrom(r) };
    const vardval = validateVardvalParams(r.output.params.vardval);
    const services = readSiteServices(r.output.params.siteServices);
    const periods = readStatusPeriods(r.output.params.statusPeriods);
    const invalid = (path: string, value: unknown): InputIssue => ({ severity: 'warning', code: 'scenario_invalid_value', params: { path, value: String(value ?? '').slice(0, 60) } });
    const issues = [
      ...vardval.issues.map((i) => invalid(`params.vardval${i.params.field ? `.${i.params.field}` : ''}`, i.params.value)),
      ...services.issues.map((i) => invalid(`params.siteServices${i.params.site ? `.${i.params.site}` : ''}${i.params.field ? `.${i.params.field}` : ''}`, i.params.value)),
      ...periods.issues.map((i) => invalid(`params.statusPeriods${i.params.site ? `.${i.params.site}` : ''}${i.params.index ? `.${i.params.index}` : ''}`, i.params.value)),
    ];
    const params = { ...r.output.params, vardval: vardval.value, siteServices: services.value, statusPeriods: periods.value };
    return uniqueIds({ value: { ...r.output, params } as ScenarioDoc, issues });
  }
  return {
    value: null,
    issues: [{ severity: 'error', code: 'version', params: { version: String(head.version), oldest: 1, current: SCENARIO_VERSION } }],
  };
}

/**
 * Candidate ids must be unique (renaming or removing acts by id). Duplicates get new ids
 * ("k1" → "k1-2"), with a warning naming them.
 */
function uniqueIds(r: { value: ScenarioDoc; issues: InputIssue[] }): Parsed<ScenarioDoc> {
  const seen = new Set<string>();
  const dup: string[] = [];
  let example = '';
  const candidates = r.value.candidates.map((c) => {
    if (!seen.has(c.id)) {
      seen.add(c.id);
      return c;
    }
    dup.push(c.id);
    let k = 2;
    while (seen.has(`${c.id}-${k}`)) k++;
    const id = `${c.id}-${k}`;
    seen.add(id);
    example ||= `${c.id} → ${id}`;
    return { ...c, id };
  });
  if (!dup.length) return r;
  return {
    value: { ...r.value, candidates },
    issues: [...r.issues, { severity: 'warning', code: 'scenario_duplicate_ids', params: { count: dup.length, ids: [...new Set(dup)].slice(0, 5).join(', '), example } }],
  };
}

export function serializeScenario(doc: ScenarioDoc): string {
  return JSON.stringify(doc, null, 2);
}

function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(s: string): Uint8Array {
  const b64 = s.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((s.length + 3) % 4);
  const bin = atob(b64);
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

/** The URL fragment value that reproduces a scenario (`#s=…`): base64url of its JSON. */
export function encodeShare(doc: ScenarioDoc): string {
  return toBase64Url(new TextEncoder().encode(JSON.stringify(doc)));
}

/** Reads a shared scenario from a `#s=…` fragment value. */
export function decodeShare(value: string): Parsed<ScenarioDoc | null> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(fromBase64Url(value));
  } catch {
    return { value: null, issues: [{ severity: 'error', code: 'bad_link' }] };
  }
  const r = parseScenario(text);
  // A link is not a file: anything but a newer version is reported as a damaged link.
  if (!r.value && !r.issues.some((i) => i.code === 'version')) return { value: null, issues: [{ severity: 'error', code: 'bad_link' }] };
  return r;
}
