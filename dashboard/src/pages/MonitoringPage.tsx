import { useEffect, useState } from 'react';
import { api, fire } from '../api/client';
import { fetchHealth, SERVICES, type ServiceHealth } from '../api/health';
import { hasRole, useAuth } from '../state/auth';
import { useT } from '../state/i18n';

export interface Monitoring {
  cameras: { agency: string; online: number; offline: number; unknown: number }[];
  recording: { available: boolean; camerasRecording?: number; backlogSegments?: number; backlogBytes?: number; backlogOldestSeconds?: number; spoolBytes?: number };
  storage: { available: boolean; bytes?: number; segments?: number };
}

const REFRESH_MS = 5000;

export function bytes(n: number | undefined): string {
  if (n === undefined) return '–';
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let v = n;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${v.toFixed(u ? 1 : 0)} ${units[u]}`;
}

/** Service health, cameras online/offline per agency, the recording backlog and storage use, refreshed every 5 s. */
export function MonitoringPage() {
  const t = useT();
  const me = useAuth((s) => s.me);
  const [health, setHealth] = useState<Record<string, ServiceHealth>>({});
  const [figures, setFigures] = useState<Monitoring | null>(null);
  const allowed = hasRole(me, 'ADMIN', 'OPERATOR');
  useEffect(() => {
    const load = async () => {
      const results = await Promise.all(SERVICES.map(async (s) => [s.name, await fetchHealth(s.name)] as const));
      setHealth(Object.fromEntries(results));
      if (allowed) fire(api<Monitoring>('GET', '/api/v1/monitoring').then(setFigures));
    };
    void load();
    const i = setInterval(() => void load(), REFRESH_MS);
    return () => clearInterval(i);
  }, [allowed]);
  const rec = figures?.recording;
  return (
    <div className="grid gap-3 lg:grid-cols-2">
      <section className="panel">
        <h2 className="mb-2 font-semibold">{t('serviceHealth')}</h2>
        <ul className="grid grid-cols-2 gap-1 text-sm" data-testid="monitoring-health">
          {SERVICES.map((s) => {
            const h = health[s.name];
            return (
              <li key={s.name} className="flex items-center gap-2">
                <span className={`inline-block h-2.5 w-2.5 rounded-full ${!h ? 'bg-slate-500' : h.state === 'UP' ? 'bg-emerald-500' : 'bg-red-500'}`} />
                {s.name}
                <span className="text-xs text-slate-400">{h ? (h.state === 'DOWN' ? `DOWN: ${h.failing.join(', ')}` : h.state) : ''}</span>
              </li>
            );
          })}
        </ul>
      </section>
      {figures && (
        <>
          <section className="panel">
            <h2 className="mb-2 font-semibold">{t('camerasPerAgency')}</h2>
            <table className="data w-full" data-testid="monitoring-cameras">
              <thead>
                <tr>
                  <th>{t('agency')}</th>
                  <th>{t('online')}</th>
                  <th>{t('offline')}</th>
                </tr>
              </thead>
              <tbody>
                {figures.cameras.map((c) => (
                  <tr key={c.agency}>
                    <td>{c.agency}</td>
                    <td className="text-emerald-400">{c.online}</td>
                    <td className={c.offline ? 'text-red-400' : ''}>{c.offline + c.unknown}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <div className="mt-2 flex flex-col gap-1" dir="ltr">
              {figures.cameras.map((c) => {
                const total = Math.max(1, c.online + c.offline + c.unknown);
                return (
                  <div key={c.agency} className="flex h-3 overflow-hidden rounded bg-slate-800" title={c.agency}>
                    <div className="bg-emerald-600" style={{ width: `${(c.online / total) * 100}%` }} />
                    <div className="bg-red-700" style={{ width: `${(c.offline / total) * 100}%` }} />
                    <div className="bg-slate-500" style={{ width: `${(c.unknown / total) * 100}%` }} />
                  </div>
                );
              })}
            </div>
          </section>
          <section className="panel" data-testid="monitoring-recording">
            <h2 className="mb-2 font-semibold">{t('recordingBacklog')}</h2>
            {rec?.available ? (
              <ul className="text-sm">
                <li>
                  {rec.camerasRecording ?? 0} {t('camerasRecording')}
                </li>
                <li>
                  {rec.backlogSegments ?? 0} {t('segments')} · {bytes(rec.backlogBytes)} · {t('oldest')} {Math.round(rec.backlogOldestSeconds ?? 0)} s
                </li>
                <li>spool {bytes(rec.spoolBytes)}</li>
              </ul>
            ) : (
              <span className="text-red-400">recording: unreachable</span>
            )}
          </section>
          <section className="panel" data-testid="monitoring-storage">
            <h2 className="mb-2 font-semibold">{t('storageUse')}</h2>
            {figures.storage.available ? (
              <div className="text-sm">
                {bytes(figures.storage.bytes)} {t('stored')}
                {figures.storage.segments !== undefined && ` · ${figures.storage.segments} ${t('segments')}`}
              </div>
            ) : (
              <span className="text-red-400">storage: unreachable</span>
            )}
          </section>
        </>
      )}
    </div>
  );
}
