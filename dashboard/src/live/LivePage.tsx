import { useEffect, useState } from 'react';
import { fire } from '../api/client';
import { hasRole, useAuth } from '../state/auth';
import { useCameras } from '../state/cameras';
import { useT } from '../state/i18n';
import { LAYOUT_KINDS, LAYOUTS, useLayout } from '../state/layout';
import { CameraTree } from './CameraTree';
import { PtzPanel } from './PtzPanel';
import { Tile } from './Tile';

const CAMERA_REFRESH_MS = 10_000;

/** Where tile i sits: the first tile of 1+5 and 1+7 spans the big square. */
function placement(kind: keyof typeof LAYOUTS, i: number): React.CSSProperties | undefined {
  const big = LAYOUTS[kind].big;
  return i === 0 && big > 1 ? { gridColumn: `span ${big}`, gridRow: `span ${big}` } : undefined;
}

export function LivePage() {
  const t = useT();
  const me = useAuth((s) => s.me);
  const { cameras, groups, load, byId } = useCameras();
  const { kind, tiles, full, setKind, assign, place, setFull, saved, save, restore, remove } = useLayout();
  const [selected, setSelected] = useState<number | null>(null);
  const [layoutName, setLayoutName] = useState('');
  const [, setSavedVersion] = useState(0);
  const user = me?.username ?? '';

  useEffect(() => {
    fire(load());
    const i = setInterval(() => fire(load()), CAMERA_REFRESH_MS);
    return () => clearInterval(i);
  }, [load]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setFull(null);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [setFull]);

  const columns = LAYOUTS[kind].columns;
  const selectedCamera = selected !== null ? byId(tiles[full ?? selected]) : full !== null ? byId(tiles[full]) : undefined;
  const steer = selectedCamera?.ptz && hasRole(me, 'ADMIN', 'OPERATOR');
  const layouts = saved(user);

  return (
    <div className="flex h-full min-h-0 gap-3">
      <aside className="flex w-60 shrink-0 flex-col gap-3">
        <h2 className="text-sm font-semibold text-slate-400">{t('cameras')}</h2>
        <CameraTree cameras={cameras} groups={groups} onPick={(c) => place(c.id)} />
        {steer && selectedCamera && <PtzPanel key={selectedCamera.id} camera={selectedCamera} />}
      </aside>
      <section className="flex min-h-0 min-w-0 grow flex-col gap-2">
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <span className="text-slate-400">{t('layout')}</span>
          {LAYOUT_KINDS.map((k) => (
            <button
              key={k}
              data-testid={`layout-${k}`}
              onClick={() => setKind(k)}
              className={`rounded px-2 py-0.5 ${k === kind ? 'bg-sky-700' : 'bg-slate-800 hover:bg-slate-700'}`}
              dir="ltr"
            >
              {k}
            </button>
          ))}
          <button className="rounded bg-slate-800 px-2 py-0.5 hover:bg-slate-700" onClick={() => tiles.forEach((_, i) => assign(i, null))}>
            {t('clear')}
          </button>
          <form
            className="ms-auto flex items-center gap-1"
            onSubmit={(e) => {
              e.preventDefault();
              if (!layoutName.trim()) return;
              save(user, layoutName.trim());
              setLayoutName('');
              setSavedVersion((v) => v + 1);
            }}
          >
            <input className="w-32 rounded bg-slate-800 px-2 py-0.5" placeholder={t('layoutName')} value={layoutName} onChange={(e) => setLayoutName(e.target.value)} />
            <button className="rounded bg-slate-800 px-2 py-0.5 hover:bg-slate-700">{t('saveLayout')}</button>
          </form>
          {Object.keys(layouts).length > 0 && (
            <select
              aria-label={t('savedLayouts')}
              className="rounded bg-slate-800 px-1 py-0.5"
              value=""
              onChange={(e) => e.target.value && restore(user, e.target.value)}
            >
              <option value="">{t('savedLayouts')}</option>
              {Object.keys(layouts).map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          )}
          {Object.keys(layouts).length > 0 && (
            <button
              className="rounded bg-slate-800 px-2 py-0.5 text-xs hover:bg-slate-700"
              onClick={() => {
                Object.keys(layouts).slice(-1).forEach((n) => remove(user, n));
                setSavedVersion((v) => v + 1);
              }}
            >
              {t('remove')}
            </button>
          )}
        </div>
        {full !== null && byId(tiles[full]) ? (
          <div className="grid min-h-0 grow" data-testid="full-screen">
            <Tile
              index={full}
              camera={byId(tiles[full])}
              variant="main"
              onDropCamera={(id) => assign(full, id)}
              onOpen={() => setFull(null)}
              onSelect={() => setSelected(full)}
              selected={false}
            />
          </div>
        ) : (
          <div
            data-testid="grid"
            data-layout={kind}
            className="grid min-h-0 grow gap-1"
            style={{ gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`, gridTemplateRows: `repeat(${columns}, minmax(0, 1fr))` }}
          >
            {tiles.map((id, i) => (
              <Tile
                key={i}
                index={i}
                camera={byId(id)}
                variant={kind === '1x1' ? 'main' : 'sub'}
                onDropCamera={(cameraId) => assign(i, cameraId)}
                onOpen={() => setFull(i)}
                onSelect={() => setSelected(i)}
                selected={selected === i}
                style={placement(kind, i)}
              />
            ))}
          </div>
        )}
      </section>
    </div>
  );
}
