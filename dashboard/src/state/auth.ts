import { create } from 'zustand';
import { api, currentTokens, fire, onSignedOut, setTokens, tokensFrom } from '../api/client';
import { allowReservations, releaseAll } from '../live/streams';

export interface Me {
  username: string;
  roles: string[];
  agency: string;
  subject?: string;
}

interface AuthState {
  status: 'anonymous' | 'loading' | 'signedIn';
  me: Me | null;
  login: (username: string, password: string) => Promise<void>;
  logout: () => Promise<void>;
  /** Picks the sign-in of this tab up again after a reload. */
  restore: () => Promise<void>;
}

export const useAuth = create<AuthState>((set) => ({
  status: currentTokens() ? 'loading' : 'anonymous',
  me: null,
  login: async (username, password) => {
    set({ status: 'loading' });
    try {
      const answer = await api<{ accessToken: string; refreshToken: string; expiresIn: number }>('POST', '/api/v1/auth/login', {
        body: { username, password },
      });
      setTokens(tokensFrom(answer));
      allowReservations();
      const me = await api<Me>('GET', '/api/v1/me');
      set({ status: 'signedIn', me });
    } catch (e) {
      setTokens(null);
      set({ status: 'anonymous', me: null });
      throw e;
    }
  },
  logout: async () => {
    await releaseAll();
    if (currentTokens()) {
      await api('POST', '/api/v1/auth/logout').catch(() => {});
    }
    setTokens(null);
    set({ status: 'anonymous', me: null });
  },
  restore: async () => {
    if (!currentTokens()) {
      set({ status: 'anonymous' });
      return;
    }
    try {
      set({ status: 'signedIn', me: await api<Me>('GET', '/api/v1/me', { quiet: true }) });
    } catch {
      setTokens(null);
      set({ status: 'anonymous', me: null });
    }
  },
}));

onSignedOut(() => useAuth.setState({ status: 'anonymous', me: null }));

/** The user's one role (the api gives a list; users hold one). */
export function roleOf(me: Me | null): string {
  return me?.roles[0] ?? '';
}

export function hasRole(me: Me | null, ...roles: string[]): boolean {
  return !!me && me.roles.some((r) => roles.includes(r));
}

export { fire };
