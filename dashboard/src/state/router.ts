import { create } from 'zustand';

/** The pages of the app; the launcher serves index.html for each of these paths. */
export const PAGES = ['live', 'playback', 'incidents', 'search', 'analytics', 'monitoring', 'admin', 'status'] as const;
export type PageName = (typeof PAGES)[number];

interface RouterState {
  page: PageName;
  /** The query of the current address, e.g. playback's camera and time. */
  params: URLSearchParams;
  navigate: (page: PageName, params?: Record<string, string>) => void;
}

export function parseLocation(pathname: string, search: string): { page: PageName; params: URLSearchParams } {
  const first = pathname.split('/').filter(Boolean)[0] ?? '';
  const page = (PAGES as readonly string[]).includes(first) ? (first as PageName) : 'live';
  return { page, params: new URLSearchParams(search) };
}

export const useRouter = create<RouterState>((set) => ({
  ...parseLocation(window.location.pathname, window.location.search),
  navigate: (page, params) => {
    const search = params ? new URLSearchParams(params).toString() : '';
    window.history.pushState(null, '', `/${page}${search ? `?${search}` : ''}`);
    set({ page, params: new URLSearchParams(search) });
  },
}));

window.addEventListener('popstate', () => useRouter.setState(parseLocation(window.location.pathname, window.location.search)));
