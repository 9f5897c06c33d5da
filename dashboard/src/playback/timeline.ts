/** Time on the playback timeline: epoch milliseconds, the view a window [start, end). */
export interface View {
  start: number;
  end: number;
}

export interface Span {
  start: number;
  end: number;
}

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

/** The zoom steps from a month down to seconds. */
export const ZOOMS = [
  { name: '30d', span: 30 * D },
  { name: '7d', span: 7 * D },
  { name: '1d', span: D },
  { name: '6h', span: 6 * H },
  { name: '1h', span: H },
  { name: '15m', span: 15 * M },
  { name: '5m', span: 5 * M },
  { name: '1m', span: M },
  { name: '10s', span: 10 * S },
] as const;

/** The api's recordings route answers at most 31 days: a month view fits. */
export const MAX_QUERY_SPAN = 31 * D;

export function fraction(time: number, view: View): number {
  return (time - view.start) / (view.end - view.start);
}

export function timeAt(fractionOfWidth: number, view: View): number {
  const f = Math.min(1, Math.max(0, fractionOfWidth));
  return Math.round(view.start + f * (view.end - view.start));
}

/** A view of the zoom's span centred on a time, never reaching past `latest` (now). */
export function viewAround(center: number, zoom: number, latest: number): View {
  const span = ZOOMS[Math.min(ZOOMS.length - 1, Math.max(0, zoom))].span;
  let end = Math.min(latest, center + span / 2);
  const start = end - span;
  end = start + span;
  return { start, end };
}

/** The zoom step whose span is closest to the view's. */
export function zoomOf(view: View): number {
  const span = view.end - view.start;
  let best = 0;
  ZOOMS.forEach((z, i) => {
    if (Math.abs(Math.log(z.span / span)) < Math.abs(Math.log(ZOOMS[best].span / span))) best = i;
  });
  return best;
}

/** Spans clipped to the view, as left offset and width in percent; spans outside it are left out. */
export function placed(spans: Span[], view: View): { left: number; width: number; span: Span }[] {
  return spans
    .filter((s) => s.end > view.start && s.start < view.end)
    .map((s) => {
      const a = Math.max(s.start, view.start);
      const b = Math.min(s.end, view.end);
      return { left: fraction(a, view) * 100, width: Math.max(0.2, fraction(b, view) * 100 - fraction(a, view) * 100), span: s };
    });
}

/** The time in the view that nothing was recorded, up to `latest` (the future is neither recorded nor missing). */
export function gapsIn(ranges: Span[], view: View, latest: number): Span[] {
  const end = Math.min(view.end, latest);
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  const gaps: Span[] = [];
  let cursor = view.start;
  for (const r of sorted) {
    if (r.start > cursor && cursor < end) gaps.push({ start: cursor, end: Math.min(r.start, end) });
    cursor = Math.max(cursor, r.end);
  }
  if (cursor < end) gaps.push({ start: cursor, end });
  return gaps.filter((g) => g.end > g.start);
}

const STEPS = [S, 5 * S, 10 * S, 30 * S, M, 5 * M, 15 * M, 30 * M, H, 3 * H, 6 * H, 12 * H, D, 2 * D, 7 * D];

/** Tick marks: a round step giving at most `max` ticks over the view. */
export function ticks(view: View, max = 8): number[] {
  const span = view.end - view.start;
  const step = STEPS.find((s) => span / s <= max) ?? 7 * D;
  const offset = new Date(view.start).getTimezoneOffset() * M;
  const first = Math.ceil((view.start - offset) / step) * step + offset;
  const out: number[] = [];
  for (let t = first; t <= view.end; t += step) out.push(t);
  return out;
}

