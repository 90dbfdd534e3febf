import { useMemo, useState } from 'react';
import { GAP_FORM_MODES, gapCount } from '../domain/services/gapForm';
import { siteForm } from '../domain/services/siteCounting';
import { HOURS_PER_WEEK_MAX, SERVICE_KEYS, SERVICE_LEVELS, UNKNOWN_SERVICES, type ServiceKey, type ServiceLevel, type SiteServices } from '../domain/services/types';
import type { Site } from '../domain/types';
import { STRINGS } from '../i18n';
import { SERVICE_FIELD_TEXT } from '../io/siteServicesIssues';
import { docRefText, FORM_BASIS_TEXT, formRangeText, GAP_COUNT_TEXT, GAP_FORM_MODE_TEXT, SERVICE_LEVEL_TEXT } from '../io/siteServicesWords';
import { usePlanner } from '../state/store';
import { documentedPeriods } from '../domain/history/periods';
import { PERIOD_STATUSES, type DocumentedPeriod, type PeriodStatus, type StatusPeriod } from '../domain/history/types';
import { PERIOD_STATUS_TEXT } from '../io/statusPeriodsWords';

type HourKey = 'openPreschoolHoursPerWeek' | 'socialServicesHoursPerWeek';
const HOUR_KEYS: HourKey[] = ['openPreschoolHoursPerWeek', 'socialServicesHoursPerWeek'];

/**
 * Issue 11, item 2: each site's four basic services (fully co-located, part of the week, absent or
 * unknown) and hours, its form by 002's definitions (familjecentral / familjecentralsliknande /
 * annan, with what decided it), and the gap switch — count familjecentraler only, or with the
 * familjecentralsliknande (the regional goal counts both). The planner's entries travel with the
 * scenario (params.siteServices); the form logic is src/domain/services.
 */
