import { useState } from 'react';
import { cameraTree, type Camera } from '../state/cameras';
import { useI18n, useT } from '../state/i18n';

const DOT: Record<Camera['status'], string> = { ONLINE: 'bg-emerald-500', OFFLINE: 'bg-red-500', UNKNOWN: 'bg-slate-500' };

/** H.264 / H.265 as an operator reads them, from the sample entry type the api names. */
export function codecLabel(codec: string): string {
  if (codec.startsWith('avc')) return 'H.264';
  if (codec.startsWith('hvc') || codec.startsWith('hev')) return 'H.265';
  return codec;
}

/** Cameras by agency and group, searchable, each draggable onto a tile (or clicked into the first empty one). */
export function CameraTree({ cameras, groups, onPick }: { cameras: Camera[]; groups: Parameters<typeof cameraTree>[1]; onPick: (c: Camera) => void }) {
  const t = useT();
  const lang = useI18n((s) => s.lang);
  const [query, setQuery] = useState('');
  const tree = cameraTree(cameras, groups, query);
  const item = (c: Camera) => (
    <li
      key={c.id}
      data-testid="camera-item"
      data-camera={c.id}
      data-status={c.status}
      draggable
      onDragStart={(e) => {
        e.dataTransfer.setData('application/x-cctv-camera', c.id);
        e.dataTransfer.setData('text/plain', c.id);
      }}
      onClick={() => onPick(c)}
      className="flex cursor-grab items-center gap-2 rounded px-2 py-0.5 hover:bg-slate-800"
      title={[c.status + (c.statusReason ? `: ${c.statusReason}` : ''),
        c.recording ? t('recordingNow') : `${t('notRecording')}${c.recordingReason ? `: ${c.recordingReason}` : ''}`,
        [c.codec, c.resolution].filter(Boolean).join(' ')].filter(Boolean).join('\n')}
    >
      <span className={`inline-block h-2 w-2 shrink-0 rounded-full ${DOT[c.status]}`} />
      <span className="truncate">{lang === 'ar' && c.nameAr ? c.nameAr : c.name}</span>
      <span className="ms-auto flex items-center gap-1">
        {c.codec && <span data-testid="camera-codec" className="text-[10px] text-slate-400">{codecLabel(c.codec)}</span>}
        {c.recording && <span data-testid="camera-recording" aria-label={t('recordingNow')} className="inline-block h-1.5 w-1.5 rounded-full bg-red-500" />}
        {c.ptz && <span className="text-[10px] text-sky-400">PTZ</span>}
      </span>
    </li>
  );
  return (
    <div className="flex min-h-0 flex-col gap-2">
      <input
        data-testid="camera-search"
        className="rounded bg-slate-800 px-2 py-1 text-sm"
        placeholder={t('searchCameras')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      <div className="min-h-0 overflow-y-auto text-sm">
        {tree.map((a) => (
          <details key={a.agency} open>
            <summary className="cursor-pointer font-semibold text-slate-300">
              {a.agency}{' '}
              <span className="text-xs text-slate-500">
                {[...a.ungrouped, ...a.groups.flatMap((g) => g.cameras)].filter((c) => c.status === 'ONLINE').length}/
                {a.ungrouped.length + a.groups.reduce((n, g) => n + g.cameras.length, 0)}
              </span>
            </summary>
            {a.groups.map((g) => (
              <details key={g.group.id} open className="ms-3">
                <summary className="cursor-pointer text-slate-400">{lang === 'ar' && g.group.nameAr ? g.group.nameAr : g.group.name}</summary>
                <ul className="ms-2">{g.cameras.map(item)}</ul>
              </details>
            ))}
            <ul className="ms-2">{a.ungrouped.map(item)}</ul>
          </details>
        ))}
      </div>
    </div>
  );
}
