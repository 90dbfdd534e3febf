import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { DEFAULT_PARAMS } from '../../src/domain/scenario';
import { decodeShare, encodeShare, newScenario, parseScenario, serializeScenario } from '../../src/io/scenarioFile';
import { decideWrite, entryKey, entryText, LEGACY_KEY, loadAll, migrateLegacy, writeIndex } from '../../src/state/scenarioStore';
import { issueText } from '../../src/i18n/messages';

class MemoryStorage {
  data = new Map<string, string>();
  get length() { return this.data.size; }
  clear() { this.data.clear(); }
  getItem(k: string) { return this.data.get(k) ?? null; }
  key(i: number) { return [...this.data.keys()][i] ?? null; }
  removeItem(k: string) { this.data.delete(k); }
  setItem(k: string, v: string) { this.data.set(k, v); }
}

const doc = () => {
  const d = newScenario('Säter & Hedemora', { ...DEFAULT_PARAMS, thresholdMinutes: 25 }, [
    { id: 'k1', name: 'Säter torget', status: 'candidate', lon: 15.7507, lat: 60.3466, kommun_code: '2082' },
  ]);
  return d;
};

describe('scenario files', () => {
  it('round-trips the current version', () => {
    const d = doc();
    const r = parseScenario(serializeScenario(d));
    expect(r.issues).toEqual([]);
    expect(r.value).toEqual(d);
  });
  it('migrates version 1 with defaults for what it lacked', () => {
    const r = parseScenario(readFileSync('test/fixtures/scenario-v1.json', 'utf8'));
    expect(r.value!.version).toBe(2);
    expect(r.value!.name).toBe('Gammalt scenario från v1');
    expect(r.value!.params.thresholdMinutes).toBe(25);
    expect(r.value!.params.include).toEqual({ planned: true, intent: false, family_unit: false });
    expect(r.value!.params.travel).toEqual(DEFAULT_PARAMS.travel);
    expect(r.value!.candidates.map((c) => c.id)).toEqual(['v1-a', 'v1-b']);
    expect(r.issues[0]).toMatchObject({ severity: 'warning', code: 'migrated' });
  });
  it('says clearly what is wrong', () => {
    expect(issueText(parseScenario('nej').issues[0])).toMatch(/inte giltig JSON/);
    expect(parseScenario('{"format":"x"}').issues[0].code).toBe('not_scenario');
    expect(issueText(parseScenario('{"format":"familjecentralsplaneraren/scenario","version":9}').issues[0])).toMatch(/version 9 stöds inte/);
    const bad = { ...doc(), params: { ...doc().params, thresholdMinutes: -3 } };
    expect(issueText(parseScenario(JSON.stringify(bad)).issues[0])).toContain('params.thresholdMinutes');
    const missing: Record<string, unknown> = { ...doc() };
    delete missing.candidates;
    expect(issueText(parseScenario(JSON.stringify(missing)).issues[0])).toBe('Scenariofilen saknar fältet candidates.');
  });
  it('share links carry the whole scenario (Swedish letters included)', () => {
    const d = doc();
    const code = encodeShare(d);
    expect(code).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeShare(code).value).toEqual(d);
    expect(decodeShare(code.slice(0, 40)).value).toBeNull();
    expect(decodeShare('%%%').issues[0].code).toBe('bad_link');
  });
});

