import { useEffect } from 'react';
import { useToasts } from '../state/toasts';
import { useT } from '../state/i18n';

const LIFETIME_MS = 8000;

/** Every problem the API answers, shown with its title and detail until dismissed (or after eight seconds). */
export function Toasts() {
  const { toasts, dismiss } = useToasts();
  const t = useT();
  useEffect(() => {
    if (toasts.length === 0) return;
    const oldest = toasts[0];
    const timer = setTimeout(() => dismiss(oldest.id), LIFETIME_MS);
    return () => clearTimeout(timer);
  }, [toasts, dismiss]);
  return (
    <div className="fixed bottom-3 end-3 z-50 flex w-96 max-w-[90vw] flex-col gap-2" role="status" aria-live="polite">
      {toasts.map((toast) => (
        <div
          key={toast.id}
          data-testid="toast"
          className={`rounded border p-3 text-sm shadow-lg ${toast.kind === 'error' ? 'border-red-700 bg-red-950' : 'border-sky-700 bg-slate-900'}`}
        >
          <div className="flex items-start gap-2">
            <strong className="grow">{toast.title}</strong>
            <button className="text-slate-400 hover:text-white" aria-label={t('close')} onClick={() => dismiss(toast.id)}>
              ×
            </button>
          </div>
          {toast.detail && <div className="mt-1 text-slate-300">{toast.detail}</div>}
        </div>
      ))}
    </div>
  );
}
