/** Small SVG charts: bars of a value against a limit, and lines over time. No chart library needed. */

export interface Bar {
  label: string;
  value: number;
  limit?: number;
}

export function BarChart({ bars, testId }: { bars: Bar[]; testId?: string }) {
  const max = Math.max(1, ...bars.map((b) => Math.max(b.value, b.limit ?? 0)));
  return (
    <div data-testid={testId} className="flex flex-col gap-2" dir="ltr">
      {bars.map((b) => (
        <div key={b.label} className="flex items-center gap-2 text-xs">
          <span className="w-28 shrink-0 truncate">{b.label}</span>
          <div className="relative h-5 grow rounded bg-slate-800">
            <div
              className={`h-full rounded ${b.limit !== undefined && b.value >= b.limit ? 'bg-red-600' : 'bg-sky-600'}`}
              style={{ width: `${(b.value / max) * 100}%` }}
            />
            {b.limit !== undefined && <div className="absolute inset-y-0 w-0.5 bg-amber-400" style={{ left: `${Math.min(100, (b.limit / max) * 100)}%` }} title={`limit ${b.limit}`} />}
          </div>
          <span className="w-16 shrink-0 text-end font-mono">
            {b.value}
            {b.limit !== undefined ? `/${b.limit}` : ''}
          </span>
        </div>
      ))}
    </div>
  );
}

export interface Series {
  label: string;
  color: string;
  points: { time: number; value: number }[];
  dashed?: boolean;
}

const W = 600;
const H = 160;

export function LineChart({ series, start, end, testId }: { series: Series[]; start: number; end: number; testId?: string }) {
  const max = Math.max(1, ...series.flatMap((s) => s.points.map((p) => p.value)));
  const x = (time: number) => ((time - start) / Math.max(1, end - start)) * W;
  const y = (v: number) => H - (v / max) * (H - 10);
  const hours = [];
  for (let h = Math.ceil(start / 3_600_000) * 3_600_000; h <= end; h += 3 * 3_600_000) hours.push(h);
  return (
    <div data-testid={testId} dir="ltr">
      <svg viewBox={`0 0 ${W} ${H + 16}`} className="w-full">
        <line x1={0} y1={H} x2={W} y2={H} stroke="#334155" />
        <text x={2} y={10} fontSize={10} fill="#94a3b8">
          {max}
        </text>
        {hours.map((h) => (
          <text key={h} x={x(h)} y={H + 12} fontSize={10} fill="#94a3b8" textAnchor="middle">
            {new Date(h).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })}
          </text>
        ))}
        {series.map((s) =>
          s.points.length < 3 ? (
            <g key={s.label}>
              {s.points.map((p) => (
                <circle key={p.time} cx={x(p.time)} cy={y(p.value)} r={2.5} fill={s.dashed ? 'none' : s.color} stroke={s.color} />
              ))}
            </g>
          ) : s.points.length ? (
            <polyline
              key={s.label}
              fill="none"
              stroke={s.color}
              strokeWidth={1.5}
              strokeDasharray={s.dashed ? '4 3' : undefined}
              points={s.points.map((p) => `${x(p.time).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ')}
            />
          ) : null,
        )}
      </svg>
      <div className="flex flex-wrap gap-3 text-xs">
        {series.map((s) => (
          <span key={s.label} className="flex items-center gap-1">
            <span className="inline-block h-0.5 w-4" style={{ background: s.color }} />
            {s.label}
          </span>
        ))}
      </div>
    </div>
  );
}
