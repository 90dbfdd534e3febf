import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { runCli as run } from './cliRun';

/** The gap switch and the planner's services in the CLI (issue 11.2): the same flags as the app. */
const flagsOf = (csv: string, code: string) => Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true, comments: '#' }).data.find((r) => r.kommun_code === code)!.flags;
const ORSA = JSON.stringify({ 'fc-orsa-familjens-hus': { mhv: 'unknown', bhv: 'full', openPreschool: 'full', socialServices: 'unknown', openPreschoolHoursPerWeek: 12, socialServicesHoursPerWeek: null } });

describe('coverage --gap-form and --services', () => {
  it("Orsa's family unit: not a familjecentral; with familjecentralsliknande counted, uncertain until its services are given", async () => {
    const base = ['coverage', '--include', 'family_unit', '--travel', 'straight'];
    const only = await run(base);
    expect(only.code).toBe(0);
    expect(flagsOf(only.out, '2034')).toContain('no_centre');
    const both = await run([...base, '--gap-form', 'both']);
    expect(flagsOf(both.out, '2034')).toContain('form_uncertain');
    expect(both.err).toContain('Luckor: familjecentraler och familjecentralsliknande verksamheter räknas');
    const given = await run([...base, '--gap-form', 'both', '--services', 'orsa.json'], { 'orsa.json': ORSA });
    expect(given.code).toBe(0);
    expect(flagsOf(given.out, '2034')).not.toMatch(/no_centre|form_uncertain/);
    expect(given.err).toContain('Verksamheter angivna av planeraren för 1 plats');
  });

  it('refuses an unknown switch value and a services file that is not JSON, in Swedish', async () => {
    const bad = await run(['coverage', '--gap-form', 'alla']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--gap-form: "alla" okänt. Förväntat familjecentral_only');
    const notJson = await run(['coverage', '--services', 'x.json'], { 'x.json': '{ mhv: full' });
    expect(notJson.code).toBe(2);
    expect(notJson.err).toContain('x.json: ingen giltig JSON');
  });

  it('reports a bad service level naming the site and keeps the rest', async () => {
    const r = await run(['coverage', '--travel', 'straight', '--include', 'family_unit', '--gap-form', 'both', '--services', 'o.json'], {
      'o.json': JSON.stringify({ 'fc-orsa-familjens-hus': { bhv: 'full', openPreschool: 'ja' } }),
    });
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/o\.json: (fel|obs): .*fc-orsa-familjens-hus.*öppen förskola/);
  });
});
