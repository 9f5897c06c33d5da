import { useRef, useState } from 'react';
import { useT } from '../state/i18n';
import { fraction, placed, tickLabel, ticks, timeAt, ZOOMS, type EventSpan, type Span, type View } from './timeline';

export interface Marker {
  id: string;
  time: number;
  end?: number | null;
  label: string;
}

interface TimelineProps {
  view: View;
  recorded: Span[];
  gaps: (Span & { reason?: string })[];
  bookmarks: Marker[];
  incidents: Marker[];
  /** Motion and tampering the camera reported (ONVIF events). */
  events?: EventSpan[];
  playhead: number | null;
  selection: Span | null;
  zoom: number;
  onZoom: (zoom: number, center: number) => void;
  onPan: (by: number) => void;
  onScrub: (time: number) => void;
}

/**
 * The playback timeline: recorded ranges (green), gaps (red, with the reason when known), bookmarks and incidents,
 * motion (blue) and tampering (red) the camera reported,
 * the playhead and the export selection, over a view that zooms from a month to seconds. Click or drag to scrub,
 * wheel to zoom around the pointer. Time runs left to right in both languages.
 */
export function Timeline(p: TimelineProps) {
  const t = useT();
  const track = useRef<HTMLDivElement>(null);
  const [dragging, setDragging] = useState<number | null>(null);
  const at = (clientX: number) => {
    const r = track.current!.getBoundingClientRect();
    return timeAt((clientX - r.left) / r.width, p.view);
  };
  const pct = (time: number) => `${fraction(time, p.view) * 100}%`;
  const head = dragging ?? p.playhead;
  return (
    <div className="flex flex-col gap-1 select-none" dir="ltr">
      <div className="flex items-center gap-2 text-xs">
        <span className="text-slate-400">{t('zoom')}</span>
        {ZOOMS.map((z, i) => (
          <button
            key={z.name}
            data-testid={`zoom-${z.name}`}
            className={`rounded px-1.5 ${i === p.zoom ? 'bg-sky-700' : 'bg-slate-800 hover:bg-slate-700'}`}
            onClick={() => p.onZoom(i, head ?? (p.view.start + p.view.end) / 2)}
          >
            {z.name}
          </button>
        ))}
        <button className="ms-auto rounded bg-slate-800 px-1.5" onClick={() => p.onPan(-(p.view.end - p.view.start) / 2)}>
          ◀
        </button>
        <button className="rounded bg-slate-800 px-1.5" onClick={() => p.onPan((p.view.end - p.view.start) / 2)}>
          ▶
        </button>
      </div>
      <div
        ref={track}
        data-testid="timeline"
        data-start={p.view.start}
        data-end={p.view.end}
        className="relative h-14 cursor-pointer overflow-hidden rounded bg-slate-900"
        onPointerDown={(e) => {
          (e.target as HTMLElement).setPointerCapture?.(e.pointerId);
          setDragging(at(e.clientX));
        }}
        onPointerMove={(e) => dragging !== null && setDragging(at(e.clientX))}
        onPointerUp={(e) => {
          if (dragging === null) return;
          setDragging(null);
          p.onScrub(at(e.clientX));
        }}
        onWheel={(e) => p.onZoom(p.zoom + (e.deltaY < 0 ? 1 : -1), at(e.clientX))}
      >
        {p.selection &&
          placed([p.selection], p.view).map((s) => (
            <div key="sel" data-testid="timeline-selection" className="absolute inset-y-0 bg-sky-500/20" style={{ left: `${s.left}%`, width: `${s.width}%` }} />
          ))}
        {placed(p.recorded, p.view).map((s) => (
          <div
            key={`r${s.span.start}`}
            data-testid="timeline-recorded"
            title={t('recorded')}
            className="absolute top-5 h-4 bg-emerald-600"
            style={{ left: `${s.left}%`, width: `${s.width}%` }}
          />
        ))}
        {placed(p.gaps, p.view).map((s) => (
          <div
            key={`g${s.span.start}`}
            data-testid="timeline-gap"
            title={`${t('gap')}${(s.span as { reason?: string }).reason ? `: ${(s.span as { reason?: string }).reason}` : ''}`}
            className="absolute top-5 h-4 bg-red-900/70"
            style={{ left: `${s.left}%`, width: `${s.width}%` }}
          />
        ))}
        {(p.events ?? []).map((e, i) =>
          placed([e], p.view).map((s) => (
            <div
              key={`e${i}-${s.left}`}
              data-testid={`timeline-${e.kind.toLowerCase()}`}
              title={`${t(e.kind === 'MOTION' ? 'motion' : 'tampering')}${e.reason ? ': ' + e.reason : ''}`}
              className={`absolute bottom-3 h-1.5 rounded ${e.kind === 'MOTION' ? 'bg-sky-400/90' : 'bg-red-500'}`}
              style={{ left: `${s.left}%`, width: `${Math.max(s.width, 0.3)}%` }}
            />
          )),
        )}
        {p.incidents.map((m) =>
          placed([{ start: m.time, end: m.end ?? m.time + 1 }], p.view).map((s) => (
            <div
              key={`i${m.id}`}
              data-testid="timeline-incident"
              title={m.label}
              className="absolute top-1 h-3 rounded bg-amber-500/80"
              style={{ left: `${s.left}%`, width: `${Math.max(s.width, 0.5)}%` }}
            />
          )),
        )}
        {p.bookmarks
          .filter((m) => m.time >= p.view.start && m.time <= p.view.end)
          .map((m) => (
            <div key={`b${m.id}`} data-testid="timeline-bookmark" title={m.label} className="absolute top-0 h-10 w-0.5 bg-fuchsia-400" style={{ left: pct(m.time) }} />
          ))}
        {ticks(p.view).map((tick) => (
          <div key={tick} className="absolute bottom-0 border-s border-slate-600 ps-0.5 text-[10px] text-slate-400" style={{ left: pct(tick) }}>
            {tickLabel(tick, p.view)}
          </div>
        ))}
        {head !== null && head >= p.view.start && head <= p.view.end && (
          <div data-testid="timeline-playhead" className="absolute inset-y-0 w-0.5 bg-white" style={{ left: pct(head) }} />
        )}
      </div>
    </div>
  );
}
