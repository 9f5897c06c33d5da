import { api, currentTokens, onSignedOut, setTokens } from './client';
import { ApiProblem } from './problem';
import { useToasts } from '../state/toasts';

function json(status: number, body: unknown, type = 'application/json'): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });
}

describe('api', () => {
  beforeEach(() => {
    setTokens({ accessToken: 'old', refreshToken: 'r1', expiresAt: Date.now() + 300_000 });
    useToasts.setState({ toasts: [] });
  });

  it('sends the access token and reads the JSON answer', async () => {
    const fetchFn = vi.fn(async () => json(200, { username: 'admin' }));
    await expect(api('GET', '/api/v1/me', {}, fetchFn as unknown as typeof fetch)).resolves.toEqual({ username: 'admin' });
    expect(fetchFn).toHaveBeenCalledWith('/api/v1/me', expect.objectContaining({ headers: expect.objectContaining({ Authorization: 'Bearer old' }) }));
  });

  it('renews the token once on a 401 and repeats the request', async () => {
    const calls: string[] = [];
    const fetchFn = vi.fn(async (url: string, init: RequestInit) => {
      calls.push(`${url} ${(init.headers as Record<string, string>).Authorization ?? ''}`);
      if (url === '/api/v1/auth/refresh') return json(200, { accessToken: 'new', refreshToken: 'r2', expiresIn: 300 });
      return (init.headers as Record<string, string>).Authorization === 'Bearer new' ? json(200, { ok: true }) : json(401, { status: 401, title: 'Unauthorized' }, 'application/problem+json');
    });
    await expect(api('GET', '/api/v1/cameras', {}, fetchFn as unknown as typeof fetch)).resolves.toEqual({ ok: true });
    expect(calls).toEqual(['/api/v1/cameras Bearer old', '/api/v1/auth/refresh ', '/api/v1/cameras Bearer new']);
    expect(currentTokens()?.refreshToken).toBe('r2');
  });

  it('ends the sign-in when the refresh is refused', async () => {
    const ended = vi.fn();
    onSignedOut(ended);
    const fetchFn = vi.fn(async (url: string) =>
      url === '/api/v1/auth/refresh' ? json(401, { status: 401, title: 'Unauthorized' }) : json(401, { status: 401, title: 'Unauthorized', detail: 'token expired' }),
    );
    await expect(api('GET', '/api/v1/cameras', {}, fetchFn as unknown as typeof fetch)).rejects.toBeInstanceOf(ApiProblem);
    expect(ended).toHaveBeenCalled();
    expect(currentTokens()).toBeNull();
  });

  it('shows every problem as a toast with its title and detail, unless told to keep quiet', async () => {
    const fetchFn = async () => json(409, { status: 409, title: 'Conflict', detail: 'footage exists in the range' }, 'application/problem+json');
    await expect(api('POST', '/api/v1/x', { body: {} }, fetchFn as unknown as typeof fetch)).rejects.toMatchObject({ status: 409 });
    expect(useToasts.getState().toasts).toEqual([expect.objectContaining({ kind: 'error', title: '409 Conflict', detail: 'footage exists in the range' })]);
    await expect(api('POST', '/api/v1/x', { body: {}, quiet: true }, fetchFn as unknown as typeof fetch)).rejects.toMatchObject({ status: 409 });
    expect(useToasts.getState().toasts).toHaveLength(1);
  });

  it('reports an unreachable server as a network problem, not silence', async () => {
    const fetchFn = async () => {
      throw new TypeError('Failed to fetch');
    };
    await expect(api('GET', '/api/v1/me', {}, fetchFn as unknown as typeof fetch)).rejects.toMatchObject({ status: 0 });
    expect(useToasts.getState().toasts[0]).toMatchObject({ title: 'Network error', detail: 'Failed to fetch' });
  });

  it('reads a non-JSON error page by its status line', async () => {
    const fetchFn = async () => new Response('<html>bad gateway</html>', { status: 502, headers: { 'content-type': 'text/html' } });
    await expect(api('GET', '/api/v1/me', {}, fetchFn as unknown as typeof fetch)).rejects.toMatchObject({ problem: { status: 502, title: 'Bad Gateway' } });
  });
});