describe('scenario storage: one entry per scenario, never clobbered', () => {
  const S = (m: MemoryStorage) => m as unknown as Storage;
  it('writes a scenario as the scenario file plus revision and writer, and reads it back', () => {
    const storage = new MemoryStorage();
    const d = doc();
    storage.setItem(entryKey(d.id), entryText(d, 3, 'tab-a'));
    writeIndex(S(storage), [d.id]);
    const back = loadAll(S(storage));
    expect(back.quarantined).toEqual([]);
    expect(back.scenarios[0]).toMatchObject({ rev: 3, writer: 'tab-a' });
    expect(back.scenarios[0].doc.candidates.map((c) => c.id)).toEqual(['k1']);
    expect(back.scenarios[0].doc.params.thresholdMinutes).toBe(25);
  });
  it('keeps a damaged entry and a future-version entry untouched, with the reason', () => {
    const storage = new MemoryStorage();
    const future = JSON.stringify({ ...JSON.parse(serializeScenario(doc())), version: 9, name: 'Från framtiden' });
    storage.setItem(entryKey('a'), '{"format":"familjecentralsplaneraren/scenario","vers');
    storage.setItem(entryKey('b'), future);
    const back = loadAll(S(storage));
    expect(back.scenarios).toEqual([]);
    expect(back.quarantined.map((q) => [q.key, q.name, q.issue.code])).toEqual([
      [entryKey('a'), null, 'scenario_invalid_json'],
      [entryKey('b'), 'Från framtiden', 'version'],
    ]);
    expect(back.quarantined[1].raw).toBe(future);
    // nothing ever writes over them: a write under the same key is refused
    expect(decideWrite(S(storage), 'b', 0, 'tab-a')).toEqual({ write: false, quarantined: true });
    expect(storage.getItem(entryKey('b'))).toBe(future);
  });
  it('a write goes ahead unless another tab wrote the scenario since this tab read it', () => {
    const storage = new MemoryStorage();
    const d = doc();
    storage.setItem(entryKey(d.id), entryText(d, 4, 'tab-b'));
    // this tab last read revision 4: it may write revision 5
    expect(decideWrite(S(storage), d.id, 4, 'tab-a')).toEqual({ write: true, rev: 5 });
    // this tab last read revision 3, and tab-b wrote 4 since: keep theirs, copy mine
    const r = decideWrite(S(storage), d.id, 3, 'tab-a');
    expect(r.write).toBe(false);
    expect('theirs' in r && r.theirs.rev).toBe(4);
    // its own later writes are not a conflict
    expect(decideWrite(S(storage), d.id, 3, 'tab-b')).toEqual({ write: true, rev: 5 });
  });
  it('migrates the single-key list of version 2 into entries, keeping unreadable ones as quarantined entries', () => {
    const storage = new MemoryStorage();
    const d = doc();
    storage.setItem(LEGACY_KEY, JSON.stringify({ activeId: d.id, scenarios: [JSON.parse(serializeScenario(d)), { format: 'trasig' }] }));
    migrateLegacy(S(storage), 'tab-a');
    expect(storage.getItem(LEGACY_KEY)).toBeNull();
    const back = loadAll(S(storage));
    expect(back.scenarios.map((x) => x.doc.id)).toEqual([d.id]);
    expect(back.quarantined).toHaveLength(1);
    expect(JSON.parse(back.quarantined[0].raw)).toEqual({ format: 'trasig' });
  });
});

describe('scenario files that would break the app', () => {
  const base = () => JSON.parse(serializeScenario(newScenario('Test')));
  const site = (id: string, lat = 60.6, lon = 15.6) => ({ id, name: id, status: 'candidate', lat, lon });
  it('re-keys duplicate candidate ids, with a message naming them', () => {
    const d = base();
    d.candidates = [site('k1'), site('k1', 60.7), site('k2'), site('k1', 60.8)];
    const r = parseScenario(JSON.stringify(d));
    expect(r.value!.candidates.map((c) => c.id)).toEqual(['k1', 'k1-2', 'k2', 'k1-3']);
    expect(r.issues).toHaveLength(1);
    expect(issueText(r.issues[0])).toBe('Scenariofilen har 2 kandidatplatser med samma id (k1); de har fått nya id (t.ex. k1 → k1-2) så att varje plats kan ändras och tas bort för sig.');
  });
  it('refuses sites outside Sweden (swapped lat/lon) with the field named', () => {
    const d = base();
    d.candidates = [site('k1', 15.6, 60.6)];
    const r = parseScenario(JSON.stringify(d));
    expect(r.value).toBeNull();
    expect(r.issues.map((i) => issueText(i)).sort()).toEqual([
      'Scenariofilen, fältet candidates.0.lat: 15.6 ligger utanför Sverige. Förväntat: lat 55–69 och lon 10,5–24 (WGS84).',
      'Scenariofilen, fältet candidates.0.lon: 60.6 ligger utanför Sverige. Förväntat: lat 55–69 och lon 10,5–24 (WGS84).',
    ]);
  });
  it('refuses weights of 1e308 (they turned the ranking bars into NaN)', () => {
    const d = base();
    d.params.criterionWeights.reach = 1e308;
    const r = parseScenario(JSON.stringify(d));
    expect(r.value).toBeNull();
    expect(issueText(r.issues[0])).toContain('params.criterionWeights.reach');
  });
  it('a corrupt share link is called a damaged link, not a file, with no parser text', () => {
    const bad = btoa('{"format":"familjecentralsplaneraren/scenario","version":2,').replace(/=+$/, '');
    const r = decodeShare(bad);
    expect(r.issues.map((i) => issueText(i))).toEqual(['Länken är skadad eller avkortad: scenariot kunde inte läsas.']);
  });
});
