import { useEffect, useState, type ReactNode } from 'react';
import { api, fire } from '../api/client';
import { useT } from '../state/i18n';
import type { Span } from './timeline';

export interface ExportJob {
  id: string;
  status: 'QUEUED' | 'RUNNING' | 'DONE' | 'FAILED';
  progress?: number;
  sha256?: string | null;
  sizeBytes?: number | null;
  downloadUrl?: string | null;
  manifestUrl?: string | null;
  error?: string | null;
  detail?: string | null;
}

const POLL_MS = 1000;

/*
 * A finished export's links last minutes and each download is checked and audited: a click asks for the export again
 * and follows the fresh link, so a page left open for an hour still downloads.
 */
function FreshLink({ job, which, testId, children }: { job: ExportJob; which: 'downloadUrl' | 'manifestUrl'; testId?: string; children: ReactNode }) {
  return (
    <a
      data-testid={testId}
      className="btn"
      href={job[which] ?? undefined}
      download
      onClick={(e) => {
        e.preventDefault();
        fire(
          api<ExportJob>('GET', `/api/v1/exports/${encodeURIComponent(job.id)}`).then((fresh) => {
            const url = fresh[which];
            if (url) window.location.assign(url);
          }),
        );
      }}
    >
      {children}
    </a>
  );
}

/** Exports a camera's range as evidence: a progress bar while it runs, then its SHA-256 and the download. */
export function ExportPanel({ cameraId, range }: { cameraId: string | undefined; range: Span | null }) {
  const t = useT();
  const [job, setJob] = useState<ExportJob | null>(null);

  useEffect(() => {
    if (!job || job.status === 'DONE' || job.status === 'FAILED') return;
    const timer = setTimeout(
      () => fire(api<ExportJob>('GET', `/api/v1/exports/${encodeURIComponent(job.id)}`).then(setJob)),
      POLL_MS,
    );
    return () => clearTimeout(timer);
  }, [job]);

  const progress = job ? (job.status === 'DONE' ? 1 : Math.min(1, Math.max(0, job.progress ?? 0))) : 0;
  return (
    <div className="panel flex flex-col gap-2 text-sm" data-testid="export-panel">
      <div className="flex items-center gap-2">
        <strong>{t('export')}</strong>
        {range && (
          <span className="text-xs text-slate-400" dir="ltr">
            {new Date(range.start).toLocaleString()} – {new Date(range.end).toLocaleString()}
          </span>
        )}
        <button
          data-testid="export-start"
          className="btn-primary ms-auto"
          disabled={!cameraId || !range || (job !== null && job.status !== 'DONE' && job.status !== 'FAILED')}
          onClick={() =>
            cameraId &&
            range &&
            fire(
              api<ExportJob>('POST', '/api/v1/exports', {
                body: { cameraId, start: new Date(range.start).toISOString(), end: new Date(range.end).toISOString() },
              }).then(setJob),
            )
          }
        >
          {t('exportRange')}
        </button>
      </div>
      {job && (
        <>
          <div className="flex items-center gap-2">
            <div className="h-2 grow overflow-hidden rounded bg-slate-800" role="progressbar" aria-valuenow={Math.round(progress * 100)} aria-valuemin={0} aria-valuemax={100}>
              <div data-testid="export-progress" className={`h-full ${job.status === 'FAILED' ? 'bg-red-600' : 'bg-sky-500'}`} style={{ width: `${progress * 100}%` }} />
            </div>
            <span data-testid="export-status">{t('exportStatus', { status: job.status })}</span>
          </div>
          {job.status === 'FAILED' && <div className="text-red-400">{job.error ?? job.detail ?? ''}</div>}
          {job.status === 'DONE' && (
            <div className="flex flex-wrap items-center gap-2">
              <span>{t('sha256')}</span>
              <code data-testid="export-sha256" className="break-all text-xs text-emerald-300" dir="ltr">
                {job.sha256}
              </code>
              {job.downloadUrl && (
                <FreshLink testId="export-download" job={job} which="downloadUrl">
                  {t('download')}
                  {job.sizeBytes ? ` (${(job.sizeBytes / 1_048_576).toFixed(1)} MiB)` : ''}
                </FreshLink>
              )}
              {job.manifestUrl && (
                <FreshLink job={job} which="manifestUrl">
                  manifest.json
                </FreshLink>
              )}
            </div>
          )}
        </>
      )}
    </div>
  );
}
