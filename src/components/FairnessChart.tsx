import { scaleLinear } from 'd3-scale';
import type { FairnessRow } from '../domain/fairness';
import { formatPercent, STRINGS } from '../i18n';
import { CENTRE_BAR_COLOR, CHILDREN_BAR_COLOR } from '../layout/fairnessBlock';
import { usePlanner } from '../state/store';

/** Share of family centres next to share of children 0–6, per områdestyp (small grouped bars). */
export function FairnessChart({ rows, width = 300, testId, scale = 1 }: { rows: FairnessRow[]; width?: number; testId?: string; /** Type and bar size × scale (the presentation on a large screen). */ scale?: number }) {
  const lang = usePlanner((st) => st.lang);
  const p = STRINGS[lang].present;
  const k = scale;
  const rowH = 26 * k;
  const left = 26 * k;
  const right = 70 * k;
  const x = scaleLinear().domain([0, Math.max(0.01, ...rows.flatMap((r) => [r.centre_share, r.children_share]))]).range([0, width - left - right]);
  const h = rows.length * rowH + 40 * k;
  return (
    <figure className="fairness" data-testid={testId}>
      <figcaption>{p.fairness}</figcaption>
      <svg width={width} height={h} role="img" aria-label={p.fairness}>
        {rows.map((r, i) => (
          <g key={r.omradestyp} transform={`translate(0, ${i * rowH})`}>
            <text x={0} y={15 * k} fontSize={12 * k}>{r.omradestyp}</text>
            <rect x={left} y={3 * k} width={x(r.centre_share)} height={9 * k} fill={CENTRE_BAR_COLOR} />
            <rect x={left} y={13 * k} width={x(r.children_share)} height={9 * k} fill={CHILDREN_BAR_COLOR} />
            <text x={left + Math.max(x(r.centre_share), x(r.children_share)) + 4 * k} y={16 * k} fontSize={10 * k} fill="#333">
              {formatPercent(r.centre_share, 0, lang)} / {formatPercent(r.children_share, 0, lang)}
            </text>
          </g>
        ))}
        <g transform={`translate(0, ${rows.length * rowH + 6 * k})`}>
          <rect x={0} y={0} width={10 * k} height={9 * k} fill={CENTRE_BAR_COLOR} />
          <text x={14 * k} y={9 * k} fontSize={11 * k}>{p.centresShare}</text>
          <rect x={0} y={16 * k} width={10 * k} height={9 * k} fill={CHILDREN_BAR_COLOR} />
          <text x={14 * k} y={25 * k} fontSize={11 * k}>{p.childrenShare}</text>
        </g>
      </svg>
    </figure>
  );
}
