import { useCallback, useEffect, useState } from 'react';
import { api, fire, type Page } from '../api/client';
import { useCameras } from '../state/cameras';
import { useT } from '../state/i18n';
import { useRouter } from '../state/router';

export interface Incident {
  id: string;
  agency: string;
  title: string;
  description?: string | null;
  status: 'OPEN' | 'INVESTIGATING' | 'CLOSED';
  assignee?: string | null;
  tags: string[];
  start?: string | null;
  end?: string | null;
  cameraIds: string[];
  footage?: { id: string; cameraId: string; start: string; end: string; held: boolean }[];
  comments?: { id?: string; author?: string; text: string; createdAt?: string }[];
  history?: { at?: string; actor?: string; field?: string; from?: string | null; to?: string | null }[];
  createdBy?: string;
  createdAt?: string;
}

/** The moves the incident workflow allows from each status. */
export const NEXT_STATUS: Record<Incident['status'], Incident['status'][]> = {
  OPEN: ['INVESTIGATING', 'CLOSED'],
  INVESTIGATING: ['OPEN', 'CLOSED'],
  CLOSED: ['OPEN'],
};

export function IncidentsPage() {
  const t = useT();
  const { cameras, load, byId } = useCameras();
  const navigate = useRouter((s) => s.navigate);
  const [list, setList] = useState<Incident[]>([]);
  const [status, setStatus] = useState('');
  const [selected, setSelected] = useState<Incident | null>(null);
  const [draft, setDraft] = useState({ title: '', description: '', cameraId: '', tags: '' });
  const [comment, setComment] = useState('');

  const refresh = useCallback(
    () => fire(api<Page<Incident>>('GET', '/api/v1/incidents', { query: { status, size: 100 } }).then((p) => setList(p.items))),
    [status],
  );
  useEffect(() => {
    refresh();
    if (cameras.length === 0) fire(load());
  }, [refresh, cameras.length, load]);

  const open = (id: string) => fire(api<Incident>('GET', `/api/v1/incidents/${id}`).then(setSelected));
  const patch = (body: Record<string, unknown>) =>
    selected &&
    fire(
      api<Incident>('PATCH', `/api/v1/incidents/${selected.id}`, { body }).then((i) => {
        setSelected(i);
        refresh();
      }),
    );

  return (
    <div className="grid gap-3 lg:grid-cols-[1fr_1.2fr]">
      <section className="panel flex flex-col gap-2">
        <div className="flex items-center gap-2">
          <h2 className="grow font-semibold">{t('incidents')}</h2>
          <select className="field text-sm" value={status} onChange={(e) => setStatus(e.target.value)} aria-label={t('status')}>
            <option value="">—</option>
            <option>OPEN</option>
            <option>INVESTIGATING</option>
            <option>CLOSED</option>
          </select>
        </div>
        <table className="data w-full" data-testid="incident-list">
          <thead>
            <tr>
              <th>{t('title')}</th>
              <th>{t('status')}</th>
              <th>{t('created')}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((i) => (
              <tr key={i.id} className="cursor-pointer hover:bg-slate-800" onClick={() => open(i.id)}>
                <td>{i.title}</td>
                <td>{i.status}</td>
                <td>{i.createdAt ? new Date(i.createdAt).toLocaleString() : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <form
          className="mt-2 flex flex-col gap-1 text-sm"
          onSubmit={(e) => {
            e.preventDefault();
            const now = Date.now();
            fire(
              api<Incident>('POST', '/api/v1/incidents', {
                body: {
                  title: draft.title,
                  description: draft.description || undefined,
                  cameraIds: draft.cameraId ? [draft.cameraId] : undefined,
                  start: draft.cameraId ? new Date(now - 10 * 60_000).toISOString() : undefined,
                  end: draft.cameraId ? new Date(now).toISOString() : undefined,
                  tags: draft.tags ? draft.tags.split(',').map((s) => s.trim()).filter(Boolean) : undefined,
                },
              }).then((i) => {
                setDraft({ title: '', description: '', cameraId: '', tags: '' });
                setSelected(i);
                refresh();
              }),
            );
          }}
        >
          <strong>{t('newIncident')}</strong>
          <input data-testid="incident-title" className="field" placeholder={t('title')} value={draft.title} onChange={(e) => setDraft({ ...draft, title: e.target.value })} />
          <textarea className="field" placeholder={t('description')} value={draft.description} onChange={(e) => setDraft({ ...draft, description: e.target.value })} />
          <select className="field" value={draft.cameraId} onChange={(e) => setDraft({ ...draft, cameraId: e.target.value })} aria-label={t('camera')}>
            <option value="">{t('camera')} —</option>
            {cameras.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
          <input className="field" placeholder={`${t('tags')} (a, b)`} value={draft.tags} onChange={(e) => setDraft({ ...draft, tags: e.target.value })} />
          <button data-testid="incident-create" className="btn-primary self-start">
            {t('create')}
          </button>
        </form>
      </section>
      {selected && (
        <section className="panel flex flex-col gap-2 text-sm" data-testid="incident-detail">
          <h2 className="text-base font-semibold">{selected.title}</h2>
          <div className="text-slate-300">{selected.description}</div>
          <div className="flex items-center gap-2">
            {t('status')}: <strong data-testid="incident-status">{selected.status}</strong>
            {NEXT_STATUS[selected.status].map((s) => (
              <button key={s} className="btn" onClick={() => patch({ status: s })}>
                → {s}
              </button>
            ))}
          </div>
          <div>
            {t('tags')}: {selected.tags.join(', ')}
          </div>
          <div>
            {t('assignee')}: {selected.assignee ?? '–'}
          </div>
          <div>
            <strong>{t('footage')}</strong>
            <ul>
              {(selected.footage ?? []).map((f) => (
                <li key={f.id}>
                  <button
                    className="text-sky-400 hover:underline"
                    onClick={() => navigate('playback', { camera: f.cameraId, time: f.start })}
                  >
                    {byId(f.cameraId)?.name ?? f.cameraId}: {new Date(f.start).toLocaleString()} – {new Date(f.end).toLocaleTimeString()}
                  </button>{' '}
                  {f.held ? '🔒' : ''}
                </li>
              ))}
            </ul>
          </div>
          <div>
            <strong>{t('comment')}</strong>
            <ul className="flex flex-col gap-1">
              {(selected.comments ?? []).map((c, i) => (
                <li key={c.id ?? i} className="rounded bg-slate-800 p-1">
                  <span className="text-xs text-slate-400">{c.author}</span> {c.text}
                </li>
              ))}
            </ul>
            <form
              className="mt-1 flex gap-1"
              onSubmit={(e) => {
                e.preventDefault();
                fire(
                  api<Incident>('POST', `/api/v1/incidents/${selected.id}/comments`, { body: { text: comment } }).then((i) => {
                    setComment('');
                    setSelected(i);
                  }),
                );
              }}
            >
              <input className="field grow" value={comment} onChange={(e) => setComment(e.target.value)} placeholder={t('comment')} />
              <button className="btn">{t('addComment')}</button>
            </form>
          </div>
          <details>
            <summary>{t('history')}</summary>
            <pre className="text-xs whitespace-pre-wrap">{JSON.stringify(selected.history ?? [], null, 1)}</pre>
          </details>
        </section>
      )}
    </div>
  );
}
