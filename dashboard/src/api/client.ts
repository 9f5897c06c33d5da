import { ApiProblem, networkProblem, toProblem } from './problem';
import { useToasts } from '../state/toasts';

/** The sign-in's tokens; the access token is renewed with the refresh token shortly before it expires. */
export interface Tokens {
  accessToken: string;
  refreshToken: string;
  /** Epoch ms when the access token expires. */
  expiresAt: number;
}

interface TokenAnswer {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

const STORAGE_KEY = 'cctv.tokens';
const RENEW_BEFORE_MS = 30_000;

let tokens: Tokens | null = readStored();
let refreshing: Promise<boolean> | null = null;
let signedOut: () => void = () => {};

function readStored(): Tokens | null {
  try {
    const raw = globalThis.sessionStorage?.getItem(STORAGE_KEY);
    return raw ? (JSON.parse(raw) as Tokens) : null;
  } catch {
    return null;
  }
}

export function currentTokens(): Tokens | null {
  return tokens;
}

export function setTokens(t: Tokens | null): void {
  tokens = t;
  if (t) sessionStorage.setItem(STORAGE_KEY, JSON.stringify(t));
  else sessionStorage.removeItem(STORAGE_KEY);
}

export function tokensFrom(answer: TokenAnswer, now = Date.now()): Tokens {
  return { accessToken: answer.accessToken, refreshToken: answer.refreshToken, expiresAt: now + answer.expiresIn * 1000 };
}

/** Called when the sign-in ends by itself (refresh refused): the app goes back to the login page. */
export function onSignedOut(callback: () => void): void {
  signedOut = callback;
}

export interface RequestOptions {
  body?: unknown;
  query?: Record<string, string | number | boolean | undefined | null>;
  headers?: Record<string, string>;
  /** Raw body (a file), sent as is with its own content type. */
  raw?: Blob;
  /** Do not show a toast for a failure: the caller shows it where it belongs (a tile's quota message). */
  quiet?: boolean;
  signal?: AbortSignal;
}

export function withQuery(path: string, query?: RequestOptions['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

/** Renews the access token once for every caller waiting on it; false when the sign-in is over. */
export function refreshTokens(fetchFn: typeof fetch = fetch): Promise<boolean> {
  if (!tokens) return Promise.resolve(false);
  if (!refreshing) {
    const refreshToken = tokens.refreshToken;
    refreshing = (async () => {
      try {
        const r = await fetchFn('/api/v1/auth/refresh', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
          body: JSON.stringify({ refreshToken }),
        });
        if (!r.ok) return false;
        setTokens(tokensFrom((await r.json()) as TokenAnswer));
        return true;
      } catch {
        return false;
      } finally {
        refreshing = null;
      }
    })();
  }
  return refreshing;
}

async function send(method: string, path: string, o: RequestOptions, fetchFn: typeof fetch): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json', ...o.headers };
  let body: BodyInit | undefined;
  if (o.raw) {
    body = o.raw;
  } else if (o.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(o.body);
  }
  if (tokens) headers.Authorization = `Bearer ${tokens.accessToken}`;
  return fetchFn(withQuery(path, o.query), { method, headers, body, signal: o.signal });
}

async function problemOf(r: Response): Promise<ApiProblem> {
  const type = r.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      return new ApiProblem(toProblem(r.status, await r.json()));
    } catch {
      /* an unreadable body: the status says enough */
    }
  }
  return new ApiProblem(toProblem(r.status, undefined, type.includes('html') ? undefined : await r.text().catch(() => '')));
}

/**
 * Calls the api (through the dashboard's /api forward) as the signed-in user. A failure is thrown as an
 * {@link ApiProblem} and, unless quiet, shown as a toast with the problem's title and detail.
 */
export async function api<T = unknown>(method: string, path: string, o: RequestOptions = {}, fetchFn: typeof fetch = fetch): Promise<T> {
  try {
    if (tokens && tokens.expiresAt - Date.now() < RENEW_BEFORE_MS && !path.startsWith('/api/v1/auth/')) {
      await refreshTokens(fetchFn);
    }
    let r = await send(method, path, o, fetchFn);
    if (r.status === 401 && tokens && !path.startsWith('/api/v1/auth/')) {
      if (await refreshTokens(fetchFn)) {
        r = await send(method, path, o, fetchFn);
      } else {
        setTokens(null);
        signedOut();
      }
    }
    if (!r.ok) throw await problemOf(r);
    if (r.status === 204) return undefined as T;
    const type = r.headers.get('content-type') ?? '';
    return (type.includes('json') ? await r.json() : await r.text()) as T;
  } catch (e) {
    const failure = e instanceof ApiProblem ? e : e instanceof DOMException && e.name === 'AbortError' ? null : new ApiProblem(networkProblem(e));
    if (!failure) throw e;
    if (!o.quiet) useToasts.getState().problem(failure.problem);
    throw failure;
  }
}

/** Runs an api call for its effect; a failure is already shown as a toast, so it only needs to be caught. */
export function fire(p: Promise<unknown>): void {
  p.catch(() => {});
}

export interface Page<T> {
  items: T[];
  total: number;
}
