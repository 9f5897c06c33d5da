import { useEffect, useRef, useState } from 'react';
import type { Problem, QuotaFull } from '../api/problem';
import { SoundToggle } from '../components/SoundToggle';
import type { Camera } from '../state/cameras';
import { useI18n, useT, type MessageKey } from '../state/i18n';
import { MsePlayer, type PlayerState } from './msePlayer';
import { heartbeat, release, reserve, type LiveStream, type Variant } from './streams';

/** What a tile shows: each state has a visible label, none is a blank tile. */
export type TileState =
  | { phase: 'reserving' }
  | { phase: 'connecting' }
  | { phase: 'live'; latencyMs?: number }
  | { phase: 'reconnecting'; detail?: string }
  | { phase: 'offline' }
  | { phase: 'unsupported'; codecs: string }
  | { phase: 'quota'; quota: QuotaFull }
  | { phase: 'error'; problem: Problem };

const QUOTA_RETRY_MS = 10_000;

/** Reserves a stream for the camera, plays it, heartbeats it and releases it when the tile goes away. */
export function useLiveTile(camera: Camera | undefined, variant: Variant, video: React.RefObject<HTMLVideoElement | null>): [TileState, () => void] {
  const [state, setState] = useState<TileState>({ phase: 'reserving' });
  const [attempt, setAttempt] = useState(0);
  const cameraId = camera?.id;

  useEffect(() => {
    if (!cameraId) return;
    let cancelled = false;
    let stream: LiveStream | null = null;
    let player: MsePlayer | null = null;
    let beat: ReturnType<typeof setInterval> | undefined;
    let retry: ReturnType<typeof setTimeout> | undefined;
    setState({ phase: 'reserving' });

    const onPlayer = (s: PlayerState, detail?: string) => {
      if (cancelled) return;
      if (s === 'live') setState((prev) => (prev.phase === 'live' ? prev : { phase: 'live' }));
      else if (s === 'connecting') setState({ phase: 'connecting' });
      else if (s === 'reconnecting') setState({ phase: 'reconnecting', detail });
      else if (s === 'gone') setState({ phase: 'offline' });
      else if (s === 'unsupported') setState({ phase: 'unsupported', codecs: detail ?? '' });
      else if (s === 'ended') setAttempt((a) => a + 1);
    };

    (async () => {
      const r = await reserve(cameraId, variant);
      if (cancelled) {
        if (r.kind === 'stream') release(r.stream.id);
        return;
      }
      if (r.kind === 'quota') {
        setState({ phase: 'quota', quota: r.quota });
        retry = setTimeout(() => setAttempt((a) => a + 1), QUOTA_RETRY_MS);
        return;
      }
      if (r.kind === 'problem') {
        setState({ phase: 'error', problem: r.problem });
        return;
      }
      stream = r.stream;
      setState({ phase: 'connecting' });
      beat = setInterval(async () => {
        if (stream && !(await heartbeat(stream.id)) && !cancelled) setAttempt((a) => a + 1);
      }, Math.max(1, stream.heartbeatSeconds) * 1000);
      if (video.current) {
        player = new MsePlayer(video.current, stream.urls.mse, {
          state: onPlayer,
          latency: (ms) => !cancelled && setState({ phase: 'live', latencyMs: ms }),
        });
        player.start();
      }
    })();

    return () => {
      cancelled = true;
      clearInterval(beat);
      clearTimeout(retry);
      player?.stop();
      if (stream) release(stream.id);
    };
  }, [cameraId, variant, attempt, video]);

  return [state, () => setAttempt((a) => a + 1)];
}

const LABEL: Record<TileState['phase'], MessageKey> = {
  reserving: 'tile.reserving',
  connecting: 'tile.connecting',
  live: 'tile.live',
  reconnecting: 'tile.reconnecting',
  offline: 'tile.offline',
  quota: 'tile.quota',
  error: 'tile.error',
  unsupported: 'tile.unsupported',
};

