import { api } from '../api/client';
import { ApiProblem, quotaFull, type Problem, type QuotaFull } from '../api/problem';
import { useToasts } from '../state/toasts';

export interface LiveStream {
  id: string;
  cameraId: string;
  agency: string;
  expiresAt: string;
  heartbeatSeconds: number;
  urls: { mse: string; hls: string; webrtc?: string };
}

export type Variant = 'main' | 'sub';

/** What reserving a stream gave: the stream, or the full limit with its numbers, or another problem. */
export type Reservation = { kind: 'stream'; stream: LiveStream } | { kind: 'quota'; quota: QuotaFull } | { kind: 'problem'; problem: Problem };

/** Streams this page holds, released with keepalive requests when the page goes away. */
const held = new Set<string>();
/* Reservations asked for and not answered yet: sign-out waits for them, so none lands after the token is gone. */
const pending = new Set<Promise<unknown>>();
/* From sign-out until the next sign-in no stream is reserved. */
let signingOut = false;

/** After a sign-in: streams may be reserved again. */
export function allowReservations(): void {
  signingOut = false;
}

export async function reserve(cameraId: string, variant: Variant): Promise<Reservation> {
  if (signingOut) {
    return { kind: 'problem', problem: { status: 401, title: 'Signed out', extra: {} } };
  }
  const asked = api<LiveStream>('POST', '/api/v1/streams', { body: { cameraId, variant }, quiet: true });
  pending.add(asked);
  try {
    const stream = await asked;
    held.add(stream.id);
    return { kind: 'stream', stream };
  } catch (e) {
    if (!(e instanceof ApiProblem)) throw e;
    const quota = quotaFull(e.problem);
    if (quota) return { kind: 'quota', quota };
    useToasts.getState().problem(e.problem);
    return { kind: 'problem', problem: e.problem };
  } finally {
    pending.delete(asked);
  }
}

/** Keeps a stream; false once it lapsed or was released (the caller reserves again). */
export async function heartbeat(id: string): Promise<boolean> {
  try {
    await api('POST', `/api/v1/streams/${encodeURIComponent(id)}/heartbeat`, { quiet: true });
    return true;
  } catch (e) {
    if (e instanceof ApiProblem && e.status === 404) {
      held.delete(id);
      return false;
    }
    if (e instanceof ApiProblem) useToasts.getState().problem(e.problem);
    return true;
  }
}

export function release(id: string): void {
  if (!held.delete(id)) return; // already released (sign-out releases every stream first)
  api('DELETE', `/api/v1/streams/${encodeURIComponent(id)}`, { quiet: true }).catch(() => {
    /* a stream not released lapses by itself after its time to live */
  });
}

export function heldStreams(): string[] {
  return [...held];
}

/** Releases every stream this page holds and waits for the answers: done before signing out, while the token works. */
export async function releaseAll(): Promise<void> {
  // A tile that asked for a stream just before sign-out gets it after: wait, then release it with the rest (its own
  // release, when the tile goes, would come after the token is gone and answer 401).
  signingOut = true;
  await Promise.allSettled([...pending]);
  const ids = [...held];
  held.clear();
  await Promise.all(ids.map((id) => api('DELETE', `/api/v1/streams/${encodeURIComponent(id)}`, { quiet: true }).catch(() => {})));
}

window.addEventListener('pagehide', () => {
  const raw = sessionStorage.getItem('cctv.tokens');
  const token = raw ? (JSON.parse(raw) as { accessToken: string }).accessToken : null;
  for (const id of held) {
    fetch(`/api/v1/streams/${encodeURIComponent(id)}`, {
      method: 'DELETE',
      keepalive: true,
      headers: token ? { Authorization: `Bearer ${token}` } : {},
    }).catch(() => {});
  }
  held.clear();
});
