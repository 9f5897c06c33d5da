import { useState } from 'react';
import { ApiProblem } from '../api/problem';
import { useAuth } from '../state/auth';
import { useI18n, useT } from '../state/i18n';

export function LoginPage() {
  const t = useT();
  const { lang, setLang } = useI18n();
  const login = useAuth((s) => s.login);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="flex h-full items-center justify-center">
      <form
        className="panel flex w-80 flex-col gap-3"
        onSubmit={async (e) => {
          e.preventDefault();
          setBusy(true);
          setError(null);
          try {
            await login(username, password);
          } catch (failure) {
            setError(failure instanceof ApiProblem ? failure.message : String(failure));
          } finally {
            setBusy(false);
          }
        }}
      >
        <div className="flex items-center">
          <h1 className="grow text-xl font-semibold">{t('appName')}</h1>
          <button type="button" className="text-sm text-sky-400" onClick={() => setLang(lang === 'ar' ? 'en' : 'ar')}>
            {t('language')}
          </button>
        </div>
        <label className="flex flex-col gap-1 text-sm">
          {t('username')}
          <input name="username" autoComplete="username" className="field py-1" value={username} onChange={(e) => setUsername(e.target.value)} />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          {t('password')}
          <input name="password" type="password" autoComplete="current-password" className="field py-1" value={password} onChange={(e) => setPassword(e.target.value)} />
        </label>
        {error && (
          <div role="alert" data-testid="login-error" className="rounded bg-red-950 p-2 text-sm">
            {error}
          </div>
        )}
        <button className="btn-primary py-1" disabled={busy}>
          {busy ? t('signingIn') : t('signIn')}
        </button>
      </form>
    </div>
  );
}
