import { useCallback, useEffect, useState } from 'react';
import { api, fire, type Page } from '../api/client';
import { useCameras, type Camera } from '../state/cameras';
import { useT } from '../state/i18n';
import { useToasts } from '../state/toasts';

interface User {
  id: string;
  username: string;
  displayName: string;
  role: string;
  agency: string;
  enabled: boolean;
}

interface Quota {
  agency: string;
  limit: number;
  active: number;
}

interface Schedule {
  mode: 'CONTINUOUS' | 'SCHEDULED' | 'OFF';
  windows: { days: string[]; from: string; to: string }[];
  timeZone?: string;
  retentionDays: number;
}

const ROLES = ['ADMIN', 'OPERATOR', 'VIEWER', 'AUDITOR'];

/** "MON,TUE 08:00-18:00; SAT 10:00-14:00" <-> schedule windows. */
export function parseWindows(text: string): Schedule['windows'] {
  return text
    .split(';')
    .map((w) => w.trim())
    .filter(Boolean)
    .map((w) => {
      const m = /^([A-Za-z,\s]+)\s+(\d{2}:\d{2})-(\d{2}:\d{2})$/.exec(w);
      if (!m) throw new Error(`not a window: "${w}" (e.g. MON,TUE 08:00-18:00)`);
      return { days: m[1].split(',').map((d) => d.trim().toUpperCase()).filter(Boolean), from: m[2], to: m[3] };
    });
}

export function formatWindows(windows: Schedule['windows']): string {
  return windows.map((w) => `${w.days.join(',')} ${w.from}-${w.to}`).join('; ');
}

function Users() {
  const t = useT();
  const [users, setUsers] = useState<User[]>([]);
  const [draft, setDraft] = useState({ username: '', displayName: '', password: '', role: 'VIEWER', agency: '' });
  const refresh = useCallback(() => fire(api<Page<User>>('GET', '/api/v1/users', { query: { size: 200 } }).then((p) => setUsers(p.items))), []);
  useEffect(refresh, [refresh]);
  const patch = (u: User, body: Partial<User>) => fire(api('PATCH', `/api/v1/users/${u.id}`, { body }).then(refresh));
  return (
    <section className="panel" data-testid="admin-users">
      <h2 className="mb-2 font-semibold">{t('users')}</h2>
      <table className="data w-full">
        <thead>
          <tr>
            <th>{t('username')}</th>
            <th>{t('displayName')}</th>
            <th>{t('role')}</th>
            <th>{t('agency')}</th>
            <th>{t('enabled')}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id}>
              <td>{u.username}</td>
              <td>{u.displayName}</td>
              <td>
                <select className="field" value={u.role} onChange={(e) => patch(u, { role: e.target.value })}>
                  {ROLES.map((r) => (
                    <option key={r}>{r}</option>
                  ))}
                </select>
              </td>
              <td>{u.agency}</td>
              <td>
                <button className="btn" onClick={() => patch(u, { enabled: !u.enabled })}>
                  {u.enabled ? t('disable') : t('enable')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form
        className="mt-2 flex flex-wrap gap-1 text-sm"
        onSubmit={(e) => {
          e.preventDefault();
          fire(
            api('POST', '/api/v1/users', { body: draft }).then(() => {
              setDraft({ username: '', displayName: '', password: '', role: 'VIEWER', agency: '' });
              refresh();
            }),
          );
        }}
      >
        <input className="field w-28" placeholder={t('username')} value={draft.username} onChange={(e) => setDraft({ ...draft, username: e.target.value })} />
        <input className="field w-32" placeholder={t('displayName')} value={draft.displayName} onChange={(e) => setDraft({ ...draft, displayName: e.target.value })} />
        <input className="field w-28" type="password" placeholder={t('password')} value={draft.password} onChange={(e) => setDraft({ ...draft, password: e.target.value })} />
        <select className="field" value={draft.role} onChange={(e) => setDraft({ ...draft, role: e.target.value })}>
          {ROLES.map((r) => (
            <option key={r}>{r}</option>
          ))}
        </select>
        <input className="field w-28" placeholder={t('agency')} value={draft.agency} onChange={(e) => setDraft({ ...draft, agency: e.target.value })} />
        <button className="btn-primary">{t('newUser')}</button>
      </form>
    </section>
  );
}

