import { useEffect, useState } from 'react';
import { api, fire } from '../api/client';
import { BarChart, LineChart, type Series } from '../components/Charts';
import { useT } from '../state/i18n';

interface Quotas {
  items: { agency: string; limit: number; active: number }[];
  cameraLimit: number;
  globalLimit: number | null;
}

export interface QuotaHistory {
  from: string;
  to: string;
  stepSeconds: number;
  items: { agency: string; samples: { time: string; active: number; limit: number }[] }[];
}

const COLORS = ['#38bdf8', '#f472b6', '#a3e635', '#fbbf24', '#c084fc', '#34d399'];

/** Live streams per agency against its quota: now (refreshed every 5 s) and the last 24 hours (one sample a minute). */
export function AnalyticsPage() {
  const t = useT();
  const [quotas, setQuotas] = useState<Quotas | null>(null);
  const [history, setHistory] = useState<QuotaHistory | null>(null);
  useEffect(() => {
    const load = () => fire(api<Quotas>('GET', '/api/v1/quotas').then(setQuotas));
    load();
    fire(api<QuotaHistory>('GET', '/api/v1/quotas/history', { query: { hours: 24 } }).then(setHistory));
    const i = setInterval(load, 5000);
    return () => clearInterval(i);
  }, []);
  const series: Series[] =
    history?.items.flatMap((a, i) => [
      { label: `${a.agency} ${t('active')}`, color: COLORS[i % COLORS.length], points: a.samples.map((s) => ({ time: Date.parse(s.time), value: s.active })) },
      { label: `${a.agency} ${t('limit')}`, color: COLORS[i % COLORS.length], dashed: true, points: a.samples.map((s) => ({ time: Date.parse(s.time), value: s.limit })) },
    ]) ?? [];
  return (
    <div className="grid gap-3 lg:grid-cols-2">
      <section className="panel">
        <h2 className="mb-2 font-semibold">{t('streamsNow')}</h2>
        {quotas ? (
          <BarChart testId="quota-now" bars={quotas.items.map((q) => ({ label: q.agency, value: q.active, limit: q.limit }))} />
        ) : (
          t('loading')
        )}
      </section>
      <section className="panel">
        <h2 className="mb-2 font-semibold">{t('streams24h')}</h2>
        {history ? <LineChart testId="quota-24h" series={series} start={Date.parse(history.from)} end={Date.parse(history.to)} /> : t('loading')}
      </section>
    </div>
  );
}
