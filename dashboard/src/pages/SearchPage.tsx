import { useState } from 'react';
import { api, fire } from '../api/client';
import { useT } from '../state/i18n';
import { useRouter } from '../state/router';

interface Hit {
  type: 'incident' | 'comment' | 'bookmark' | 'camera';
  id: string;
  title: string;
  snippet: string;
  score: number;
  incidentId?: string | null;
  cameraIds?: string[];
  start?: string | null;
}

/** Only <mark> survives from a snippet: the service HTML-escapes the text and marks the matches. */
export function snippetParts(snippet: string): { text: string; mark: boolean }[] {
  const parts: { text: string; mark: boolean }[] = [];
  const decode = (s: string) =>
    s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
  const re = /<mark>(.*?)<\/mark>/g;
  let last = 0;
  for (let m = re.exec(snippet); m; m = re.exec(snippet)) {
    if (m.index > last) parts.push({ text: decode(snippet.slice(last, m.index)), mark: false });
    parts.push({ text: decode(m[1]), mark: true });
    last = m.index + m[0].length;
  }
  if (last < snippet.length) parts.push({ text: decode(snippet.slice(last)), mark: false });
  return parts;
}

export function SearchPage() {
  const t = useT();
  const navigate = useRouter((s) => s.navigate);
  const [q, setQ] = useState('');
  const [types, setTypes] = useState('');
  const [result, setResult] = useState<{ items: Hit[]; total: number } | null>(null);
  return (
    <div className="flex flex-col gap-3">
      <form
        className="flex gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          if (q.trim()) fire(api<{ items: Hit[]; total: number }>('GET', '/api/v1/search', { query: { q, types, size: 50 } }).then(setResult));
        }}
      >
        <input data-testid="search-input" className="field grow py-1" placeholder={t('searchPlaceholder')} value={q} onChange={(e) => setQ(e.target.value)} />
        <select className="field" value={types} onChange={(e) => setTypes(e.target.value)} aria-label={t('type')}>
          <option value="">—</option>
          <option value="incident">incident</option>
          <option value="comment">comment</option>
          <option value="bookmark">bookmark</option>
          <option value="camera">camera</option>
        </select>
        <button className="btn-primary">{t('search')}</button>
      </form>
      {result && (
        <section className="panel" data-testid="search-results">
          <div className="mb-2 text-sm text-slate-400">{t('results', { total: result.total })}</div>
          <ul className="flex flex-col gap-2">
            {result.items.map((h) => (
              <li key={`${h.type}-${h.id}`} className="rounded bg-slate-900 p-2 text-sm">
                <div className="flex items-center gap-2">
                  <span className="rounded bg-slate-700 px-1 text-xs">{h.type}</span>
                  <strong>{h.title}</strong>
                  <span className="ms-auto text-xs text-slate-500">{h.score.toFixed(3)}</span>
                  {h.type !== 'camera' && h.cameraIds?.[0] && h.start && (
                    <button className="btn text-xs" onClick={() => navigate('playback', { camera: h.cameraIds![0], time: h.start! })}>
                      {t('open')}
                    </button>
                  )}
                  {(h.type === 'incident' || h.type === 'comment') && (
                    <button className="btn text-xs" onClick={() => navigate('incidents')}>
                      {t('incidents')}
                    </button>
                  )}
                </div>
                <div className="text-slate-300">
                  {snippetParts(h.snippet).map((p, i) => (p.mark ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}
                </div>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