function Quotas() {
  const t = useT();
  const [quotas, setQuotas] = useState<Quota[]>([]);
  const [edits, setEdits] = useState<Record<string, string>>({});
  const refresh = useCallback(() => fire(api<{ items: Quota[] }>('GET', '/api/v1/quotas').then((q) => setQuotas(q.items))), []);
  useEffect(refresh, [refresh]);
  return (
    <section className="panel" data-testid="admin-quotas">
      <h2 className="mb-2 font-semibold">{t('quotas')}</h2>
      <table className="data w-full">
        <thead>
          <tr>
            <th>{t('agency')}</th>
            <th>{t('active')}</th>
            <th>{t('limit')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {quotas.map((q) => (
            <tr key={q.agency}>
              <td>{q.agency}</td>
              <td>{q.active}</td>
              <td>
                <input
                  data-testid={`quota-${q.agency}`}
                  className="field w-20"
                  type="number"
                  min={0}
                  value={edits[q.agency] ?? String(q.limit)}
                  onChange={(e) => setEdits({ ...edits, [q.agency]: e.target.value })}
                />
              </td>
              <td>
                <button
                  className="btn"
                  onClick={() =>
                    fire(
                      api('PUT', `/api/v1/quotas/${q.agency}`, { body: { limit: Number(edits[q.agency] ?? q.limit) } }).then(() => {
                        setEdits({});
                        refresh();
                      }),
                    )
                  }
                >
                  {t('setLimit')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function ScheduleEditor({ cameraId }: { cameraId: string }) {
  const t = useT();
  const [schedule, setSchedule] = useState<Schedule | null>(null);
  const [windows, setWindows] = useState('');
  useEffect(() => {
    fire(
      api<Schedule>('GET', `/api/v1/cameras/${cameraId}/recording`).then((s) => {
        setSchedule(s);
        setWindows(formatWindows(s.windows ?? []));
      }),
    );
  }, [cameraId]);
  if (!schedule) return <span>{t('loading')}</span>;
  return (
    <form
      className="flex flex-wrap items-center gap-1"
      onSubmit={(e) => {
        e.preventDefault();
        try {
          const body = { ...schedule, windows: schedule.mode === 'SCHEDULED' ? parseWindows(windows) : [] };
          fire(api<Schedule>('PUT', `/api/v1/cameras/${cameraId}/recording`, { body }).then((s) => {
            setSchedule(s);
            useToasts.getState().info(t('saved'));
          }));
        } catch (err) {
          useToasts.getState().problem({ status: 400, title: 'Bad Request', detail: err instanceof Error ? err.message : String(err), extra: {} });
        }
      }}
    >
      <select className="field" value={schedule.mode} onChange={(e) => setSchedule({ ...schedule, mode: e.target.value as Schedule['mode'] })} aria-label={t('mode')}>
        <option>CONTINUOUS</option>
        <option>SCHEDULED</option>
        <option>OFF</option>
      </select>
      {schedule.mode === 'SCHEDULED' && (
        <input className="field w-56" placeholder="MON,TUE 08:00-18:00" value={windows} onChange={(e) => setWindows(e.target.value)} aria-label={t('windows')} />
      )}
      <input
        className="field w-16"
        type="number"
        min={1}
        value={schedule.retentionDays}
        onChange={(e) => setSchedule({ ...schedule, retentionDays: Number(e.target.value) })}
        aria-label={t('retentionDays')}
        title={t('retentionDays')}
      />
      <button className="btn">{t('save')}</button>
    </form>
  );
}

/**
 * A camera's sound: off by default (Dubai's rules forbid recording it unless approved). Turning it on asks for the
 * approval it rests on; the change is audited and followed by recording and live within seconds.
 */
function SoundSwitch({ camera, onChanged }: { camera: Camera; onChanged: () => void }) {
  const t = useT();
  const set = (enabled: boolean) => {
    const approval = enabled ? window.prompt(t('soundApprovalPrompt')) : null;
    if (enabled && !approval) return;
    fire(api('PUT', `/api/v1/cameras/${camera.id}/audio`, { body: { enabled, approval } }).then(onChanged));
  };
  if (!camera.audio && !camera.audioEnabled) {
    return <span className="text-xs text-slate-500">{t('noMicrophone')}</span>;
  }
  return camera.audioEnabled ? (
    <button className="btn" data-testid={`sound-off-${camera.id}`} title={camera.audioApproval ?? ''} onClick={() => set(false)}>
      🔊 {t('soundKept')} · {t('turnOff')}
    </button>
  ) : (
    <button className="btn" data-testid={`sound-on-${camera.id}`} onClick={() => set(true)}>
      🔇 {camera.audioCodec ?? t('sound')} · {t('turnOn')}
    </button>
  );
}

function Cameras() {
  const t = useT();
  const { cameras, load } = useCameras();
  const [draft, setDraft] = useState({ name: '', agency: '', url: '' });
  const [open, setOpen] = useState<string | null>(null);
  useEffect(() => fire(load()), [load]);
  return (
    <section className="panel lg:col-span-2" data-testid="admin-cameras">
      <h2 className="mb-2 font-semibold">
        {t('cameras')} · {t('recordingSchedules')}
      </h2>
      <table className="data w-full">
        <thead>
          <tr>
            <th>{t('name')}</th>
            <th>{t('agency')}</th>
            <th>{t('status')}</th>
            <th>{t('source')}</th>
            <th>{t('recordingSchedules')}</th>
            <th>{t('sound')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {cameras.map((c) => (
            <tr key={c.id}>
              <td>{c.name}</td>
              <td>{c.agency}</td>
              <td>{c.status}</td>
              <td>{c.source?.type}</td>
              <td>
                {open === c.id ? (
                  <ScheduleEditor cameraId={c.id} />
                ) : (
                  <button className="btn" onClick={() => setOpen(c.id)}>
                    {c.recording ? '● ' : ''}
                    {t('recordingSchedules')}
                  </button>
                )}
              </td>
              <td>
                <SoundSwitch camera={c} onChanged={() => fire(load())} />
              </td>
              <td>
                <button
                  className="btn"
                  onClick={() => window.confirm(`${t('remove')} ${c.name}?`) && fire(api('DELETE', `/api/v1/cameras/${c.id}`).then(() => load()))}
                >
                  {t('remove')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form
        className="mt-2 flex flex-wrap gap-1 text-sm"
        onSubmit={(e) => {
          e.preventDefault();
          fire(
            api('POST', '/api/v1/cameras', { body: { name: draft.name, agency: draft.agency, source: { type: 'rtsp', url: draft.url } } }).then(() => {
              setDraft({ name: '', agency: '', url: '' });
              return load();
            }),
          );
        }}
      >
        <input className="field w-40" placeholder={t('name')} value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
        <input className="field w-32" placeholder={t('agency')} value={draft.agency} onChange={(e) => setDraft({ ...draft, agency: e.target.value })} />
        <input className="field w-72" placeholder="rtsp://host/stream" value={draft.url} onChange={(e) => setDraft({ ...draft, url: e.target.value })} />
        <button className="btn-primary">{t('addCamera')}</button>
      </form>
    </section>
  );
}

export function AdminPage() {
  return (
    <div className="grid gap-3 lg:grid-cols-2">
      <Users />
      <Quotas />
      <Cameras />
    </div>
  );
}