/** The status line of a tile: the phase, the latency when live, the agency's numbers when the quota is full. */
export function TileStatus({ state, camera, onRetry }: { state: TileState; camera?: Camera; onRetry?: () => void }) {
  const t = useT();
  const lang = useI18n((s) => s.lang);
  const offline = camera?.status === 'OFFLINE' && state.phase !== 'live' && state.phase !== 'quota';
  const phase = offline ? 'offline' : state.phase;
  const tone =
    phase === 'live' ? 'bg-emerald-700' : phase === 'quota' || phase === 'error' || phase === 'offline' || phase === 'unsupported' ? 'bg-red-800' : 'bg-amber-700';
  return (
    <div className="pointer-events-none absolute inset-x-0 top-0 z-10 flex items-center gap-2 bg-black/60 px-2 py-1 text-xs">
      <span className="truncate font-semibold">{(lang === 'ar' && camera?.nameAr) || camera?.name || ''}</span>
      <span data-testid="tile-phase" className={`rounded px-1.5 py-0.5 ${tone}`}>
        {t(LABEL[phase])}
      </span>
      {state.phase === 'live' && state.latencyMs !== undefined && (
        <span data-testid="tile-latency" className="text-slate-300">
          {t('latency')} {(state.latencyMs / 1000).toFixed(2)} s
        </span>
      )}
      {offline && camera?.statusReason && (
        <span data-testid="tile-status-reason" className="truncate text-slate-200">
          {camera.statusReason}
        </span>
      )}
      {state.phase === 'quota' && (
        <span className="pointer-events-auto ms-auto flex items-center gap-2">
          <button className="rounded bg-slate-700 px-1.5" onClick={onRetry}>
            {t('retry')}
          </button>
        </span>
      )}
      {state.phase === 'error' && (
        <button className="pointer-events-auto ms-auto rounded bg-slate-700 px-1.5" onClick={onRetry}>
          {t('retry')}
        </button>
      )}
    </div>
  );
}

/** The large message over a tile that cannot play: quota full names the agency's numbers. */
export function TileMessage({ state }: { state: TileState }) {
  const t = useT();
  if (state.phase === 'quota') {
    const q = state.quota;
    const key: MessageKey = q.scope === 'camera' ? 'cameraFullDetail' : q.scope === 'global' ? 'globalFullDetail' : 'quotaFullDetail';
    return (
      <div data-testid="tile-quota" className="absolute inset-0 flex flex-col items-center justify-center gap-1 bg-red-950/80 p-2 text-center">
        <div className="text-sm font-bold">{t('tile.quota')}</div>
        <div className="text-sm">{t(key, { agency: q.agency, active: q.active, limit: q.limit })}</div>
      </div>
    );
  }
  if (state.phase === 'unsupported') {
    const hevc = /^(hvc1|hev1)/.test(state.codecs);
    return (
      <div data-testid="tile-unsupported" className="absolute inset-0 flex flex-col items-center justify-center gap-1 bg-slate-950/85 p-2 text-center text-sm">
        <div className="font-bold">{t('tile.unsupported')}</div>
        <div>{t(hevc ? 'unsupportedHevc' : 'unsupportedCodec', { codecs: state.codecs })}</div>
      </div>
    );
  }
  if (state.phase === 'error') {
    return (
      <div className="absolute inset-0 flex flex-col items-center justify-center bg-red-950/70 p-2 text-center text-sm">
        <div className="font-bold">{state.problem.status ? `${state.problem.status} ${state.problem.title}` : state.problem.title}</div>
        {state.problem.detail && <div>{state.problem.detail}</div>}
      </div>
    );
  }
  return null;
}

interface TileProps {
  index: number;
  camera?: Camera;
  variant: Variant;
  big?: boolean;
  onDropCamera: (cameraId: string) => void;
  onOpen: () => void;
  onSelect: () => void;
  selected: boolean;
  style?: React.CSSProperties;
}

/** One tile of the live grid: a drop target, empty or playing a camera. */
export function Tile({ index, camera, variant, onDropCamera, onOpen, onSelect, selected, style }: TileProps) {
  const t = useT();
  const [over, setOver] = useState(false);
  return (
    <div
      data-testid={`tile-${index}`}
      data-camera={camera?.id ?? ''}
      style={style}
      className={`relative min-h-0 overflow-hidden rounded border bg-black ${over ? 'border-sky-400' : selected ? 'border-amber-400' : 'border-slate-800'}`}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        const id = e.dataTransfer.getData('application/x-cctv-camera') || e.dataTransfer.getData('text/plain');
        if (id) onDropCamera(id);
      }}
      onClick={onSelect}
      onDoubleClick={camera ? onOpen : undefined}
      title={camera ? t('fullScreen') : undefined}
    >
      {camera ? (
        <LivePicture camera={camera} variant={variant} />
      ) : (
        <div className="flex h-full items-center justify-center text-sm text-slate-500">{t('dropHere')}</div>
      )}
    </div>
  );
}

function LivePicture({ camera, variant }: { camera: Camera; variant: Variant }) {
  const video = useRef<HTMLVideoElement>(null);
  const [state, retry] = useLiveTile(camera, variant, video);
  return (
    <>
      <video ref={video} data-variant={variant} className="h-full w-full object-contain" muted playsInline autoPlay />
      <TileStatus state={state} camera={camera} onRetry={retry} />
      <TileMessage state={state} />
      {camera.audioEnabled && state.phase === 'live' && <SoundToggle video={video} testId={`tile-sound-${camera.id}`} />}
    </>
  );
}
