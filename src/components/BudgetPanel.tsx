import { useMemo, useState } from 'react';
import { budgetChange, type BudgetChange } from '../domain/budget/change';
import type { VardvalBudget } from '../domain/budget/claims';
import type { HostRule } from '../domain/budget/hosts';
import { setVardvalBudget } from './vardvalBudget';
import { DEFAULT_VARDVAL_PARAMS, POT_RULES, type PotRule, type VardvalParams } from '../domain/budget/params';
import type { CoverageSets } from '../domain/summary';
import { formatNumber, formatPercent, STRINGS, type Lang } from '../i18n';
import { siteSetLabel } from '../i18n/describe';
import { exportFileName } from '../io/exports';
import { CLAIM_REASON_TEXT, HOST_SOURCE_TEXT, MODELLED_LABEL, PAYOUT_BLOCK_TEXT, POT_RULE_TEXT } from '../io/vardvalWords';
import { usePlanner } from '../state/store';
import { activeScenarioName } from '../state/selectors';
import { downloadText } from './download';
import { useListing } from './useDerived';

const HOST_RULES: HostRule[] = ['data', 'at_health_centre', 'nearest'];
const BUDGET_YEARS = [2025, 2026, 2027, 2028];

/**
 * Issue 11, item 4: the vårdval family-centre add-on for today's centres and the proposal — each
 * host vårdcentral's claim, the claims against the shared pot, each host's payout when the pot is
 * split, and the change the proposal makes — with every amount editable (they travel with the
 * scenario in params.vardval) and every figure marked "modellerat" while the listing is modelled.
 * The arithmetic is src/domain/budget's; this component lays it out.
 */
