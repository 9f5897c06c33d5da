import { act, fireEvent, render, screen } from '@testing-library/react';
import { App } from '../App';
import { TileMessage, TileStatus } from '../live/Tile';
import { LoginPage } from '../pages/LoginPage';
import { Timeline } from '../playback/Timeline';
import { useAuth } from '../state/auth';
import { useI18n } from '../state/i18n';
import { useToasts } from '../state/toasts';
import { setTokens } from '../api/client';
import { Toasts } from './Toasts';

const T = Date.parse('2026-11-24T10:00:00Z');

// jsdom has no PointerEvent: a MouseEvent with a pointer id carries the coordinates the timeline reads.
if (!('PointerEvent' in window)) {
  class PointerEventShim extends MouseEvent {
    pointerId: number;
    constructor(type: string, init: PointerEventInit = {}) {
      super(type, init);
      this.pointerId = init.pointerId ?? 0;
    }
  }
  Object.assign(window, { PointerEvent: PointerEventShim });
}

describe('live tile', () => {
  afterEach(() => act(() => useI18n.getState().setLang('en')));

  it('shows the agency and its numbers when the quota is full, not a blank tile', () => {
    render(<TileMessage state={{ phase: 'quota', quota: { scope: 'agency', agency: 'METRO', active: 8, limit: 8 } }} />);
    expect(screen.getByTestId('tile-quota').textContent).toContain('METRO: 8 of 8 streams in use');
  });

  it('names a full camera viewer limit as such, and says it in Arabic', () => {
    act(() => useI18n.getState().setLang('ar'));
    render(<TileMessage state={{ phase: 'quota', quota: { scope: 'camera', agency: 'METRO', active: 100, limit: 100 } }} />);
    expect(screen.getByTestId('tile-quota').textContent).toContain('100 من 100');
  });

  it('shows the phase and the latency when live, and offline for an offline camera', () => {
    const camera = { id: 'c', name: 'Gate 1', agency: 'METRO', status: 'ONLINE' as const, ptz: false, recording: true };
    const { rerender } = render(<TileStatus state={{ phase: 'live', latencyMs: 250 }} camera={camera} />);
    expect(screen.getByTestId('tile-phase').textContent).toBe('Live');
    expect(screen.getByTestId('tile-latency').textContent).toContain('0.25 s');
    rerender(<TileStatus state={{ phase: 'reconnecting' }} camera={{ ...camera, status: 'OFFLINE' }} />);
    expect(screen.getByTestId('tile-phase').textContent).toBe('Offline');
  });

  it('shows a refused stream with the problem title and detail', () => {
    render(<TileMessage state={{ phase: 'error', problem: { status: 503, title: 'Service Unavailable', detail: 'quotas cannot be checked', extra: {} } }} />);
    expect(screen.getByText('503 Service Unavailable')).toBeTruthy();
    expect(screen.getByText('quotas cannot be checked')).toBeTruthy();
  });
});

describe('toasts', () => {
  it('show each problem until dismissed', () => {
    act(() => useToasts.getState().problem({ status: 423, title: 'Locked', detail: 'police.operator holds the PTZ lock', extra: {} }));
    render(<Toasts />);
    expect(screen.getByTestId('toast').textContent).toContain('423 Locked');
    expect(screen.getByTestId('toast').textContent).toContain('police.operator holds the PTZ lock');
    fireEvent.click(screen.getByLabelText('Close'));
    expect(screen.queryByTestId('toast')).toBeNull();
  });
});

describe('login', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows the problem the api answers for wrong credentials', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify({ status: 401, title: 'Unauthorized', detail: 'Wrong username or password.' }), {
        status: 401,
        headers: { 'content-type': 'application/problem+json' },
      })),
    );
    render(<LoginPage />);
    fireEvent.change(screen.getByLabelText('Username'), { target: { value: 'admin' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'nope' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    });
    expect((await screen.findByTestId('login-error')).textContent).toBe('Unauthorized: Wrong username or password.');
  });

  it('signs in and shows the user name, role and agency on every page', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => {
        const body =
          url === '/api/v1/auth/login'
            ? { accessToken: 'a', refreshToken: 'r', tokenType: 'Bearer', expiresIn: 300 }
            : url === '/api/v1/me'
              ? { username: 'police.operator', roles: ['OPERATOR'], agency: 'DUBAI_POLICE' }
              : { items: [], total: 0 };
        return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
      }),
    );
    render(<App />);
    fireEvent.change(screen.getByLabelText('Username'), { target: { value: 'police.operator' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'pw' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    });
    expect((await screen.findByTestId('user')).textContent).toBe('police.operator · OPERATOR · DUBAI_POLICE');
    expect(screen.queryByTestId('nav-admin')).toBeNull();
    expect(screen.getByTestId('nav-incidents')).toBeTruthy();
    act(() => {
      setTokens(null);
      useAuth.setState({ status: 'anonymous', me: null });
    });
  });
});

describe('timeline', () => {
  const view = { start: T, end: T + 100_000 };
  const props = {
    view,
    zoom: 6,
    recorded: [{ start: T + 10_000, end: T + 60_000 }],
    gaps: [{ start: T + 60_000, end: T + 70_000, reason: 'camera dropped' }],
    bookmarks: [{ id: 'b', time: T + 20_000, label: 'van' }],
    incidents: [{ id: 'i', time: T + 30_000, end: T + 40_000, label: 'theft' }],
    playhead: T + 50_000,
    selection: null,
    onZoom: vi.fn(),
    onPan: vi.fn(),
  };

  it('draws recorded ranges, gaps with their reason, bookmarks, incidents and the playhead', () => {
    render(<Timeline {...props} onScrub={vi.fn()} />);
    expect(screen.getByTestId('timeline-recorded').style.left).toBe('10%');
    expect(screen.getByTestId('timeline-gap').title).toContain('camera dropped');
    expect(screen.getByTestId('timeline-bookmark').style.left).toBe('20%');
    expect(screen.getByTestId('timeline-incident').title).toBe('theft');
    expect(screen.getByTestId('timeline-playhead').style.left).toBe('50%');
  });

  it('scrubs to the time under the pointer', () => {
    const onScrub = vi.fn();
    render(<Timeline {...props} onScrub={onScrub} />);
    const track = screen.getByTestId('timeline');
    track.getBoundingClientRect = () => ({ left: 0, width: 1000, top: 0, height: 50, right: 1000, bottom: 50, x: 0, y: 0, toJSON: () => ({}) });
    fireEvent.pointerDown(track, { clientX: 700, pointerId: 1 });
    fireEvent.pointerUp(track, { clientX: 750, pointerId: 1 });
    expect(onScrub).toHaveBeenCalledWith(T + 75_000);
  });

  it('zooms with the buttons from a month to seconds', () => {
    const onZoom = vi.fn();
    render(<Timeline {...props} onZoom={onZoom} onScrub={vi.fn()} />);
    fireEvent.click(screen.getByTestId('zoom-30d'));
    fireEvent.click(screen.getByTestId('zoom-10s'));
    expect(onZoom.mock.calls.map((c) => c[0])).toEqual([0, 8]);
  });
});
