import { useCallback, useEffect, useRef, useState } from 'react';
import { api, fire, type Page } from '../api/client';
import { hasRole, useAuth } from '../state/auth';
import { useCameras } from '../state/cameras';
import { useT } from '../state/i18n';
import { MAX_SYNCED, SPEEDS, usePlayback } from '../state/playback';
import { useRouter } from '../state/router';
import { useToasts } from '../state/toasts';
import { ExportPanel } from './ExportPanel';
import { Timeline, type Marker } from './Timeline';
import { eventSpans, fromLocalInput, gapsIn, MAX_QUERY_SPAN, toLocalInput, type CameraEvent, type EventSpan, type Span } from './timeline';
import { VodPlayer, type PlayerControl } from './VodPlayer';

interface Recordings {
  ranges: { start: string; end: string }[];
  gaps?: { start: string; end: string; reason?: string }[];
  coverage: number;
}

interface Bookmark {
  id: string;
  time: string;
  end?: string | null;
  note?: string | null;
}

interface Incident {
  id: string;
  title: string;
  start?: string | null;
  end?: string | null;
}

const SYNC_MS = 500;
const MAX_DRIFT_MS = 500;
const MINUTE = 60_000;

const span = (r: { start: string; end: string }): Span => ({ start: Date.parse(r.start), end: Date.parse(r.end) });

