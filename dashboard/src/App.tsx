import { lazy, Suspense, useEffect } from 'react';
import { Toasts } from './components/Toasts';
import { LivePage } from './live/LivePage';
import { LoginPage } from './pages/LoginPage';
import { StatusPage } from './pages/StatusPage';
import { hasRole, roleOf, useAuth, type Me } from './state/auth';
import { useI18n, useT, type MessageKey } from './state/i18n';
import { useRouter, type PageName } from './state/router';

const PlaybackPage = lazy(() => import('./playback/PlaybackPage').then((m) => ({ default: m.PlaybackPage })));
const IncidentsPage = lazy(() => import('./pages/IncidentsPage').then((m) => ({ default: m.IncidentsPage })));
const SearchPage = lazy(() => import('./pages/SearchPage').then((m) => ({ default: m.SearchPage })));
const AnalyticsPage = lazy(() => import('./pages/AnalyticsPage').then((m) => ({ default: m.AnalyticsPage })));
const MonitoringPage = lazy(() => import('./pages/MonitoringPage').then((m) => ({ default: m.MonitoringPage })));
const AdminPage = lazy(() => import('./pages/AdminPage').then((m) => ({ default: m.AdminPage })));

/** Which pages a role sees: the api refuses the rest anyway, the menu just does not offer them. */
export function pagesFor(me: Me | null): PageName[] {
  const pages: PageName[] = [];
  if (hasRole(me, 'ADMIN', 'OPERATOR', 'VIEWER')) pages.push('live', 'playback');
  if (hasRole(me, 'ADMIN', 'OPERATOR')) pages.push('incidents');
  if (hasRole(me, 'ADMIN', 'OPERATOR', 'VIEWER')) pages.push('search', 'analytics');
  pages.push('monitoring');
  if (hasRole(me, 'ADMIN')) pages.push('admin');
  pages.push('status');
  return pages;
}

function Header({ me, pages }: { me: Me; pages: PageName[] }) {
  const t = useT();
  const { page, navigate } = useRouter();
  const { lang, setLang } = useI18n();
  const logout = useAuth((s) => s.logout);
  return (
    <header className="flex flex-wrap items-center gap-3 border-b border-slate-800 px-3 py-2">
      <h1 className="text-lg font-semibold">{t('appName')}</h1>
      <nav className="flex flex-wrap gap-1 text-sm">
        {pages.map((p) => (
          <a
            key={p}
            href={`/${p}`}
            data-testid={`nav-${p}`}
            onClick={(e) => {
              e.preventDefault();
              navigate(p);
            }}
            className={`rounded px-2 py-1 ${p === page ? 'bg-slate-700' : 'hover:bg-slate-800'}`}
          >
            {t(`nav.${p}` as MessageKey)}
          </a>
        ))}
      </nav>
      <div className="ms-auto flex items-center gap-3 text-sm">
        <span data-testid="user" className="text-slate-300">
          <strong>{me.username}</strong> · <span data-testid="user-role">{roleOf(me)}</span> · <span data-testid="user-agency">{me.agency}</span>
        </span>
        <button data-testid="language" className="text-sky-400" onClick={() => setLang(lang === 'ar' ? 'en' : 'ar')}>
          {t('language')}
        </button>
        <button data-testid="sign-out" className="btn" onClick={() => logout()}>
          {t('signOut')}
        </button>
      </div>
    </header>
  );
}

function CurrentPage({ page }: { page: PageName }) {
  switch (page) {
    case 'live':
      return <LivePage />;
    case 'playback':
      return <PlaybackPage />;
    case 'incidents':
      return <IncidentsPage />;
    case 'search':
      return <SearchPage />;
    case 'analytics':
      return <AnalyticsPage />;
    case 'monitoring':
      return <MonitoringPage />;
    case 'admin':
      return <AdminPage />;
    default:
      return <StatusPage />;
  }
}

export function App() {
  const t = useT();
  const { status, me, restore } = useAuth();
  const page = useRouter((s) => s.page);

  useEffect(() => {
    if (status === 'loading' && !me) void restore();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  if (status !== 'signedIn' || !me) {
    return (
      <>
        {status === 'loading' && !me ? <div className="p-6">{t('loading')}</div> : <LoginPage />}
        <Toasts />
      </>
    );
  }
  const pages = pagesFor(me);
  const shown = pages.includes(page) ? page : pages[0];
  return (
    <div className="flex h-full flex-col">
      <Header me={me} pages={pages} />
      <main className="min-h-0 grow overflow-auto p-3" data-testid={`page-${shown}`}>
        <Suspense fallback={<div>{t('loading')}</div>}>
          <CurrentPage page={shown} />
        </Suspense>
      </main>
      <Toasts />
    </div>
  );
}
