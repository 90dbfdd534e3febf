import { describe, expect, it } from 'vitest';
import { UNKNOWN_SERVICES, type SiteServices } from '../../src/domain/services/types';
import { MAX_SITE_ENTRIES, readSiteServices, writeSiteServices } from '../../src/io/siteServicesJson';
import { SITE_SERVICES_ISSUE_CODES, SITE_SERVICES_ISSUE_TEXT, siteServicesIssueText } from '../../src/io/siteServicesIssues';
import { docRefText, formRangeText } from '../../src/io/siteServicesWords';

const svc = (p: Partial<SiteServices>): SiteServices => ({ ...UNKNOWN_SERVICES, ...p });

describe('readSiteServices: good input', () => {
  it('reads levels and hours; missing fields are unknown with no issue', () => {
    const r = readSiteServices(
      {
        'fc-leksand': { mhv: 'full', bhv: 'full', openPreschool: 'part', socialServices: 'unknown', openPreschoolHoursPerWeek: 12, socialServicesHoursPerWeek: null },
        c1: { bhv: ' FULL ' },
      },
      { knownSiteIds: new Set(['fc-leksand', 'c1']) },
    );
    expect(r.issues).toEqual([]);
    expect(r.value).toEqual({
      'fc-leksand': svc({ mhv: 'full', bhv: 'full', openPreschool: 'part', openPreschoolHoursPerWeek: 12 }),
      c1: svc({ bhv: 'full' }),
    });
  });

  it('a file without services (undefined or null) gives {} and no issue', () => {
    expect(readSiteServices(undefined)).toEqual({ value: {}, issues: [] });
    expect(readSiteServices(null)).toEqual({ value: {}, issues: [] });
  });

  it('hours as text with a decimal comma are read', () => {
    expect(readSiteServices({ a: { openPreschoolHoursPerWeek: '12,5' } }).value.a.openPreschoolHoursPerWeek).toBe(12.5);
  });

  it('writing drops empty entries and sorts ids; reading it back gives the same values', () => {
    const value = { b: svc({ mhv: 'absent' }), a: svc({ socialServicesHoursPerWeek: 3 }), empty: svc({}) };
    const written = writeSiteServices(value);
    expect(Object.keys(written)).toEqual(['a', 'b']);
    expect(readSiteServices(JSON.parse(JSON.stringify(written)))).toEqual({ value: { a: value.a, b: value.b }, issues: [] });
  });
});

