import { scaleLinear } from 'd3-scale';
import { formatPercent, type Lang } from '../i18n';
import type { CurvePoint } from '../worker/optimiseApi';

/** A small line chart: share of children within the threshold against the number of new centres. */
export function CoverageCurve({ points, lang, xLabel, yLabel }: { points: CurvePoint[]; lang: Lang; xLabel: string; yLabel: string }) {
  const w = 340;
  const h = 170;
  const m = { top: 10, right: 12, bottom: 34, left: 46 };
  const maxP = Math.max(1, ...points.map((p) => p.newCentres));
  const shares = points.map((p) => p.share);
  const lo = Math.max(0, Math.floor((Math.min(...shares, 1) - 0.02) * 20) / 20);
  const x = scaleLinear().domain([0, maxP]).range([m.left, w - m.right]);
  const y = scaleLinear().domain([lo, 1]).range([h - m.bottom, m.top]);
  const path = points.map((p, i) => `${i ? 'L' : 'M'}${x(p.newCentres).toFixed(1)},${y(p.share).toFixed(1)}`).join('');
  return (
    <svg width={w} height={h} role="img" aria-label={yLabel} data-testid="coverage-curve">
      {y.ticks(4).map((t) => (
        <g key={t}>
          <line x1={m.left} x2={w - m.right} y1={y(t)} y2={y(t)} stroke="#e3e5df" />
          <text x={m.left - 4} y={y(t) + 4} textAnchor="end" fontSize="10">
            {formatPercent(t, 0, lang)}
          </text>
        </g>
      ))}
      {points.map((p) => (
        <text key={p.newCentres} x={x(p.newCentres)} y={h - m.bottom + 14} textAnchor="middle" fontSize="10">
          {p.newCentres}
        </text>
      ))}
      <text x={(m.left + w - m.right) / 2} y={h - 4} textAnchor="middle" fontSize="11">
        {xLabel}
      </text>
      <path d={path} fill="none" stroke="#0072B2" strokeWidth={2} />
      {points.map((p) => (
        <circle key={p.newCentres} cx={x(p.newCentres)} cy={y(p.share)} r={3.5} fill={p.status === 'optimal' ? '#0072B2' : '#fff'} stroke="#0072B2">
          <title>{`${p.newCentres}: ${formatPercent(p.share, 1, lang)}`}</title>
        </circle>
      ))}
    </svg>
  );
}
