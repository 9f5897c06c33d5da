import Hls from 'hls.js';
import { useEffect, useRef, useState } from 'react';
import { api } from '../api/client';
import { ApiProblem, type Problem } from '../api/problem';
import { SoundToggle } from '../components/SoundToggle';
import type { Camera } from '../state/cameras';
import { useT } from '../state/i18n';
import { renewDelayMs, ticketOf, withTicket } from './links';
import { gapCrossed, mediaTimeOf, nextBufferedStart, wallTimeOf, type DatedFragment, type Span } from './timeline';

export interface PlaybackAnswer {
  source: 'LOCAL' | 'UPSTREAM';
  coverage: number;
  playlistUrl: string;
  expiresAt?: string;
  /** The grant the links name: their ticket is renewed through the api under it. */
  grant?: string;
}

interface Renewal {
  grant: string;
  expiresAt: string;
  query: string;
}

/** What the page can ask of one camera's player: its wall clock, a seek by wall clock, its rate. */
export interface PlayerControl {
  wall: () => number | null;
  seekWall: (time: number) => boolean;
  setRate: (rate: number) => void;
  play: () => void;
  pause: () => void;
  paused: () => boolean;
}

interface VodPlayerProps {
  camera: Camera | undefined;
  range: Span;
  index: number;
  speed: number;
  onReady: (index: number, control: PlayerControl | null) => void;
  /** The camera's known recording gaps with their reasons, for the "gap: reason" note as playback jumps one. */
  gaps?: (Span & { reason?: string })[];
}

/** How long the "gap: reason" note stays up after playback crossed a gap. */
const GAP_NOTE_MS = 5000;

/**
 * One camera's stored footage over a range: GET /api/v1/playback for its signed VOD playlist, played with hls.js.
 * Every segment carries EXT-X-PROGRAM-DATE-TIME, so media time and wall clock map both ways through the fragments.
 * The links' ticket lasts minutes: it is renewed through the api well before it runs out (playing or paused), and
 * every request hls.js makes carries the current one.
 */