describe('readSiteServices: bad input keeps every valid value', () => {
  it('not an object', () => {
    const r = readSiteServices([1, 2]);
    expect(r.value).toEqual({});
    expect(r.issues).toEqual([{ severity: 'error', code: 'site_services_not_object', params: { value: '[1,2]' } }]);
    expect(siteServicesIssueText(r.issues[0])).toBe('Verksamheter per plats (siteServices) ska vara ett objekt med plats-id som nycklar, men är [1,2]; inga verksamhetsuppgifter lästes.');
  });

  it('a bad level becomes unknown; the same site\'s good values stay', () => {
    const r = readSiteServices({ 'fc-mora': { mhv: 'ja', bhv: 'full', openPreschool: 2, openPreschoolHoursPerWeek: 20 } });
    expect(r.value['fc-mora']).toEqual(svc({ bhv: 'full', openPreschoolHoursPerWeek: 20 }));
    expect(r.issues.map((i) => [i.severity, i.code, i.params.field, i.params.value])).toEqual([
      ['error', 'site_services_bad_level', 'mhv', '"ja"'],
      ['error', 'site_services_bad_level', 'openPreschool', '2'],
    ]);
    expect(siteServicesIssueText(r.issues[0])).toBe(
      'Verksamheter för platsen "fc-mora": mödrahälsovård ska vara full (fullt samlokaliserad), part (del av veckan), absent (finns inte) eller unknown (uppgift saknas), men är "ja"; värdet räknas som uppgift saknas.',
    );
  });

  it('hours outside 0–168 or not numeric become unknown', () => {
    const r = readSiteServices({ x: { openPreschoolHoursPerWeek: 169, socialServicesHoursPerWeek: 'tre' } });
    expect(r.value.x).toEqual(svc({}));
    expect(r.issues.map((i) => [i.code, i.params.field, i.params.value])).toEqual([
      ['site_services_bad_hours', 'openPreschoolHoursPerWeek', '169'],
      ['site_services_bad_hours', 'socialServicesHoursPerWeek', '"tre"'],
    ]);
    expect(siteServicesIssueText(r.issues[0])).toBe(
      'Verksamheter för platsen "x": öppna förskolans öppettid (timmar per vecka) ska vara ett tal från 0 till 168 timmar (eller null = uppgift saknas), men är 169; värdet räknas som uppgift saknas.',
    );
    expect(readSiteServices({ x: { openPreschoolHoursPerWeek: -1 } }).issues[0].code).toBe('site_services_bad_hours');
    expect(readSiteServices({ x: { openPreschoolHoursPerWeek: 0 } }).issues).toEqual([]);
    expect(readSiteServices({ x: { openPreschoolHoursPerWeek: 168 } }).issues).toEqual([]);
  });

  it('hours for an absent service: both kept, with a warning', () => {
    const r = readSiteServices({ x: { socialServices: 'absent', socialServicesHoursPerWeek: 6 } });
    expect(r.value.x).toEqual(svc({ socialServices: 'absent', socialServicesHoursPerWeek: 6 }));
    expect(r.issues).toEqual([{ severity: 'warning', code: 'site_services_hours_but_absent', params: { site: 'x', field: 'socialServicesHoursPerWeek', service: 'socialServices', value: 6 } }]);
    expect(siteServicesIssueText(r.issues[0])).toContain('förebyggande socialtjänst är angiven som absent (finns inte), men socialtjänstens närvaro (timmar per vecka) är 6');
  });

  it('an entry that is not an object, a blank id, an unknown field, an unknown site', () => {
    const r = readSiteServices({ a: 'full', '  ': { mhv: 'full' }, b: { mvh: 'full', bhv: 'part' } }, { knownSiteIds: new Set(['a']) });
    expect(r.value).toEqual({ b: svc({ bhv: 'part' }) });
    expect(r.issues.map((i) => [i.severity, i.code])).toEqual([
      ['error', 'site_services_entry_not_object'],
      ['error', 'site_services_bad_id'],
      ['warning', 'site_services_unknown_site'],
      ['warning', 'site_services_unknown_field'],
    ]);
    expect(siteServicesIssueText(r.issues[3])).toContain('fältet "mvh" är okänt');
  });

  it('more sites than the limit: the first are read, with an error', () => {
    const big = Object.fromEntries(Array.from({ length: MAX_SITE_ENTRIES + 2 }, (_, i) => [`s${i}`, { bhv: 'full' }]));
    const r = readSiteServices(big);
    expect(Object.keys(r.value)).toHaveLength(MAX_SITE_ENTRIES);
    expect(r.issues).toEqual([{ severity: 'error', code: 'site_services_too_many', params: { count: MAX_SITE_ENTRIES + 2, max: MAX_SITE_ENTRIES } }]);
  });

  it('a "__proto__" key is an ordinary site id, not a prototype', () => {
    const r = readSiteServices(JSON.parse('{"__proto__": {"bhv": "full"}}'));
    expect(Object.getPrototypeOf(r.value)).toBe(Object.prototype);
    expect(Object.keys(r.value)).toEqual(['__proto__']);
  });
});

describe('words', () => {
  it('every issue code has a Swedish and an English sentence', () => {
    for (const lang of ['sv', 'en'] as const) for (const c of SITE_SERVICES_ISSUE_CODES) expect(typeof SITE_SERVICES_ISSUE_TEXT[lang][c]).toBe('function');
  });

  it('form ranges and sources in words', () => {
    expect(formRangeText({ proven: 'familjecentralsliknande', best: 'familjecentral', certain: false })).toBe('minst familjecentralsliknande verksamhet, möjligen familjecentral');
    expect(formRangeText({ proven: 'annan', best: 'familjecentral', certain: false })).toBe('uppgift saknas (möjligen familjecentral)');
    expect(formRangeText({ proven: 'familjecentral', best: 'familjecentral', certain: true }, 'en')).toBe('family centre');
    expect(docRefText({ docs: ['000', '001'], place: 'bilden "Dalarnas familjecentraler"' })).toBe('bilderna 2020-08-28, bilden "Dalarnas familjecentraler"');
  });
});