export function tickLabel(time: number, view: View): string {
  const span = view.end - view.start;
  const d = new Date(time);
  if (span > 2 * D) return d.toLocaleDateString(undefined, { month: 'short', day: 'numeric' });
  if (span > 2 * M) return d.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  return d.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

/** A value for an <input type="datetime-local"> in this browser's time zone. */
export function toLocalInput(time: number): string {
  const d = new Date(time - new Date(time).getTimezoneOffset() * M);
  return d.toISOString().slice(0, 19);
}

export function fromLocalInput(value: string): number {
  return new Date(value).getTime();
}

/** One HLS fragment's wall-clock placement (from EXT-X-PROGRAM-DATE-TIME) and media time. */
export interface DatedFragment {
  start: number;
  duration: number;
  programDateTime: number;
}

/**
 * The media time that plays a wall-clock time: inside a fragment, its offset from the fragment's date; in a hole
 * between footage, the start of the next footage; null past the end.
 */
export function mediaTimeOf(wall: number, fragments: DatedFragment[]): number | null {
  for (const f of fragments) {
    const end = f.programDateTime + f.duration * 1000;
    if (wall < f.programDateTime) return f.start;
    if (wall < end) return f.start + (wall - f.programDateTime) / 1000;
  }
  return null;
}

/** The wall-clock time a media time shows, or null outside the fragments. */
export function wallTimeOf(media: number, fragments: DatedFragment[]): number | null {
  for (const f of fragments) {
    if (media >= f.start && media < f.start + f.duration) return f.programDateTime + (media - f.start) * 1000;
  }
  return null;
}

/**
 * Where a stalled player should jump to: the start of the next buffered range when the playhead is in a hole of the
 * buffer (not inside a range, or within `slack` seconds of its end) and footage is buffered past it; else null.
 */
export function nextBufferedStart(current: number, buffered: Span[], slack = 0.25): number | null {
  for (const r of buffered) {
    if (current >= r.start && current < r.end - slack) return null; // playing inside footage
  }
  const ahead = buffered.filter((r) => r.start > current).sort((a, b) => a.start - b.start);
  return ahead.length ? ahead[0].start : null;
}

/**
 * The gap the wall clock jumped over between two moments of playback (epoch ms), told as "gap: reason" by the
 * player: the known gap that overlaps it (its reason), or, when none is known, the jump itself. Null when the wall
 * clock moved by about as much as the media did (`mediaMs`), within `toleranceMs`.
 */
export function gapCrossed(
  wallBefore: number,
  wallAfter: number,
  mediaMs: number,
  gaps: (Span & { reason?: string })[],
  toleranceMs = 1500,
): (Span & { reason?: string }) | null {
  if (wallAfter - wallBefore - mediaMs <= toleranceMs) return null;
  const known = gaps.find((g) => g.start < wallAfter && g.end > wallBefore);
  return known ?? { start: wallBefore, end: wallAfter };
}

/** A camera event as the api serves it (GET /api/v1/cameras/{id}/events). */
export interface CameraEvent {
  id: number;
  kind: 'MOTION' | 'TAMPERING' | 'STATUS';
  active?: boolean | null;
  status?: string | null;
  reason?: string | null;
  at: string;
}

/** A stretch of motion or tampering on the timeline. */
export interface EventSpan extends Span {
  kind: 'MOTION' | 'TAMPERING';
  reason?: string | null;
}

/**
 * Motion and tampering as stretches: each "began" (active) event runs to the next "ended" of its kind; one still
 * running ends at `until` (now, or the view's end). An "ended" with no beginning in range starts at `from`.
 */
export function eventSpans(events: CameraEvent[], from: number, until: number): EventSpan[] {
  const spans: EventSpan[] = [];
  const open = new Map<string, { start: number; reason?: string | null }>();
  for (const e of [...events].sort((a, b) => Date.parse(a.at) - Date.parse(b.at))) {
    if (e.kind !== 'MOTION' && e.kind !== 'TAMPERING') continue;
    const at = Date.parse(e.at);
    const running = open.get(e.kind);
    if (e.active) {
      if (!running) open.set(e.kind, { start: at, reason: e.reason });
    } else {
      spans.push({ kind: e.kind, start: running ? running.start : from, end: at, reason: running?.reason ?? e.reason });
      open.delete(e.kind);
    }
  }
  open.forEach((r, kind) => spans.push({ kind: kind as EventSpan['kind'], start: r.start, end: Math.max(r.start + 1, until), reason: r.reason }));
  return spans.sort((a, b) => a.start - b.start);
}
