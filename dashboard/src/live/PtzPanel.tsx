import { useCallback, useEffect, useRef, useState } from 'react';
import { api, fire, type Page } from '../api/client';
import type { Camera } from '../state/cameras';
import { useT } from '../state/i18n';

interface Preset {
  token: string;
  name: string;
}

interface Lock {
  holder: string | null;
  expiresAt: string | null;
}

const MOVE_MS = 1000;
const REPEAT_MS = 500;

/** The moves of the direction pad: pan and tilt speeds, -1..1. */
const PAD: { label: string; pan: number; tilt: number; id: string }[] = [
  { id: 'up-left', label: '↖', pan: -0.5, tilt: 0.5 },
  { id: 'up', label: '↑', pan: 0, tilt: 0.5 },
  { id: 'up-right', label: '↗', pan: 0.5, tilt: 0.5 },
  { id: 'left', label: '←', pan: -0.5, tilt: 0 },
  { id: 'home', label: '⌂', pan: 0, tilt: 0 },
  { id: 'right', label: '→', pan: 0.5, tilt: 0 },
  { id: 'down-left', label: '↙', pan: -0.5, tilt: -0.5 },
  { id: 'down', label: '↓', pan: 0, tilt: -0.5 },
  { id: 'down-right', label: '↘', pan: 0.5, tilt: -0.5 },
];

/**
 * Steers a PTZ camera: a direction or zoom moves while the button is held (a continuous move renewed every half
 * second, each with a one-second timeout so a lost release still stops it) and stops when it is let go. 423 (another
 * user holds the lock) is shown like every problem, and the holder is shown here.
 */
export function PtzPanel({ camera }: { camera: Camera }) {
  const t = useT();
  const [presets, setPresets] = useState<Preset[]>([]);
  const [lock, setLock] = useState<Lock>({ holder: null, expiresAt: null });
  const [presetName, setPresetName] = useState('');
  const [lastMove, setLastMove] = useState('');
  const timer = useRef<ReturnType<typeof setInterval> | undefined>(undefined);
  const base = `/api/v1/cameras/${camera.id}/ptz`;

  const refreshLock = useCallback(() => api<Lock>('GET', `${base}/lock`, { quiet: true }).then(setLock), [base]);
  const loadPresets = useCallback(() => api<Page<Preset>>('GET', `${base}/presets`).then((p) => setPresets(p.items)), [base]);

  useEffect(() => {
    fire(loadPresets());
    fire(refreshLock());
    const i = setInterval(() => fire(refreshLock()), 3000);
    return () => {
      clearInterval(i);
      clearInterval(timer.current);
    };
  }, [loadPresets, refreshLock]);

  const send = (body: Record<string, unknown>) =>
    api<Lock>('POST', base, { body }).then((l) => {
      if (l && typeof l === 'object' && 'holder' in l) setLock(l);
      setLastMove(String(body.action));
    });

  const hold = (pan: number, tilt: number, zoom: number) => {
    const move = () => send({ action: 'continuous', pan, tilt, zoom, timeoutMs: MOVE_MS }).catch(() => clearInterval(timer.current));
    clearInterval(timer.current);
    fire(move());
    timer.current = setInterval(() => fire(move()), REPEAT_MS);
  };
  const letGo = () => {
    if (timer.current === undefined) return;
    clearInterval(timer.current);
    timer.current = undefined;
    fire(send({ action: 'stop' }));
  };

  const button = 'rounded bg-slate-700 px-2 py-1 hover:bg-slate-600 active:bg-sky-700 select-none';
  return (
    <div data-testid="ptz-panel" className="flex flex-col gap-2 text-sm">
      <div className="font-semibold">
        {t('ptz')}: {camera.name}
      </div>
      <div className="grid w-36 grid-cols-3 gap-1" dir="ltr">
        {PAD.map((p) =>
          p.id === 'home' ? (
            <button key={p.id} className={button} title={t('home')} onClick={() => fire(send({ action: 'home' }))}>
              {p.label}
            </button>
          ) : (
            <button
              key={p.id}
              data-testid={`ptz-${p.id}`}
              className={button}
              onPointerDown={() => hold(p.pan, p.tilt, 0)}
              onPointerUp={letGo}
              onPointerLeave={letGo}
            >
              {p.label}
            </button>
          ),
        )}
      </div>
      <div className="flex gap-1">
        <button data-testid="ptz-zoom-in" className={button} onPointerDown={() => hold(0, 0, 0.5)} onPointerUp={letGo} onPointerLeave={letGo}>
          {t('zoomIn')}
        </button>
        <button className={button} onPointerDown={() => hold(0, 0, -0.5)} onPointerUp={letGo} onPointerLeave={letGo}>
          {t('zoomOut')}
        </button>
      </div>
      <div data-testid="ptz-lock" className="text-xs text-slate-400">
        {t('lock')}:{' '}
        {lock.holder
          ? t('lockHeldBy', { holder: lock.holder, until: lock.expiresAt ? new Date(lock.expiresAt).toLocaleTimeString() : '' })
          : t('lockFree')}
        {lastMove && <span data-testid="ptz-last" className="ms-2">({lastMove})</span>}
      </div>
      {lock.holder && (
        <button className={button} onClick={() => fire(api('DELETE', `${base}/lock`).then(refreshLock))}>
          {t('release')}
        </button>
      )}
      <div className="font-semibold">{t('presets')}</div>
      <ul className="flex flex-col gap-1">
        {presets.map((p) => (
          <li key={p.token} className="flex items-center gap-2">
            <span className="grow truncate">{p.name}</span>
            <button className={button} onClick={() => fire(send({ action: 'preset', preset: p.token }))}>
              {t('goToPreset')}
            </button>
          </li>
        ))}
      </ul>
      <form
        className="flex gap-1"
        onSubmit={(e) => {
          e.preventDefault();
          if (!presetName.trim()) return;
          fire(api('POST', `${base}/presets`, { body: { name: presetName.trim() } }).then(() => {
            setPresetName('');
            return loadPresets();
          }));
        }}
      >
        <input className="w-28 rounded bg-slate-800 px-1" value={presetName} onChange={(e) => setPresetName(e.target.value)} placeholder={t('name')} />
        <button className={button}>{t('savePreset')}</button>
      </form>
    </div>
  );
}