export function BudgetPanel() {
  const lang = usePlanner((st) => st.lang);
  const t = STRINGS[lang].budget;
  const data = usePlanner((st) => st.data);
  const sets = usePlanner((st) => st.coverage);
  const status = usePlanner((st) => st.analysisStatus);
  const candidates = usePlanner((st) => st.candidates);
  const vardval = usePlanner((st) => st.params.vardval);
  const hosts = usePlanner((st) => st.params.hosts);
  const listing = useListing();
  const [rule, setRule] = useState<HostRule>('data');
  const result = useMemo(() => {
    if (!data || !sets) return null;
    const budget = (ids: readonly string[]) => setVardvalBudget(ids, data, candidates, listing, vardval, hosts, rule);
    const today = budget(sets.today.siteIds);
    const proposal = budget(sets.proposal.siteIds);
    return { today, proposal, change: budgetChange(today, proposal, vardval) };
  }, [data, sets, candidates, vardval, hosts, listing, rule]);
  if (!data || !sets || !result) return null;
  const set = (p: Partial<VardvalParams>) => usePlanner.getState().setParams({ vardval: { ...vardval, ...p } });
  const names = new Map(data.healthCentres.map((h) => [h.id, h.name]));
  const kr = (v: number | null) => (v === null ? t.unknown : `${formatNumber(v, 0, lang)} kr`);
  const { today, proposal, change } = result;
  const modelled = today.listingModelled || proposal.listingModelled || today.hostsAssumed || proposal.hostsAssumed;
  const pot = vardval.potKrByYear[vardval.year];
  return (
    <section className="panel" aria-labelledby="budget-h" data-testid="budget-panel" data-status={status === 'idle' ? 'idle' : 'busy'}>
      <h2 id="budget-h">{t.title}</h2>
      <p className="hint">{t.note}</p>
      <fieldset className="budget-params">
        <legend>{t.amounts}</legend>
        <label>
          {t.year}{' '}
          <select data-testid="budget-year" value={vardval.year} onChange={(e) => set({ year: Number(e.target.value) })}>
            {BUDGET_YEARS.map((y) => (
              <option key={y} value={y}>{y}</option>
            ))}
          </select>
        </label>
        <AmountInput label={t.perChild} value={vardval.krPerListedChild} testId="budget-kr-child" onChange={(v) => set({ krPerListedChild: v })} />
        <AmountInput label={t.perWoman} value={vardval.krPerListedWoman} testId="budget-kr-woman" onChange={(v) => set({ krPerListedWoman: v })} />
        <AmountInput
          label={`${t.pot} ${vardval.year}`}
          value={pot ?? null}
          testId="budget-pot"
          onChange={(v) => set({ potKrByYear: { ...vardval.potKrByYear, [vardval.year]: v } })}
        />
        <label>
          {t.potRule}{' '}
          <select data-testid="budget-pot-rule" value={vardval.potRule} onChange={(e) => set({ potRule: e.target.value as PotRule })}>
            {POT_RULES.map((r) => (
              <option key={r} value={r}>{POT_RULE_TEXT[lang][r]}</option>
            ))}
          </select>
        </label>
        <AmountInput label={t.crossVisit} value={vardval.krPerCrossVisit} testId="budget-kr-visit" onChange={(v) => set({ krPerCrossVisit: v })} />
        <AmountInput label={t.plan} value={vardval.regionalPlan.krPerYear} testId="budget-plan" onChange={(v) => set({ regionalPlan: { ...vardval.regionalPlan, krPerYear: v } })} />
        <label>
          {t.hostRule}{' '}
          <select data-testid="budget-host-rule" value={rule} onChange={(e) => setRule(e.target.value as HostRule)}>
            {HOST_RULES.map((r) => (
              <option key={r} value={r}>{t.hostRules[r]}</option>
            ))}
          </select>
        </label>
        <button type="button" className="link" onClick={() => usePlanner.getState().setParams({ vardval: DEFAULT_VARDVAL_PARAMS })}>
          {t.reset}
        </button>
      </fieldset>
      <p className="hint">{t.sources}</p>
      <Totals today={today} proposal={proposal} change={change} sets={sets} modelled={modelled} lang={lang} />
      <div className="table-scroll">
        <table className="data-table" data-testid="budget-table">
          <thead>
            <tr>
              <th>{t.host}</th>
              <th className="num">{t.claimToday}</th>
              <th className="num">{t.claimProposal}</th>
              <th className="num">{t.payoutToday}</th>
              <th className="num">{t.payoutProposal}</th>
              <th className="num">{t.potShare}</th>
            </tr>
          </thead>
          <tbody>
            {change.hosts.map((h) => (
              <tr key={h.healthCentreId} data-host={h.healthCentreId} className={h.newHost ? 'selected' : ''}>
                <td>
                  {names.get(h.healthCentreId) ?? h.healthCentreId}
                  {h.newHost && ` (${t.newHost})`}
                  {h.droppedHost && ` (${t.droppedHost})`}
                </td>
                <td className="num">{kr(h.claimBeforeKr)}</td>
                <td className="num" data-value={h.claimAfterKr ?? ''}>{kr(h.claimAfterKr)}</td>
                <td className="num">{kr(h.payoutBeforeKr)}</td>
                <td className="num">{kr(h.payoutAfterKr)}</td>
                <td className="num">{h.potShareAfter === null ? t.unknown : formatPercent(h.potShareAfter, 1, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>{t.centres}</h3>
      <ul className="budget-centres" data-testid="budget-centres">
        {proposal.centres.map((c) => (
          <li key={c.centreId} data-centre={c.centreId}>
            {c.name}: {c.hostHealthCentreId ? `${names.get(c.hostHealthCentreId) ?? c.hostHealthCentreId}` : t.noHost}
            {c.hostSource && ` (${HOST_SOURCE_TEXT[lang][c.hostSource]})`}
            {c.reason && ` – ${CLAIM_REASON_TEXT[lang][c.reason]}`}{' '}
            <select
              aria-label={`${t.chooseHost}: ${c.name}`}
              data-testid={`host-${c.centreId}`}
              value={hosts[c.centreId] ?? ''}
              onChange={(e) => {
                const next = { ...hosts };
                if (e.target.value) next[c.centreId] = e.target.value;
                else delete next[c.centreId];
                usePlanner.getState().setParams({ hosts: next });
              }}
            >
              <option value="">{t.hostFromRule}</option>
              {data.healthCentres.map((h) => (
                <option key={h.id} value={h.id}>{h.name}</option>
              ))}
            </select>
          </li>
        ))}
      </ul>
      <button
        type="button"
        data-testid="export-budget"
        onClick={async () => {
          const { vardvalCsv } = await import('../io/vardvalCsv');
          const st = usePlanner.getState();
          const name = activeScenarioName(st);
          const d = new Date();
          const head = [`Scenario: ${name}`, `${STRINGS[lang].analysis.sitesCounted}: ${siteSetLabel(sets.today.siteSet, lang)} · ${siteSetLabel(sets.proposal.siteSet, lang)}`];
          downloadText(exportFileName(name, 'vardval', 'csv', d), vardvalCsv(change, today, proposal, vardval, null, names, 'sv', lang, head), 'text/csv;charset=utf-8');
        }}
      >
        {t.export}
      </button>
    </section>
  );
}

function Totals({ today, proposal, change, sets, modelled, lang }: { today: VardvalBudget; proposal: VardvalBudget; change: BudgetChange; sets: CoverageSets; modelled: boolean; lang: Lang }) {
  const t = STRINGS[lang].budget;
  const kr = (v: number | null) => (v === null ? t.unknown : `${formatNumber(v, 0, lang)} kr`);
  const label = modelled ? ` (${MODELLED_LABEL[lang]})` : '';
  return (
    <table className="data-table kv" data-testid="budget-totals">
      <tbody>
        <tr>
          <th>{t.claims}{label}</th>
          <td className="num" title={siteSetLabel(sets.today.siteSet, lang)}>{t.today}: {kr(today.totalClaimsKr)} <span className="hint">({t.known} {kr(today.knownClaimsKr)})</span></td>
          <td className="num" title={siteSetLabel(sets.proposal.siteSet, lang)} data-testid="budget-claims-proposal" data-value={proposal.knownClaimsKr}>{t.proposal}: {kr(proposal.totalClaimsKr)} <span className="hint">({t.known} {kr(proposal.knownClaimsKr)})</span></td>
        </tr>
        <tr>
          <th>{t.pot} {proposal.year}</th>
          <td className="num" colSpan={2}>{kr(proposal.potKr)}</td>
        </tr>
        <tr>
          <th>{t.payout}{label}</th>
          <td className="num">{today.payoutBlockedBy ? PAYOUT_BLOCK_TEXT[lang][today.payoutBlockedBy] : kr(today.totalPayoutKr)}</td>
          <td className="num">{proposal.payoutBlockedBy ? PAYOUT_BLOCK_TEXT[lang][proposal.payoutBlockedBy] : kr(proposal.totalPayoutKr)}</td>
        </tr>
        <tr>
          <th>{t.newHosts}</th>
          <td className="num" colSpan={2} data-testid="budget-new-hosts">{change.newHostIds.length} · {kr(change.newHostsClaimKr)}</td>
        </tr>
        <tr>
          <th>{t.planCompare}</th>
          <td className="num" colSpan={2}>
            {change.regionalPlan.planKr === null ? t.outsidePlan : `${kr(change.regionalPlan.planKr)}; ${t.changeShare} ${change.regionalPlan.claimsChangeShareOfPlan === null ? t.unknown : formatPercent(change.regionalPlan.claimsChangeShareOfPlan, 1, lang)}`}
          </td>
        </tr>
      </tbody>
    </table>
  );
}

/** A kr amount field; an empty or negative entry is refused in place (the last good value stays). */
function AmountInput({ label, value, testId, onChange }: { label: string; value: number | null; testId: string; onChange: (v: number) => void }) {
  const lang = usePlanner((st) => st.lang);
  const [text, setText] = useState<string | null>(null);
  const shown = text ?? (value === null ? '' : String(value));
  const parsed = Number(shown.replace(/\s|\u00a0/g, '').replace(',', '.'));
  const bad = text !== null && !(Number.isFinite(parsed) && parsed >= 0 && shown.trim() !== '');
  return (
    <label className={bad ? 'invalid' : ''}>
      {label}{' '}
      <input
        type="text"
        inputMode="decimal"
        size={9}
        data-testid={testId}
        aria-invalid={bad}
        value={shown}
        onChange={(e) => {
          const s = e.target.value;
          setText(s);
          const v = Number(s.replace(/\s|\u00a0/g, '').replace(',', '.'));
          if (s.trim() !== '' && Number.isFinite(v) && v >= 0) onChange(v);
        }}
        onBlur={() => setText(null)}
      />
      {bad && (
        <span className="error" role="alert">
          {' '}
          {STRINGS[lang].budget.badAmount.replace('{value}', shown).replace('{field}', label)}
        </span>
      )}
    </label>
  );
}