export function PlaybackPage() {
  const t = useT();
  const me = useAuth((s) => s.me);
  const { cameras, load: loadCameras, byId } = useCameras();
  const pb = usePlayback();
  const params = useRouter((s) => s.params);
  const controls = useRef<(PlayerControl | null)[]>([]);
  const [recorded, setRecorded] = useState<Span[]>([]);
  const [gaps, setGaps] = useState<(Span & { reason?: string })[]>([]);
  const [bookmarks, setBookmarks] = useState<Marker[]>([]);
  const [incidents, setIncidents] = useState<Marker[]>([]);
  const [events, setEvents] = useState<EventSpan[]>([]);
  const [from, setFrom] = useState(toLocalInput(Date.now() - 5 * MINUTE));
  const [to, setTo] = useState(toLocalInput(Date.now()));
  const [jump, setJump] = useState('');
  const [note, setNote] = useState('');
  const [paused, setPaused] = useState(false);
  const primary = pb.cameraIds[0];

  useEffect(() => {
    if (cameras.length === 0) fire(loadCameras());
  }, [cameras.length, loadCameras]);

  useEffect(() => {
    const camera = params.get('camera');
    if (camera) pb.setCamera(0, camera);
    const time = params.get('time');
    if (camera && time) pb.load(pb.rangeFor(Date.parse(time)));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [params]);

  const onReady = useCallback((index: number, control: PlayerControl | null) => {
    controls.current[index] = control;
  }, []);

  /* The first camera's clock drives the playhead; the others follow it when they drift. */
  useEffect(() => {
    const timer = setInterval(() => {
      const lead = controls.current[0];
      const wall = lead?.wall() ?? null;
      if (wall === null) return;
      usePlayback.getState().setPlayhead(wall);
      setPaused(lead!.paused());
      // At high speed a player moves several seconds between checks: the allowed drift grows with the speed.
      const allowed = Math.max(MAX_DRIFT_MS, 250 * usePlayback.getState().speed);
      controls.current.slice(1).forEach((c) => {
        const theirs = c?.wall();
        if (c && (theirs === null || theirs === undefined || Math.abs(theirs - wall) > allowed)) c.seekWall(wall);
      });
    }, SYNC_MS);
    return () => clearInterval(timer);
  }, []);

  useEffect(() => {
    controls.current.forEach((c) => c?.setRate(pb.speed));
  }, [pb.speed]);

  const loadMarkers = useCallback(() => {
    if (!primary) return;
    const view = usePlayback.getState().view;
    if (view.end - view.start > MAX_QUERY_SPAN) return;
    const query = { start: new Date(view.start).toISOString(), end: new Date(view.end).toISOString() };
    fire(
      api<Recordings>('GET', `/api/v1/cameras/${primary}/recordings`, { query }).then((r) => {
        const ranges = r.ranges.map(span);
        setRecorded(ranges);
        setGaps(r.gaps && r.gaps.length ? r.gaps.map((g) => ({ ...span(g), reason: g.reason })) : gapsIn(ranges, view, Date.now()));
      }),
    );
    fire(
      api<Page<CameraEvent>>('GET', `/api/v1/cameras/${primary}/events`, { query }).then((p) =>
        setEvents(eventSpans(p.items, view.start, Math.min(view.end, Date.now()))),
      ),
    );
    fire(
      api<Page<Bookmark>>('GET', '/api/v1/bookmarks', { query: { cameraId: primary, ...query, size: 200 } }).then((p) =>
        setBookmarks(p.items.map((b) => ({ id: b.id, time: Date.parse(b.time), end: b.end ? Date.parse(b.end) : null, label: b.note ?? '' }))),
      ),
    );
    if (hasRole(me, 'ADMIN', 'OPERATOR')) {
      fire(
        api<Page<Incident>>('GET', '/api/v1/incidents', { query: { cameraId: primary, size: 100 } }).then((p) =>
          setIncidents(
            p.items.filter((i) => i.start).map((i) => ({ id: i.id, time: Date.parse(i.start!), end: i.end ? Date.parse(i.end) : null, label: i.title })),
          ),
        ),
      );
    }
  }, [primary, me]);

  useEffect(() => {
    const timer = setTimeout(loadMarkers, 300);
    return () => clearTimeout(timer);
  }, [loadMarkers, pb.view.start, pb.view.end]);

  const scrub = (time: number) => {
    const loaded = usePlayback.getState().loaded;
    if (loaded && time >= loaded.start && time <= loaded.end) {
      controls.current.forEach((c) => c?.seekWall(time));
      pb.setPlayhead(time);
    } else {
      pb.load(pb.rangeFor(time));
    }
  };

  const loadRange = (range: Span) => {
    try {
      pb.load(range);
    } catch (e) {
      useToasts.getState().info(String(e instanceof Error ? e.message : e));
    }
  };

  const visible = cameras;
  const cols = pb.cameraIds.length > 1 ? 2 : 1;
  return (
    <div className="flex h-full min-h-0 flex-col gap-2">
      <div className="flex flex-wrap items-end gap-2 text-sm">
        {[0, 1, 2, 3].slice(0, Math.min(MAX_SYNCED, pb.cameraIds.length + 1)).map((i) => (
          <label key={i} className="flex flex-col text-xs text-slate-400">
            {i === 0 ? t('camera') : t('addCamera')}
            <select
              data-testid={`playback-camera-${i}`}
              className="field text-sm text-white"
              value={pb.cameraIds[i] ?? ''}
              onChange={(e) => (e.target.value ? pb.setCamera(i, e.target.value) : pb.removeCamera(i))}
            >
              <option value="">—</option>
              {visible.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
        ))}
        <label className="flex flex-col text-xs text-slate-400">
          {t('from')}
          <input data-testid="playback-from" type="datetime-local" step={1} className="field text-sm text-white" value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label className="flex flex-col text-xs text-slate-400">
          {t('to')}
          <input data-testid="playback-to" type="datetime-local" step={1} className="field text-sm text-white" value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
        <button data-testid="playback-load" className="btn-primary" onClick={() => loadRange({ start: fromLocalInput(from), end: fromLocalInput(to) })}>
          {t('load')}
        </button>
        <button
          data-testid="playback-last5"
          className="btn"
          onClick={() => {
            const now = Date.now();
            setFrom(toLocalInput(now - 5 * MINUTE));
            setTo(toLocalInput(now));
            loadRange({ start: now - 5 * MINUTE, end: now });
          }}
        >
          {t('lastFiveMinutes')}
        </button>
        <button
          className="btn"
          onClick={() => {
            const now = Date.now();
            loadRange({ start: now - 60 * MINUTE, end: now });
          }}
        >
          {t('lastHour')}
        </button>
      </div>
      {pb.loaded && pb.cameraIds.length > 0 ? (
        <div
          className="grid min-h-0 grow gap-1"
          style={{ gridTemplateColumns: `repeat(${cols}, minmax(0, 1fr))`, gridTemplateRows: `repeat(${Math.ceil(pb.cameraIds.length / cols)}, minmax(0, 1fr))` }}
        >
          {pb.cameraIds.map((id, i) => (
            <VodPlayer
              key={`${i}-${id}`}
              camera={byId(id)}
              range={pb.loaded!}
              index={i}
              speed={pb.speed}
              onReady={onReady}
              gaps={id === primary ? gaps : undefined}
            />
          ))}
        </div>
      ) : (
        <div className="flex grow items-center justify-center text-slate-500">{t('noFootage')}</div>
      )}
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <button
          data-testid="playback-toggle"
          className="btn"
          onClick={() => {
            const lead = controls.current[0];
            if (!lead) return;
            const play = lead.paused();
            controls.current.forEach((c) => (play ? c?.play() : c?.pause()));
            setPaused(!play);
          }}
        >
          {paused ? t('play') : t('pause')}
        </button>
        <label className="flex items-center gap-1">
          {t('speed')}
          <select data-testid="playback-speed" className="field" value={pb.speed} onChange={(e) => pb.setSpeed(Number(e.target.value))}>
            {SPEEDS.map((s) => (
              <option key={s} value={s}>
                {s}×
              </option>
            ))}
          </select>
        </label>
        <span data-testid="playhead" className="font-mono text-xs" dir="ltr" data-time={pb.playhead ?? ''}>
          {pb.playhead ? new Date(pb.playhead).toLocaleString() : ''}
        </span>
        <form
          className="flex items-center gap-1"
          onSubmit={(e) => {
            e.preventDefault();
            if (jump) scrub(fromLocalInput(jump));
          }}
        >
          <input type="datetime-local" step={1} className="field" value={jump} onChange={(e) => setJump(e.target.value)} />
          <button className="btn">{t('jumpTo')}</button>
        </form>
        {pb.playhead && (
          <>
            <button className="btn" onClick={() => pb.setSelection({ start: pb.playhead!, end: Math.max(pb.playhead! + 1000, pb.selection?.end ?? 0) })}>
              [
            </button>
            <button className="btn" onClick={() => pb.setSelection({ start: Math.min(pb.selection?.start ?? pb.playhead! - 1000, pb.playhead! - 1000), end: pb.playhead! })}>
              ]
            </button>
          </>
        )}
        {hasRole(me, 'ADMIN', 'OPERATOR') && primary && pb.playhead && (
          <form
            className="ms-auto flex items-center gap-1"
            onSubmit={(e) => {
              e.preventDefault();
              fire(
                api('POST', '/api/v1/bookmarks', { body: { cameraId: primary, time: new Date(pb.playhead!).toISOString(), note: note.trim() || undefined } }).then(() => {
                  setNote('');
                  useToasts.getState().info(t('saved'), t('bookmark'));
                  loadMarkers();
                }),
              );
            }}
          >
            <input data-testid="bookmark-note" className="field" placeholder={t('bookmarkNote')} value={note} onChange={(e) => setNote(e.target.value)} />
            <button data-testid="bookmark-add" className="btn">
              {t('addBookmark')}
            </button>
          </form>
        )}
      </div>
      <Timeline
        view={pb.view}
        zoom={pb.zoom}
        recorded={recorded}
        gaps={gaps}
        bookmarks={bookmarks}
        incidents={incidents}
        events={events}
        playhead={pb.playhead}
        selection={pb.selection}
        onZoom={(z, center) => pb.zoomTo(z, center)}
        onPan={(by) => pb.pan(by)}
        onScrub={scrub}
      />
      <ExportPanel cameraId={primary} range={pb.selection} />
    </div>
  );
}
