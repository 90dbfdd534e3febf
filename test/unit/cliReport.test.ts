import { describe, expect, it } from 'vitest';
import { runCli } from './cliRun';
import { reportRequest } from '../../src/cli/reportCommand';
import { decodeShare } from '../../src/io/scenarioFile';
import type { CliIO } from '../../src/cli/io';

/** The `report` command's flags (no browser: every case stops before the app is opened). */

const io = (files: Record<string, string> = {}): CliIO & { errText: () => string } => {
  let err = '';
  return {
    out: () => {},
    err: (s) => (err += s),
    readFile: (p) => {
      if (!(p in files)) throw Object.assign(new Error('missing'), { code: 'ENOENT', path: p });
      return new TextEncoder().encode(files[p]);
    },
    errText: () => err,
  };
};

describe('cli report: flags', () => {
  it('builds the report URL of a kommun document (sv by default)', () => {
    const r = reportRequest(['report', 'kommun', '--kommun', '2080', '--out', 'x.pdf'], io());
    expect(r.kind).toBe('kommun');
    expect(r.query.toString()).toBe('report=kommun&lang=sv&kommun=2080');
    expect(r.share).toBeNull();
  });

  it('--kommun all and --lang en', () => {
    expect(reportRequest(['report', 'kommun', '--kommun', 'all', '--lang', 'en', '--out', 'x.pdf'], io()).query.toString()).toBe('report=kommun&lang=en&kommun=all');
  });

  it('a scenario file becomes the share link the app opens', () => {
    const doc = { format: 'familjecentralsplaneraren/scenario', version: 1, name: 'Test', threshold_minutes: 25, include: ['existing'], candidates: [{ id: 'k1', name: 'Svärdsjö', lat: 60.742, lon: 15.912 }] };
    const files = { 's.json': JSON.stringify(doc) };
    const r = reportRequest(['report', 'candidate', '--candidate', 'Svärdsjö', '--scenario', 's.json', '--out', 'x.pdf'], io(files));
    expect(r.query.get('candidate')).toBe('Svärdsjö');
    const back = decodeShare(r.share!);
    expect(back.value?.name).toBe('Test');
    expect(back.value?.params.thresholdMinutes).toBe(25);
    expect(back.value?.candidates.map((c) => c.id)).toEqual(['k1']);
  });

  it.each([
    [['report', 'kommun', '--kommun', '2080'], 'report kräver --out FIL.pdf.'],
    [['report', 'kommun', '--kommun', '2080', '--out', 'x.png'], '--out: "x.png" ska sluta på .pdf.'],
    [['report', 'kommun', '--out', 'x.pdf'], 'report kommun kräver --kommun KOD'],
    [['report', 'kommun', '--kommun', 'Falun', '--out', 'x.pdf'], '--kommun: "Falun" är ingen kommunkod i Dalarna'],
    [['report', 'atlas', '--kommun', '2080', '--out', 'x.pdf'], '--kommun gäller bara report kommun.'],
    [['report', 'candidate', '--candidate', 'k1', '--out', 'x.pdf'], 'report candidate kräver --scenario FIL'],
    [['report', 'karta', '--out', 'x.pdf'], 'report: "karta" okänt. Förväntat report atlas, report kommun eller report candidate.'],
    [['report', 'atlas', '--lang', 'de', '--out', 'x.pdf'], '--lang: "de" okänt. Förväntat sv eller en.'],
    [['report', 'atlas', '--scenario', 'finns-inte.json', '--out', 'x.pdf'], 'Filen finns inte: finns-inte.json'],
  ])('%j → a Swedish message and exit code 2', async (args, message) => {
    const r = await runCli(args as string[]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
  });

  it('a file that is not a scenario is named with the reason', async () => {
    const r = await runCli(['report', 'atlas', '--scenario', 'x.json', '--out', 'x.pdf'], { 'x.json': '{"format":"annat"}' });
    expect(r.code).toBe(2);
    expect(r.err).toContain('x.json: scenariofilen kan inte läsas');
  });

  it('--help lists the report command', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('report kommun --kommun KOD|all');
    expect(r.out).toContain('--kommun all ger alla 15');
  });
});