export function ServicesPanel() {
  const lang = usePlanner((st) => st.lang);
  const t = STRINGS[lang].services;
  const data = usePlanner((st) => st.data);
  const candidates = usePlanner((st) => st.candidates);
  const mode = usePlanner((st) => st.params.gapFormMode);
  const planner = usePlanner((st) => st.params.siteServices);
  const sites = useMemo<Site[]>(
    () => [...(data?.familyCentres ?? []).map((f): Site => ({ id: f.id, name: f.name, status: f.status, kommun_code: f.kommun_code, lon: f.lon, lat: f.lat })), ...candidates],
    [data, candidates],
  );
  const documented = useMemo(() => documentedPeriods(), []);
  if (!data) return null;
  const kommunName = new Map(data.kommuner.features.map((f) => [f.properties.kommun_code, f.properties.kommun_name]));
  const setServices = (id: string, next: SiteServices) => {
    const all = { ...usePlanner.getState().params.siteServices, [id]: next };
    usePlanner.getState().setParams({ siteServices: all });
  };
  return (
    <section className="panel" aria-labelledby="services-h" data-testid="services-panel">
      <h2 id="services-h">{t.title}</h2>
      <p className="hint">{t.note}</p>
      <fieldset className="gap-switch">
        <legend>{t.switchLegend}</legend>
        {GAP_FORM_MODES.map((m) => (
          <label key={m}>
            <input type="radio" name="gap-form-mode" data-testid={`gap-mode-${m}`} checked={mode === m} onChange={() => usePlanner.getState().setParams({ gapFormMode: m })} /> {GAP_FORM_MODE_TEXT[lang][m]}
          </label>
        ))}
      </fieldset>
      <ul className="services-list" data-testid="services-table">
        {sites.map((s) => {
          const form = siteForm(s, planner);
          const own = planner[s.id] ?? UNKNOWN_SERVICES;
          return (
            <li key={s.id} data-site={s.id} data-form={form.certain ? form.proven : `${form.proven}..${form.best}`}>
              <strong>{s.name}</strong> <span className="hint">{kommunName.get(s.kommun_code ?? '') ?? ''} · {STRINGS[lang].catchment.kinds[s.status] ?? s.status}</span>
              <div>
                {t.form}: {formRangeText(form, lang)} <span className="hint">({FORM_BASIS_TEXT[lang][form.basis]}{form.source ? `: ${docRefText(form.source)}` : ''})</span>
              </div>
              <div>
                {t.counts}: <span data-testid={`counts-${s.id}`}>{GAP_COUNT_TEXT[lang][gapCount(form, mode)]}</span>
              </div>
              <details>
                <summary>{t.services}</summary>
                {SERVICE_KEYS.map((k: ServiceKey) => (
                  <label key={k} className="service-level">
                    {SERVICE_FIELD_TEXT[lang][k]}{' '}
                    <select data-testid={`service-${s.id}-${k}`} value={own[k]} onChange={(e) => setServices(s.id, { ...own, [k]: e.target.value as ServiceLevel })}>
                      {SERVICE_LEVELS.map((l) => (
                        <option key={l} value={l}>{SERVICE_LEVEL_TEXT[lang][l]}</option>
                      ))}
                    </select>
                  </label>
                ))}
                {HOUR_KEYS.map((h) => (
                  <HoursInput key={h} label={SERVICE_FIELD_TEXT[lang][h]} value={own[h]} testId={`hours-${s.id}-${h}`} onChange={(v) => setServices(s.id, { ...own, [h]: v })} />
                ))}
              </details>
              <PeriodsEditor siteId={s.id} documented={documented.get(s.id) ?? []} />
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** Hours per week (0–168) or empty for "uppgift saknas"; anything else is refused in place with a Swedish message. */
function HoursInput({ label, value, testId, onChange }: { label: string; value: number | null; testId: string; onChange: (v: number | null) => void }) {
  const lang = usePlanner((st) => st.lang);
  const t = STRINGS[lang].services;
  const [error, setError] = useState<string | null>(null);
  return (
    <label className="service-level">
      {label}{' '}
      <input
        type="text"
        inputMode="decimal"
        size={5}
        data-testid={testId}
        defaultValue={value === null ? '' : String(value)}
        placeholder={t.unknown}
        aria-invalid={error !== null}
        onChange={(e) => {
          const raw = e.target.value.trim().replace(',', '.');
          const v = Number(raw);
          const ok = raw === '' || (Number.isFinite(v) && v >= 0 && v <= HOURS_PER_WEEK_MAX);
          setError(ok ? null : t.badHours.replace('{field}', label).replace('{value}', e.target.value).replace('{max}', String(HOURS_PER_WEEK_MAX)));
          if (ok) onChange(raw === '' ? null : v);
        }}
      />
      {error && (
        <span className="error" role="alert">
          {' '}
          {error}
        </span>
      )}
    </label>
  );
}

const YEAR_MONTH = /^\d{4}(-(0[1-9]|1[0-2]))?$/;

/**
 * A site's status periods: what the documents show (read only, with the source) and the planner's
 * own periods (status, from, to as YYYY or YYYY-MM; empty = not known / not ended), saved in the
 * scenario (params.statusPeriods).
 */
function PeriodsEditor({ siteId, documented }: { siteId: string; documented: readonly DocumentedPeriod[] }) {
  const lang = usePlanner((st) => st.lang);
  const t = STRINGS[lang].services;
  const periods = usePlanner((st) => st.params.statusPeriods[siteId]) ?? [];
  const [error, setError] = useState<string | null>(null);
  const save = (next: StatusPeriod[]) => {
    const all = { ...usePlanner.getState().params.statusPeriods };
    if (next.length) all[siteId] = next;
    else delete all[siteId];
    usePlanner.getState().setParams({ statusPeriods: all });
  };
  const setBound = (i: number, key: 'from' | 'to', raw: string) => {
    const v = raw.trim();
    if (v !== '' && !YEAR_MONTH.test(v)) {
      setError(t.badMonth.replace('{field}', key === 'from' ? t.from : t.to).replace('{value}', raw));
      return;
    }
    setError(null);
    save(periods.map((p, k) => (k === i ? { ...p, [key]: v === '' ? null : v } : p)));
  };
  return (
    <details className="periods" data-testid={`periods-${siteId}`}>
      <summary>
        {t.periods} ({documented.length + periods.length})
      </summary>
      <ul>
        {documented.map((p, i) => (
          <li key={`d${i}`} className="hint">
            {PERIOD_STATUS_TEXT[lang][p.status]} {p.from ?? t.unknown}–{p.to ?? ''} ({p.sources.map(docRefText).join('; ')})
          </li>
        ))}
        {periods.map((p, i) => (
          <li key={i} data-period={i}>
            <select aria-label={t.status} value={p.status} onChange={(e) => save(periods.map((q, k) => (k === i ? { ...q, status: e.target.value as PeriodStatus } : q)))}>
              {PERIOD_STATUSES.map((st) => (
                <option key={st} value={st}>{PERIOD_STATUS_TEXT[lang][st]}</option>
              ))}
            </select>{' '}
            <input aria-label={t.from} size={7} placeholder="ÅÅÅÅ-MM" defaultValue={p.from ?? ''} data-testid={`period-${siteId}-${i}-from`} onBlur={(e) => setBound(i, 'from', e.target.value)} />–
            <input aria-label={t.to} size={7} placeholder="ÅÅÅÅ-MM" defaultValue={p.to ?? ''} data-testid={`period-${siteId}-${i}-to`} onBlur={(e) => setBound(i, 'to', e.target.value)} />{' '}
            <button type="button" className="link" onClick={() => save(periods.filter((_, k) => k !== i))}>
              {t.remove}
            </button>
          </li>
        ))}
      </ul>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <button type="button" className="link" data-testid={`add-period-${siteId}`} onClick={() => save([...periods, { status: 'open', from: null, to: null }])}>
        {t.addPeriod}
      </button>
    </details>
  );
}
