import { useEffect, useState } from 'react';
import { useT } from '../state/i18n';
import { fetchHealth, SERVICES, type ServiceHealth, type ServiceName } from '../api/health';

type HealthMap = Partial<Record<ServiceName, ServiceHealth>>;

const REFRESH_MS = 5000;

function StatusBadge({ health }: { health?: ServiceHealth }) {
  if (!health) return <span className="badge pending">checking</span>;
  if (health.state === 'UP') return <span className="badge up">UP</span>;
  if (health.state === 'DOWN') return <span className="badge down">DOWN: {health.failing.join(', ') || 'unknown'}</span>;
  return <span className="badge down">unreachable ({health.reason})</span>;
}

export function StatusPage() {
  const t = useT();
  const [health, setHealth] = useState<HealthMap>({});
  const [checkedAt, setCheckedAt] = useState<Date | null>(null);

  useEffect(() => {
    let cancelled = false;
    const refresh = async () => {
      const results = await Promise.all(SERVICES.map(async (s) => [s.name, await fetchHealth(s.name)] as const));
      if (!cancelled) {
        setHealth(Object.fromEntries(results));
        setCheckedAt(new Date());
      }
    };
    refresh();
    const timer = setInterval(refresh, REFRESH_MS);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, []);

  const up = SERVICES.filter((s) => health[s.name]?.state === 'UP').length;

  return (
    <div className="status-page">
      <h2 className="mb-3 text-lg font-semibold">{t('nav.status')}</h2>
      <section>
        <p className="summary" data-testid="summary">
          {t('servicesUp', { up, total: SERVICES.length })}
          {checkedAt && <span className="muted"> · {t('checked', { time: checkedAt.toLocaleTimeString() })}</span>}
        </p>
        <table>
          <thead>
            <tr>
              <th>Service</th>
              <th>Port</th>
              <th>Role</th>
              <th>Health</th>
              <th>Dependencies</th>
            </tr>
          </thead>
          <tbody>
            {SERVICES.map((s) => {
              const h = health[s.name];
              const components = h && h.state !== 'UNREACHABLE' ? h.components : {};
              return (
                <tr key={s.name} data-testid={`service-${s.name}`}>
                  <td>{s.name}</td>
                  <td>{s.port}</td>
                  <td>{s.role}</td>
                  <td>
                    <StatusBadge health={h} />
                  </td>
                  <td className="muted">
                    {Object.entries(components)
                      .map(([n, st]) => `${n} ${st}`)
                      .join(' · ')}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
    </div>
  );
}