export function VodPlayer({ camera, range, index, speed, onReady, gaps }: VodPlayerProps) {
  const t = useT();
  const video = useRef<HTMLVideoElement>(null);
  const knownGaps = useRef(gaps ?? []);
  knownGaps.current = gaps ?? [];
  const [gapNote, setGapNote] = useState<(Span & { reason?: string }) | null>(null);
  const [answer, setAnswer] = useState<PlaybackAnswer | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const cameraId = camera?.id;

  useEffect(() => {
    if (!cameraId || !video.current) return;
    const v = video.current;
    let hls: Hls | null = null;
    let fragments: DatedFragment[] = [];
    let pendingWall: number | null = range.start;
    let cancelled = false;
    let ticket: string | null = null;
    let renewTimer: ReturnType<typeof setTimeout> | undefined;
    let noteTimer: ReturnType<typeof setTimeout> | undefined;
    // Crossing gaps by itself: a playhead stalled in a hole of the buffer with footage buffered past it jumps there,
    // and a wall clock that jumps further than the media moved says which gap it crossed (and why it is a gap).
    let lastMedia: number | null = null;
    let lastWall: number | null = null;
    const showGap = (g: Span & { reason?: string }) => {
      setGapNote(g);
      clearTimeout(noteTimer);
      noteTimer = setTimeout(() => setGapNote(null), GAP_NOTE_MS);
    };
    const onTime = () => {
      const wall = wallTimeOf(v.currentTime, fragments);
      if (wall !== null && lastWall !== null && lastMedia !== null && !v.seeking) {
        const mediaMs = (v.currentTime - lastMedia) * 1000;
        const g = mediaMs >= 0 ? gapCrossed(lastWall, wall, mediaMs, knownGaps.current) : null;
        if (g) showGap(g);
      }
      lastMedia = v.currentTime;
      lastWall = wall;
    };
    const buffered = (): Span[] => {
      const out: Span[] = [];
      for (let i = 0; i < v.buffered.length; i++) out.push({ start: v.buffered.start(i), end: v.buffered.end(i) });
      return out;
    };
    const crossHole = () => {
      if (v.paused || v.seeking || v.readyState >= HTMLMediaElement.HAVE_FUTURE_DATA) return;
      const next = nextBufferedStart(v.currentTime, buffered());
      if (next !== null) v.currentTime = next + 0.01;
    };
    const onSeeking = () => {
      lastMedia = null;
      lastWall = null;
    };
    v.addEventListener('timeupdate', onTime);
    v.addEventListener('waiting', crossHole);
    v.addEventListener('stalled', crossHole);
    v.addEventListener('seeking', onSeeking);
    // 'waiting' is not sent again while the playhead stays stuck: look twice a second as well
    const holeWatch = setInterval(crossHole, 500);
    const renewLater = (grant: string, expiresAt: number) => {
      renewTimer = setTimeout(() => {
        api<Renewal>('POST', `/api/v1/playback/${encodeURIComponent(grant)}/renewal`)
          .then((r) => {
            if (cancelled) return;
            ticket = r.query;
            renewLater(grant, Date.parse(r.expiresAt));
          })
          .catch((e) => {
            if (!cancelled && e instanceof ApiProblem) setProblem(e.problem);
          });
      }, renewDelayMs(expiresAt, Date.now()));
    };
    setProblem(null);
    setAnswer(null);
    api<PlaybackAnswer>('GET', '/api/v1/playback', {
      query: { cameraId, start: new Date(range.start).toISOString(), end: new Date(range.end).toISOString() },
    })
      .then((a) => {
        if (cancelled) return;
        setAnswer(a);
        ticket = ticketOf(a.playlistUrl);
        if (a.grant && a.expiresAt) renewLater(a.grant, Date.parse(a.expiresAt));
        hls = new Hls({
          maxBufferLength: 60,
          backBufferLength: 30,
          // every link of the playlist (and the playlist's reloads) goes out with the current ticket
          xhrSetup: (xhr, url) => xhr.open('GET', withTicket(url, ticket), true),
        });
        hls.on(Hls.Events.LEVEL_LOADED, (_e, data) => {
          fragments = data.details.fragments
            .filter((f) => f.programDateTime !== null)
            .map((f) => ({ start: f.start, duration: f.duration, programDateTime: f.programDateTime as number }));
          if (pendingWall !== null) {
            const m = mediaTimeOf(pendingWall, fragments);
            if (m !== null) v.currentTime = m;
            pendingWall = null;
          }
        });
        hls.on(Hls.Events.ERROR, (_e, data) => {
          if (data.fatal) setProblem({ status: 0, title: `Playback failed (${data.type})`, detail: data.details, extra: {} });
        });
        hls.loadSource(a.playlistUrl);
        hls.attachMedia(v);
        v.playbackRate = speed;
        v.play().catch(() => {});
        onReady(index, {
          wall: () => wallTimeOf(v.currentTime, fragments),
          seekWall: (time) => {
            if (fragments.length === 0) {
              pendingWall = time;
              return true;
            }
            const m = mediaTimeOf(time, fragments);
            if (m === null) return false;
            v.currentTime = m;
            return true;
          },
          setRate: (rate) => {
            v.playbackRate = rate;
          },
          play: () => void v.play().catch(() => {}),
          pause: () => v.pause(),
          paused: () => v.paused,
        });
      })
      .catch((e) => {
        if (!cancelled && e instanceof ApiProblem) setProblem(e.problem);
      });
    return () => {
      cancelled = true;
      clearTimeout(renewTimer);
      clearTimeout(noteTimer);
      clearInterval(holeWatch);
      v.removeEventListener('timeupdate', onTime);
      v.removeEventListener('waiting', crossHole);
      v.removeEventListener('stalled', crossHole);
      v.removeEventListener('seeking', onSeeking);
      onReady(index, null);
      hls?.destroy();
      v.removeAttribute('src');
      v.load();
    };
    // speed is applied through the control, not by reloading
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [cameraId, range.start, range.end, index, onReady]);

  return (
    <div className="relative min-h-0 overflow-hidden rounded border border-slate-800 bg-black">
      <video ref={video} data-testid={`vod-${index}`} className="h-full w-full object-contain" muted playsInline />
      {camera?.audioEnabled && <SoundToggle video={video} testId={`vod-sound-${index}`} />}
      <div className="pointer-events-none absolute inset-x-0 top-0 flex gap-2 bg-black/60 px-2 py-1 text-xs">
        <span className="font-semibold">{camera?.name}</span>
        {answer && (
          <span data-testid={`vod-source-${index}`}>
            {t('source')} {answer.source} · {t('coverage')} {Math.round(answer.coverage * 100)}%
          </span>
        )}
      </div>
      {gapNote && (
        <div data-testid={`vod-gap-${index}`} className="pointer-events-none absolute inset-x-0 bottom-2 mx-auto w-fit rounded bg-amber-900/80 px-2 py-1 text-xs">
          {t('gap')}: {gapNote.reason ?? t('notRecorded')} ({new Date(gapNote.start).toLocaleTimeString()}–
          {new Date(gapNote.end).toLocaleTimeString()})
        </div>
      )}
      {problem && (
        <div className="absolute inset-0 flex flex-col items-center justify-center bg-red-950/70 p-2 text-center text-sm">
          <div className="font-bold">{problem.status ? `${problem.status} ${problem.title}` : problem.title}</div>
          {problem.detail && <div>{problem.detail}</div>}
        </div>
      )}
    </div>
  );
}
